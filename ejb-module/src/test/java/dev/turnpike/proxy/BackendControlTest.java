package dev.turnpike.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.turnpike.balance.FailureKind;
import dev.turnpike.balance.Lifecycle;
import dev.turnpike.cdi.LiveRules;
import dev.turnpike.rules.BackendConfig;
import dev.turnpike.rules.BackendRoute;
import dev.turnpike.rules.ClusterConfig;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.spi.BackendChange;
import dev.turnpike.spi.BackendMetrics;
import dev.turnpike.spi.BackendStatus;
import dev.turnpike.spi.NoSuchBackendException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Connectors} as the {@code BackendControl}: naming servers, the operator's changes and
 * their errors, what a reload keeps, and the MBeans that mirror it. The servers are never sent a
 * request, so their addresses need not answer.
 */
class BackendControlTest {

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    private final LiveRules live = new LiveRules();
    private final Connectors connectors = new Connectors();

    BackendControlTest() {
        connectors.live = live;
    }

    @AfterEach
    void close() {
        connectors.close();
    }

    private static BackendConfig server(String id, int port, UnaryOperator<BackendConfig.Builder> settings) {
        return settings.apply(BackendConfig.builder(id, "127.0.0.1", port)).build();
    }

    private static BackendConfig server(String id, int port) {
        return server(id, port, b -> b);
    }

    private void load(BackendConfig... servers) {
        live.loaded(RuleSet.EMPTY.withClusters(List.of(new ClusterConfig("app-tier", List.of(servers),
                "rules.xml:2:3"))), Instant.now());
    }

    private BackendStatus status(String server) {
        return connectors.backend("app-tier", server).orElseThrow();
    }

    private static ObjectName mbean(String cluster, String server) throws JMException {
        return BackendMBeans.name(new BackendMBeans.ServerName(cluster, server));
    }

    @Test
    void everyServerIsListedWithItsWeightAndCounts() {
        load(server("a", 6801), server("b", 6802, b -> b.weight(200)), server("c", 6803, b -> b.backup(true)));
        List<BackendStatus> all = connectors.backends();
        assertEquals(List.of("a STARTING 100 0 0", "b STARTING 200 0 0", "c STARTING 1 0 0"),
                all.stream().map(s -> s.id() + " " + s.state() + " " + s.weight() + " " + s.requests() + " "
                        + s.failures()).toList());
    }

    @Test
    void aServerIsFoundByIdOrByAddressAndPort() {
        load(server("a", 6801), server("b", 6802));
        assertEquals("b", status("b").id());
        assertEquals("b", status("127.0.0.1:6802").id());
        assertEquals(Optional.empty(), connectors.backend("app-tier", "z"));
        assertEquals(Optional.empty(), connectors.backend("nowhere", "a"));
    }

    @Test
    void drainDisableAndEnableMoveTheState() {
        load(server("a", 6801), server("b", 6802));
        assertEquals("SESSION_ONLY", connectors.change("app-tier", "a", BackendChange.drain()).state());
        assertEquals("STANDBY", connectors.change("app-tier", "a", BackendChange.disable()).state());
        assertEquals("STARTING", connectors.change("app-tier", "a", BackendChange.enable()).state());
        assertEquals("STARTING", status("b").state(), "b was not touched");
    }

    @Test
    void aWeightIsSetWithinItsRange() {
        load(server("a", 6801));
        assertEquals(0, connectors.change("app-tier", "a", BackendChange.weight(0)).weight());
        assertEquals(1000, connectors.change("app-tier", "a", BackendChange.weight(1000)).weight());
        try {
            BackendChange.weight(1001);
            fail("weight 1001 was accepted");
        } catch (IllegalArgumentException e) {
            assertEquals("weight: 1001 (expected: 0-1000)", e.getMessage());
        }
        try {
            BackendChange.weight(-1);
            fail("weight -1 was accepted");
        } catch (IllegalArgumentException e) {
            assertEquals("weight: -1 (expected: 0-1000)", e.getMessage());
        }
    }

    @Test
    void aBackupServersWeightIsRefused() {
        load(server("a", 6801), server("spare", 6802, b -> b.backup(true)));
        try {
            connectors.change("app-tier", "spare", BackendChange.weight(50));
            fail("a backup's weight was changed");
        } catch (IllegalArgumentException e) {
            assertEquals("TPB0011 weight of server 'spare': 50 (expected: none, a backup server's weight is always 1)",
                    e.getMessage());
        }
    }

    @Test
    void anUnknownClusterIsReportedWithTheKnownOnes() {
        load(server("a", 6801));
        try {
            connectors.change("app", "a", BackendChange.drain());
            fail("a change to an unknown cluster passed");
        } catch (NoSuchBackendException e) {
            assertEquals("TPB0009 no cluster 'app' serves now (known: app-tier)", e.getMessage());
            assertEquals("app", e.cluster());
            assertEquals(null, e.server());
        }
    }

    @Test
    void anUnknownServerIsReportedWithTheKnownOnes() {
        load(server("a", 6801), server("b", 6802));
        try {
            connectors.change("app-tier", "c", BackendChange.drain());
            fail("a change to an unknown server passed");
        } catch (NoSuchBackendException e) {
            assertEquals("TPB0010 no server 'c' in cluster 'app-tier' (known: a, b)", e.getMessage());
            assertEquals("c", e.server());
        }
    }

    @Test
    void aReloadThatChangesAServersSettingsKeepsTheOperatorsChangesAndTheCounts() {
        load(server("a", 6801), server("b", 6802));
        connectors.change("app-tier", "a", BackendChange.drain());
        connectors.change("app-tier", "a", BackendChange.weight(300));
        connectors.change("app-tier", "b", BackendChange.disable());
        connectors.clusters().backends().get("app-tier").get(0).meter().failed(FailureKind.CONNECT, 1000);

        load(server("a", 6801, s -> s.socketTimeout(Duration.ofSeconds(30))), server("b", 6802));
        BackendStatus a = status("a");
        assertEquals("SESSION_ONLY", a.state());
        assertEquals(300, a.weight());
        assertEquals(1, a.requests());
        assertEquals(1, a.failures());
        assertEquals(Duration.ofSeconds(30), a.socketTimeout(), "the new settings apply");
        assertEquals("STANDBY", status("b").state(), "an unchanged server keeps its backend");
    }

    @Test
    void aReloadThatChangesTheConfiguredWeightReplacesTheOperatorsWeight() {
        load(server("a", 6801));
        connectors.change("app-tier", "a", BackendChange.weight(300));
        load(server("a", 6801, s -> s.weight(150)));
        assertEquals(150, status("a").weight());
    }

    @Test
    void aServerThatMovedOrLeftIsForgotten() {
        load(server("a", 6801), server("b", 6802));
        connectors.change("app-tier", "a", BackendChange.drain());
        connectors.change("app-tier", "b", BackendChange.drain());
        load(server("a", 6811), server("c", 6803));
        assertEquals("STARTING", status("a").state(), "a new port makes a new server");
        assertEquals(Optional.empty(), connectors.backend("app-tier", "b"));
        load(server("a", 6811), server("b", 6802));
        assertEquals("STARTING", status("b").state(), "b came back as configured");
    }

    @Test
    void aProxyGroupWithNewSettingsKeepsTheOperatorsChangesAndTheCounts() {
        try (ProxyGroups groups = new ProxyGroups(InstantSource.system())) {
            List<String> addresses = List.of("127.0.0.1:8081", "127.0.0.1:8082");
            BalancedCluster before = groups.group(RuleSet.EMPTY, new BackendRoute.Http(addresses, Map.of()),
                    () -> new ProxyGroups.WebApp("/", null));
            before.cluster().backends().get(0).drain();
            before.cluster().backends().get(1).weight(7);
            before.cluster().backends().get(1).meter().served(1);

            RuleSet reloaded = new RuleSet(List.of(), "reloaded");
            BalancedCluster after = groups.group(reloaded, new BackendRoute.Http(addresses,
                    Map.of("idle-time", "5s")), () -> new ProxyGroups.WebApp("/", null));
            assertNotSame(before, after);
            assertEquals("http 127.0.0.1:8081 127.0.0.1:8082", after.id());
            assertEquals(Lifecycle.SESSION_ONLY, after.cluster().backends().get(0).state().lifecycle());
            assertEquals(7, after.cluster().backends().get(1).weight());
            assertEquals(1, after.cluster().backends().get(1).meter().latency().count());
        }
    }

    @Test
    void theMetricsListEveryServerWithItsHistogram() {
        load(server("a", 6801));
        connectors.clusters().backends().get("app-tier").get(0).meter().served(3_000_000);
        connectors.clusters().backends().get("app-tier").get(0).meter().failed(FailureKind.BUSY, 30_000_000);
        BackendMetrics metrics = connectors.metrics().get(0);
        assertEquals("app-tier", metrics.cluster());
        assertEquals("a", metrics.server());
        assertEquals(2, metrics.requests());
        assertEquals(1, metrics.failures());
        assertEquals("{connect=0, io=0, busy=1, stale-pooled=0}", metrics.failuresByKind().toString());
        assertEquals(List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0), metrics.upperBounds());
        assertEquals(List.of(1L, 1L, 1L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L), metrics.cumulativeCounts());
        assertEquals(0.033, metrics.sumSeconds(), 1e-9);
    }

    @Test
    void eachServerHasAnMBeanThatFollowsReloads() throws JMException {
        load(server("a", 6801), server("b", 6802));
        connectors.backends();
        assertTrue(JMX.isRegistered(mbean("app-tier", "a")));
        assertTrue(JMX.isRegistered(mbean("app-tier", "b")));
        assertEquals("dev.turnpike:type=Backend,cluster=app-tier,server=a", mbean("app-tier", "a").toString());

        load(server("a", 6801, s -> s.socketTimeout(Duration.ofSeconds(30))));
        connectors.backends();
        assertTrue(JMX.isRegistered(mbean("app-tier", "a")));
        assertFalse(JMX.isRegistered(mbean("app-tier", "b")), "b left the configuration");

        connectors.close();
        assertFalse(JMX.isRegistered(mbean("app-tier", "a")));
    }

    @Test
    void theMBeanShowsAndChangesTheServer() throws JMException {
        load(server("a", 6801), server("b", 6802));
        connectors.backends();
        ObjectName a = mbean("app-tier", "a");
        assertEquals("STARTING", JMX.getAttribute(a, "State"));
        assertEquals("127.0.0.1:6801", JMX.getAttribute(a, "Address"));
        JMX.invoke(a, "drain", new Object[0], new String[0]);
        assertEquals("SESSION_ONLY", status("a").state());
        JMX.setAttribute(a, new Attribute("Weight", 40));
        assertEquals(40, status("a").weight());
        assertEquals(40, JMX.getAttribute(a, "Weight"));
        assertEquals(0L, JMX.getAttribute(a, "Requests"));
        assertEquals(0L, JMX.getAttribute(a, "Failures"));
        assertEquals(0, JMX.getAttribute(a, "Active"));
        JMX.invoke(a, "disable", new Object[0], new String[0]);
        assertEquals("STANDBY", JMX.getAttribute(a, "State"));
        JMX.invoke(a, "enable", new Object[0], new String[0]);
        assertEquals("STARTING", JMX.getAttribute(a, "State"));
    }

    @Test
    void anMBeanRefusesAWeightOutOfRange() throws JMException {
        load(server("a", 6801));
        connectors.backends();
        try {
            JMX.setAttribute(mbean("app-tier", "a"), new Attribute("Weight", 5000));
            fail("weight 5000 was accepted over JMX");
        } catch (javax.management.RuntimeMBeanException e) {
            assertEquals("weight: 5000 (expected: 0-1000)", e.getCause().getMessage());
        }
        assertEquals(100, status("a").weight());
    }

    @Test
    void aProxyGroupsNameNeedsQuotesInItsMBeanName() throws JMException {
        assertEquals("dev.turnpike:type=Backend,cluster=\"http 10.0.0.1:80 10.0.0.2:80\",server=\"10.0.0.1:80\"",
                mbean("http 10.0.0.1:80 10.0.0.2:80", "10.0.0.1:80").toString());
    }
}

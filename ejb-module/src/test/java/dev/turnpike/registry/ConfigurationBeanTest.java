package dev.turnpike.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnpike.cdi.ConfigControl;
import dev.turnpike.cdi.LiveRules;
import dev.turnpike.config.ConfigProblem;
import dev.turnpike.rules.RuleSet;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The configuration MBean through the platform MBean server, as an operator's JMX console uses it. */
class ConfigurationBeanTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @AfterEach
    void unregister() {
        ConfigurationBean.unregister();
    }

    @Test
    void reloadGoesThroughTheRegistryAndReportsTheProblems() throws Exception {
        LiveRules live = new LiveRules();
        live.loaded(new RuleSet(List.of(), "rules.xml"), Instant.parse("2026-11-22T01:00:00Z"));
        AtomicInteger reloads = new AtomicInteger();
        ConfigControl control = new ConfigControl() {
            @Override
            public LiveRules.Snapshot reload() {
                reloads.incrementAndGet();
                live.failed("rules.xml", List.of(new ConfigProblem("rules.xml", 3, 4, "TPC0105", "invalid regexp")),
                        Instant.now());
                return live.snapshot();
            }

            @Override
            public Source configuration() {
                throw new UnsupportedOperationException("not used by the MBean");
            }
        };
        new ConfigurationBean(live, control).register();
        ObjectName name = new ObjectName("dev.turnpike:type=Configuration");

        assertEquals("rules.xml", server.getAttribute(name, "Source"));
        assertEquals(true, server.getAttribute(name, "Serving"));
        assertEquals("2026-11-22T01:00:00Z", server.getAttribute(name, "LoadedAt"));
        assertArrayEquals(new String[0], (String[]) server.getAttribute(name, "Problems"));

        Object answer = server.invoke(name, "reload", new Object[0], new String[0]);
        assertEquals(1, reloads.get());
        assertEquals("rules.xml:3:4: TPC0105 invalid regexp", answer);
        assertArrayEquals(new String[] {"rules.xml:3:4: TPC0105 invalid regexp"},
                (String[]) server.getAttribute(name, "Problems"));
        assertEquals(true, server.getAttribute(name, "Serving"), "the old rules keep serving");
    }
}

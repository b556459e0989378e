package dev.turnpike.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.turnpike.rules.BackendConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What an operator's enable, disable, drain and weight do to a cluster's selections, and what a
 * replacing backend takes over.
 */
class OperatorChangesTest {

    private final TestBackends backends = new TestBackends();

    /** A request of the session owned by the backend at {@code owner}. */
    private static StickyKey session(int owner) {
        return new StickyKey("session-" + owner, owner);
    }

    private Cluster cluster(boolean forceSticky) {
        return new Cluster("app", backends.list, new RoundRobin(), Stickiness.OFF, forceSticky);
    }

    private static Backend chosen(Selection selection) {
        return assertInstanceOf(Selection.Chosen.class, selection).backend();
    }

    private static void release(Selection selection) {
        if (selection instanceof Selection.Chosen chosen) {
            chosen.backend().release();
        }
    }

    @Test
    void aDrainedBackendKeepsItsSessionsButTakesNoNewRequests() {
        Backend a = backends.active("a");
        backends.active("b");
        Cluster cluster = cluster(false);
        a.drain();
        assertEquals(Lifecycle.SESSION_ONLY, a.state().lifecycle());
        Selection sticky = cluster.select(session(0), Set.of());
        assertSame(a, chosen(sticky), "a session a owns still goes to a");
        assertEquals(Selection.Route.STICKY, ((Selection.Chosen) sticky).route());
        release(sticky);
        for (int i = 0; i < 20; i++) {
            Selection selection = cluster.select(null, Set.of());
            assertEquals("b", chosen(selection).config().id(), "request " + i + " without a session went to a");
            release(selection);
        }
    }

    @Test
    void aDisabledBackendTakesNothingNewAndItsSessionsMove() {
        Backend a = backends.active("a");
        backends.active("b");
        Cluster cluster = cluster(false);
        a.stop();
        assertEquals(Lifecycle.STANDBY, a.state().lifecycle());
        Selection sticky = cluster.select(session(0), Set.of());
        assertEquals("b", chosen(sticky).config().id(), "a's session moved to b");
        release(sticky);
        for (int i = 0; i < 20; i++) {
            Selection selection = cluster.select(null, Set.of());
            assertEquals("b", chosen(selection).config().id(), "request " + i + " went to the disabled a");
            release(selection);
        }
    }

    @Test
    void aDisabledBackendsSessionsAreRefusedUnderForceSticky() {
        Backend a = backends.active("a");
        backends.active("b");
        a.stop();
        Selection.Refused refused = assertInstanceOf(Selection.Refused.class,
                cluster(true).select(session(0), Set.of()));
        assertTrue(refused.message().contains("takes no sessions in state STANDBY"), refused.message());
    }

    @Test
    void enablingADisabledBackendGivesItTrafficAgain() {
        Backend a = backends.active("a");
        backends.active("b");
        Cluster cluster = cluster(false);
        a.stop();
        a.start();
        assertEquals(Lifecycle.STARTING, a.state().lifecycle());
        Traffic traffic = new Traffic(cluster).sequential(10);
        assertEquals(Map.of("a", 5, "b", 5), traffic.counts);
    }

    @Test
    void enablingADrainedBackendGivesItNewRequestsAgain() {
        Backend a = backends.active("a");
        backends.active("b");
        a.drain();
        a.start();
        Traffic traffic = new Traffic(cluster(false)).sequential(10);
        assertEquals(Map.of("a", 5, "b", 5), traffic.counts);
    }

    @Test
    void aNewWeightChangesTheShareOfLeastConnection() {
        Backend a = backends.active("a", b -> b.weight(100));
        Backend b = backends.active("b", c -> c.weight(100));
        Cluster cluster = new Cluster("app", backends.list, new LeastConnection(), Stickiness.OFF, false);
        Traffic even = new Traffic(cluster).held(1000);
        assertEquals(Map.of("a", 500, "b", 500), even.counts);

        TestBackends.pool(a).active = 0;
        TestBackends.pool(b).active = 0;
        b.weight(300);
        assertEquals(300, b.weight());
        assertTrue(b.weightSet());
        Traffic weighted = new Traffic(cluster).held(1000);
        // costs a/100 and b/300 stay level: b holds three quarters
        assertEquals(250, weighted.count("a"), 1);
        assertEquals(750, weighted.count("b"), 1);
    }

    @Test
    void weightZeroKeepsTheBackendOutOfLeastConnectionsChoice() {
        backends.active("a");
        Backend b = backends.active("b");
        Cluster cluster = new Cluster("app", backends.list, new LeastConnection(), Stickiness.OFF, false);
        b.weight(0);
        Traffic traffic = new Traffic(cluster).held(50);
        assertEquals(Map.of("a", 50, "b", 0), traffic.counts);
    }

    @Test
    void aNegativeWeightIsRefusedWithTheRange() {
        Backend a = backends.active("a");
        try {
            a.weight(-1);
            fail("a negative weight was accepted");
        } catch (IllegalArgumentException e) {
            assertEquals("weight of server 'a': -1 (expected: 0 or more)", e.getMessage());
        }
        assertEquals(100, a.weight());
        assertFalse(a.weightSet());
    }

    @Test
    void aBackupServersWeightCannotChange() {
        Backend backup = backends.active("spare", b -> b.backup(true));
        try {
            backup.weight(50);
            fail("a backup's weight was changed");
        } catch (IllegalArgumentException e) {
            assertEquals("TPB0011 weight of server 'spare': 50 (expected: none, a backup server's weight is always 1)",
                    e.getMessage());
        }
        assertEquals(1, backup.weight());
    }

    @Test
    void aReplacingBackendTakesOverTheDrainTheWeightAndTheMeter() {
        Backend old = backends.active("a");
        old.drain();
        old.weight(250);
        old.meter().served(1_000_000);
        BackendConfig changed = BackendConfig.builder("a", old.config().address(), old.config().port())
                .socketTimeout(Duration.ofSeconds(5)).build();
        Backend replacing = new Backend(changed, backends.clock, old.meter());
        replacing.start();
        replacing.takeOver(old);
        assertEquals(Lifecycle.SESSION_ONLY, replacing.state().lifecycle());
        assertEquals(250, replacing.weight());
        assertEquals(1, replacing.meter().latency().count());
    }

    @Test
    void aReplacingBackendTakesOverAStopButNotAWeightTheConfigurationChanged() {
        Backend old = backends.active("a");
        old.stop();
        old.weight(250);
        BackendConfig changed = BackendConfig.builder("a", old.config().address(), old.config().port())
                .weight(400).build();
        Backend replacing = new Backend(changed, backends.clock);
        replacing.start();
        replacing.takeOver(old);
        assertEquals(Lifecycle.STANDBY, replacing.state().lifecycle());
        assertEquals(400, replacing.weight(), "the file changed the weight after the operator did");
        assertFalse(replacing.weightSet());
    }

    @Test
    void aReplacingBackendOfAnActiveServerStartsAsUsual() {
        Backend old = backends.active("a");
        Backend replacing = new Backend(old.config(), backends.clock);
        replacing.start();
        replacing.takeOver(old);
        assertEquals(Lifecycle.STARTING, replacing.state().lifecycle());
        assertEquals(100, replacing.weight());
    }
}

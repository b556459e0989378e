package dev.turnpike.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code least-connection}: costs, weights, busy penalty, green minimum and rotation. */
class LeastConnectionTest {

    private final TestBackends backends = new TestBackends();

    private Cluster cluster(LeastConnection strategy) {
        return new Cluster("web", backends.list, strategy, Stickiness.OFF, false);
    }

    private Cluster cluster() {
        return cluster(new LeastConnection());
    }

    @Test
    void heldConnectionsFollowTheWeights() {
        backends.active("a", b -> b.weight(100));
        backends.active("b", b -> b.weight(200));
        Traffic traffic = new Traffic(cluster()).held(1000);
        // costs a/100 and b/200 stay level: a holds a third
        assertEquals(333, traffic.count("a"), 1);
        assertEquals(667, traffic.count("b"), 1);
    }

    @Test
    void steadyLoadFollowsTheWeights() {
        backends.active("a", b -> b.weight(100));
        backends.active("b", b -> b.weight(200));
        Traffic traffic = new Traffic(cluster()).steady(30, 1000);
        assertEquals(1030 / 3.0, traffic.count("a"), 15);
        assertEquals(2 * 1030 / 3.0, traffic.count("b"), 15);
    }

    @Test
    void withNothingInFlightBackendsTakeTurnsWhateverTheirWeights() {
        // every cost is 0: the first in rotation wins and the rotation moves past it
        backends.active("a", b -> b.weight(100));
        backends.active("b", b -> b.weight(200));
        Traffic traffic = new Traffic(cluster()).sequential(1000);
        assertEquals(Map.of("a", 500, "b", 500), traffic.counts);
    }

    @Test
    void equalConnectionCountsFavourTheHeavierBackend() {
        Backend a = backends.active("a", b -> b.weight(100));
        Backend b = backends.active("b", b2 -> b2.weight(200));
        TestBackends.pool(a).active = 4;
        TestBackends.pool(b).active = 4;
        LeastConnection strategy = new LeastConnection();
        assertEquals(4.0, strategy.cost(a));
        assertEquals(2.0, strategy.cost(b));
        for (int i = 0; i < 10; i++) {
            Backend chosen = strategy.choose(backends.list, 0, Set.of());
            assertSame(b, chosen);
            chosen.release();
        }
    }

    @Test
    void backupTakesAboutOnePercentUnderLoad() {
        backends.active("a");
        backends.active("b");
        backends.active("z", b -> b.backup(true));
        Traffic traffic = new Traffic(cluster()).held(2010);
        // z at weight 1 holds one connection for every 100 of a primary's
        assertEquals(10, traffic.count("z"), 1);
        assertEquals(1000, traffic.count("a"), 1);
    }

    @Test
    void busyBackendIsChosenOnlyWhenNothingElseIs() {
        Backend a = backends.active("a");
        Backend b = backends.active("b");
        TestBackends.pool(a).active = 1000;
        b.failed(FailureKind.BUSY, backends.clock.millis());
        LeastConnection strategy = new LeastConnection();
        assertEquals(LeastConnection.MAX_COST - 1, strategy.cost(b));
        assertSame(a, strategy.choose(backends.list, 0, Set.of()));
        assertSame(b, strategy.choose(backends.list, 0, Set.of(a)));
    }

    @Test
    void zeroWeightFailedAndTriedBackendsAreNoCandidates() {
        Backend a = backends.active("a", b -> b.weight(0));
        Backend b = backends.active("b");
        Backend c = backends.active("c");
        b.failed(FailureKind.CONNECT, backends.clock.millis());
        LeastConnection strategy = new LeastConnection();
        assertSame(c, strategy.choose(backends.list, 0, Set.of()));
        assertNull(strategy.choose(backends.list, 0, Set.of(c)));
        // a drained backend with idle connections is no candidate either
        c.drain();
        TestBackends.pool(c).idle = 2;
        assertNull(strategy.choose(backends.list, 0, Set.of()));
        assertEquals(0, a.allocated());
    }

    @Test
    void warmUpLimitsCandidates() {
        Backend a = backends.added("a", b -> b);
        a.start();
        a.connected();
        Backend b = backends.active("b");
        TestBackends.pool(b).active = 50;
        LeastConnection strategy = new LeastConnection();
        Backend first = strategy.choose(backends.list, 0, Set.of());
        assertSame(a, first);
        TestBackends.pool(a).active = 1;
        // a is in the first warm-up chunk and holds its one connection: b, however loaded
        assertSame(b, strategy.choose(backends.list, 0, Set.of()));
    }

    @Test
    void greenMinimumGathersLoadOnTheFirstServers() {
        backends.active("a", b -> b.connectionMin(3));
        backends.active("b", b -> b.connectionMin(3));
        backends.active("c");
        Traffic traffic = new Traffic(cluster()).held(3);
        assertEquals(Map.of("a", 3, "b", 0, "c", 0), traffic.counts);
        // a has its minimum: b is below its own, so c is still out
        traffic.held(3);
        assertEquals(Map.of("a", 3, "b", 3, "c", 0), traffic.counts);
        // every minimum met: plain least-connection, c catches up
        traffic.held(3);
        assertEquals(Map.of("a", 3, "b", 3, "c", 3), traffic.counts);
    }

    @Test
    void costAddsCpuAndLatency() {
        Backend a = backends.active("a", b -> b.weight(50));
        TestBackends.pool(a).active = 2;
        a.load().reportCpuLoad(1.5);
        a.completed();
        backends.clock.advance(400);
        a.completed();
        // latency factor 0.05 * 400 = 20
        assertEquals((100 * 2 + 100 * 20 / 100.0) / 50, new LeastConnection().cost(a), 1e-9);
        assertEquals((100 * 2 + 10 * 1.5 + 100 * 20 / 100.0) / 50, new LeastConnection(100, 10).cost(a), 1e-9);
        // the latency term applies only to a backend with connections
        TestBackends.pool(a).active = 0;
        assertEquals(10 * 1.5 / 50, new LeastConnection(100, 10).cost(a), 1e-9);
    }

    @Test
    void allocationsCountAsConnections() {
        Backend a = backends.active("a");
        Backend b = backends.active("b");
        LeastConnection strategy = new LeastConnection();
        // nothing released: each choice counts against the next
        Backend first = strategy.choose(backends.list, 0, Set.of());
        Backend second = strategy.choose(backends.list, 0, Set.of());
        assertTrue(first != second);
        assertEquals(1, a.allocated());
        assertEquals(1, b.allocated());
    }

    @Test
    void namesAndWeights() {
        assertEquals("least-connection", Strategy.named("least-connection").toString());
        assertEquals("least-connection", Strategy.named("adaptive").toString());
        assertEquals("round-robin", Strategy.named("round-robin").toString());
        assertEquals("least-connection connection-weight=50 cpu-weight=10", new LeastConnection(50, 10).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Strategy.named("random"));
        assertEquals("strategy: \"random\" (expected: round-robin, least-connection or adaptive)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LeastConnection(-1, 0));
        assertEquals("connection-weight: -1 (expected: 0 or more)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LeastConnection(100, -1));
        assertEquals("cpu-weight: -1 (expected: 0 or more)", e.getMessage());
    }
}

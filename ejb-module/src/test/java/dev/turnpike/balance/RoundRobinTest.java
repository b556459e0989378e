package dev.turnpike.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code round-robin}: turns over the primaries, whatever their weights and load. */
class RoundRobinTest {

    private final TestBackends backends = new TestBackends();

    private Cluster cluster() {
        return new Cluster("web", backends.list, new RoundRobin(), Stickiness.OFF, false);
    }

    private static List<String> order(Cluster cluster, int requests) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Selection.Chosen chosen = (Selection.Chosen) cluster.select(null, Set.of());
            assertEquals(Selection.Route.STRATEGY, chosen.route());
            chosen.backend().release();
            ids.add(chosen.backend().config().id());
        }
        return ids;
    }

    @Test
    void cyclesInConfigurationOrder() {
        backends.active("a");
        backends.active("b", b -> b.weight(500));
        backends.active("c");
        assertEquals(List.of("a", "b", "c", "a", "b", "c", "a"), order(cluster(), 7));
    }

    @Test
    void loadPlaysNoPart() {
        backends.active("a");
        backends.active("b");
        Traffic traffic = new Traffic(cluster()).held(1000);
        assertEquals(Map.of("a", 500, "b", 500), traffic.counts);
    }

    @Test
    void backupsAreSkipped() {
        backends.active("a");
        backends.active("z", b -> b.backup(true));
        backends.active("b");
        assertEquals(List.of("a", "b", "a", "b"), order(cluster(), 4));
    }

    @Test
    void aBackendThatCannotOpenIsPassedOver() {
        backends.active("a");
        Backend b = backends.active("b");
        backends.active("c");
        b.failed(FailureKind.CONNECT, backends.clock.millis());
        assertEquals(List.of("a", "c", "a", "c"), order(cluster(), 4));
    }

    @Test
    void deadStartIsNoChoice() {
        Backend a = backends.active("a");
        Backend b = backends.active("b");
        // busy: canOpen (so the start may stop at it) but not live, so round robin declines it
        b.failed(FailureKind.BUSY, backends.clock.millis());
        RoundRobin strategy = new RoundRobin();
        assertNull(strategy.choose(backends.list, 1, Set.of()));
        assertEquals(a, strategy.choose(backends.list, 0, Set.of()));
        assertNull(strategy.choose(backends.list, 0, Set.of(a)), "tried");
        assertEquals("round-robin", strategy.toString());
    }
}

package dev.turnpike.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The selection passes end to end: sticky owner, hash fallback, force, strategy, warm and forced
 * passes, drain, standby and backups.
 */
class ClusterTest {

    private static final Stickiness RESIN_4 = new Stickiness.ServerCode(Stickiness.IdLayout.RESIN_4,
            StickySource.DEFAULT);

    private final TestBackends backends = new TestBackends();
    private Backend a;
    private Backend b;
    private Backend c;

    private void threeActive() {
        a = backends.active("a");
        b = backends.active("b");
        c = backends.active("c");
    }

    private Cluster cluster(boolean force) {
        return new Cluster("web", backends.list, new LeastConnection(), RESIN_4, force);
    }

    private long now() {
        return backends.clock.millis();
    }

    /** A Resin 4 session id owned by server {@code owner} whose hash fallback satisfies {@code test}. */
    private static String sessionOf(char owner, int size, Predicate<int[]> test) {
        for (int i = 0; i < 100_000; i++) {
            String id = owner + "aa" + Integer.toString(i * 7919 + 100_000, 36) + "Q8wjm3tGFxKP";
            if (test.test(new StickyKey(id, 0).fallbackIndexes(size))) {
                return id;
            }
        }
        throw new AssertionError("no session id of owner " + owner + " has such a fallback");
    }

    private StickyKey key(Cluster cluster, String sessionId) {
        return cluster.stickyKey(new StickyRequest(Map.of("JSESSIONID", sessionId), false, "/"));
    }

    private static Selection chosen(Backend backend, Selection.Route route) {
        return new Selection.Chosen(backend, route);
    }

    // sticky owner

    @Test
    void ownerTakesItsSession() {
        threeActive();
        Cluster cluster = cluster(false);
        StickyKey key = key(cluster, "baaQ8wjm3tGFxKPsNy1Wr");
        assertEquals(new StickyKey("baaQ8wjm3tGFxKPsNy1Wr", 1), key);
        assertEquals(chosen(b, Selection.Route.STICKY), cluster.select(key, Set.of()));
        assertEquals(1, b.allocated(), "the selection holds an allocation");
    }

    @Test
    void busyOwnerWithAnIdleConnectionStillTakesItsSession() {
        threeActive();
        b.failed(FailureKind.BUSY, now());
        TestBackends.pool(b).idle = 1;
        Cluster cluster = cluster(true);
        assertEquals(chosen(b, Selection.Route.STICKY), cluster.select(key(cluster, "baaQ8wjm3tGF"), Set.of()));
    }

    @Test
    void failedOwnersSessionMovesToTheFirstHashServer() {
        threeActive();
        b.failed(FailureKind.CONNECT, now());
        Cluster cluster = cluster(false);
        // fallback 1 is a (index 0)
        String id = sessionOf('b', 3, f -> f[0] == 0);
        assertEquals(chosen(a, Selection.Route.STICKY_HASH), cluster.select(key(cluster, id), Set.of()));
        // the same session always moves to the same server
        a.release();
        assertEquals(chosen(a, Selection.Route.STICKY_HASH), cluster.select(key(cluster, id), Set.of()));
    }

    @Test
    void hashFallbackSkipsTheOwnerAndUnusableServers() {
        threeActive();
        b.failed(FailureKind.CONNECT, now());
        a.stop();
        Cluster cluster = cluster(false);
        // fallbacks: the owner b, then a (stopped), then c
        String id = sessionOf('b', 3, f -> f[0] == 1 && f[1] == 0 && f[2] == 2);
        assertEquals(chosen(c, Selection.Route.STICKY_HASH), cluster.select(key(cluster, id), Set.of()));
    }

    @Test
    void hashFallbackOfThreeUnusableServersGoesToTheStrategy() {
        threeActive();
        b.failed(FailureKind.CONNECT, now());
        Cluster cluster = cluster(false);
        // all three attempts land on b
        String id = sessionOf('b', 3, f -> f[0] == 1 && f[1] == 1 && f[2] == 1);
        Selection selection = cluster.select(key(cluster, id), Set.of());
        assertEquals(Selection.Route.STRATEGY, ((Selection.Chosen) selection).route());
        assertNotEquals(b, ((Selection.Chosen) selection).backend());
    }

    @Test
    void triedOwnerIsNotTriedAgain() {
        threeActive();
        Cluster cluster = cluster(false);
        String id = sessionOf('b', 3, f -> f[0] == 0);
        assertEquals(chosen(a, Selection.Route.STICKY_HASH), cluster.select(key(cluster, id), Set.of(b)));
        // nor is a tried hash server
        Selection selection = cluster.select(key(cluster, id), Set.of(a, b));
        assertEquals(c, ((Selection.Chosen) selection).backend());
    }

    @Test
    void idWithoutAnOwnerGoesStraightToTheHash() {
        threeActive();
        Cluster cluster = cluster(true);
        String id = sessionOf('.', 3, f -> f[0] == 1);
        StickyKey key = key(cluster, id);
        assertEquals(StickyKey.NO_OWNER, key.owner());
        // force refuses only to move a session from its owner: with no owner there is nothing to refuse
        assertEquals(chosen(b, Selection.Route.STICKY_HASH), cluster.select(key, Set.of()));
    }

    // force

    @Test
    void forceRefusesToMoveTheSessionOfAFailedOwner() {
        threeActive();
        b.failed(FailureKind.CONNECT, now());
        Cluster cluster = cluster(true);
        assertEquals(new Selection.Refused(b, "TPB0001 a session of cluster 'web' stays with its owner 'b', which"
                + " failed less than 2000 ms ago (force-sticky: the session is not moved; answering 503)"),
                cluster.select(key(cluster, "baaQ8wjm3tGF"), Set.of()));
        assertEquals(0, b.allocated());
    }

    @Test
    void forceRefusesForABusyOwner() {
        threeActive();
        b.failed(FailureKind.BUSY, now());
        Cluster cluster = cluster(true);
        assertEquals(new Selection.Refused(b, "TPB0001 a session of cluster 'web' stays with its owner 'b', which"
                + " answered 503 less than 15s ago (force-sticky: the session is not moved; answering 503)"),
                cluster.select(key(cluster, "baaQ8wjm3tGF"), Set.of()));
    }

    @Test
    void forceRefusesForAStoppedOwner() {
        threeActive();
        b.stop();
        Cluster cluster = cluster(true);
        assertEquals(new Selection.Refused(b, "TPB0001 a session of cluster 'web' stays with its owner 'b', which"
                + " takes no sessions in state STANDBY (force-sticky: the session is not moved; answering 503)"),
                cluster.select(key(cluster, "baaQ8wjm3tGF"), Set.of()));
    }

    @Test
    void forceRefusesToRetryElsewhere() {
        threeActive();
        Cluster cluster = cluster(true);
        assertEquals(new Selection.Refused(b, "TPB0001 a session of cluster 'web' stays with its owner 'b', which"
                + " was already tried for this request (force-sticky: the session is not moved; answering 503)"),
                cluster.select(key(cluster, "baaQ8wjm3tGF"), Set.of(b)));
    }

    // drain and standby

    @Test
    void drainedBackendKeepsItsSessionsButTakesNoNewTraffic() {
        threeActive();
        b.drain();
        Cluster cluster = cluster(true);
        assertEquals(chosen(b, Selection.Route.STICKY), cluster.select(key(cluster, "baaQ8wjm3tGF"), Set.of()));
        b.release();
        Traffic traffic = new Traffic(cluster).steady(10, 300);
        assertEquals(0, traffic.count("b"));
        // the sessions of a failed server are not moved onto it either
        a.failed(FailureKind.CONNECT, now());
        String id = sessionOf('a', 3, f -> f[0] == 1 && f[1] == 1 && f[2] == 1);
        Selection selection = cluster(false).select(key(cluster, id), Set.of());
        assertEquals(c, ((Selection.Chosen) selection).backend());
        assertEquals(Selection.Route.STRATEGY, ((Selection.Chosen) selection).route());
    }

    @Test
    void stoppedOwnersSessionsMove() {
        threeActive();
        b.stop();
        Cluster cluster = cluster(false);
        String id = sessionOf('b', 3, f -> f[0] == 0);
        assertEquals(chosen(a, Selection.Route.STICKY_HASH), cluster.select(key(cluster, id), Set.of()));
    }

    @Test
    void stoppedAndDrainedBackendsAreNeverForced() {
        threeActive();
        a.stop();
        b.drain();
        c.close();
        assertEquals(Selection.NONE, cluster(false).select(null, Set.of()));
    }

    // fallback passes and backups

    @Test
    void backupTakesOverWhenThePrimariesFail() {
        threeActive();
        Backend z = backends.active("z", s -> s.backup(true));
        a.failed(FailureKind.CONNECT, now());
        b.failed(FailureKind.CONNECT, now());
        c.failed(FailureKind.CONNECT, now());
        Traffic traffic = new Traffic(cluster(false)).held(50);
        assertEquals(50, traffic.count("z"));
        assertEquals(50, TestBackends.pool(z).active);
    }

    @Test
    void backupTakesOverUnderRoundRobinToo() {
        threeActive();
        backends.active("z", s -> s.backup(true));
        Cluster cluster = new Cluster("web", backends.list, new RoundRobin(), Stickiness.OFF, false);
        assertEquals(0, new Traffic(cluster).held(30).count("z"));
        a.failed(FailureKind.CONNECT, now());
        b.failed(FailureKind.CONNECT, now());
        c.failed(FailureKind.CONNECT, now());
        for (int i = 0; i < 4; i++) {
            Selection.Chosen chosen = (Selection.Chosen) cluster.select(null, Set.of());
            // by the strategy when the start index ends on z, else by the warm pass
            assertEquals("z", chosen.backend().config().id());
            chosen.backend().release();
        }
    }

    @Test
    void warmPassReusesIdleConnectionsOfFailedBackends() {
        threeActive();
        a.failed(FailureKind.CONNECT, now());
        b.failed(FailureKind.CONNECT, now());
        c.failed(FailureKind.CONNECT, now());
        TestBackends.pool(c).idle = 1;
        assertEquals(chosen(c, Selection.Route.WARM), cluster(false).select(null, Set.of()));
    }

    @Test
    void forcedPassWhenEveryWarmUpIsFull() {
        for (String id : List.of("a", "b")) {
            Backend backend = backends.added(id, s -> s);
            backend.start();
            backend.connected();
            // first warm-up chunk: one connection, and it is taken
            TestBackends.pool(backend).active = 1;
        }
        Cluster cluster = cluster(false);
        assertEquals(chosen(backends.list.get(0), Selection.Route.FORCED), cluster.select(null, Set.of()));
        assertEquals(chosen(backends.list.get(1), Selection.Route.FORCED), cluster.select(null, Set.of()));
    }

    @Test
    void forcedPassIgnoresFailureWindows() {
        threeActive();
        for (Backend backend : backends.list) {
            backend.failed(FailureKind.CONNECT, now());
        }
        Selection selection = cluster(false).select(null, Set.of(a));
        assertEquals(Selection.Route.FORCED, ((Selection.Chosen) selection).route());
    }

    @Test
    void everyBackendTriedIsNone() {
        threeActive();
        assertEquals(Selection.NONE, cluster(false).select(null, Set.of(a, b, c)));
        assertEquals(Selection.NONE, cluster(false).select(new StickyKey("caaX", 2), Set.of(a, b, c)));
    }

    @Test
    void retriesNeverReturnToATriedBackend() {
        threeActive();
        Cluster cluster = cluster(false);
        java.util.Set<Backend> tried = new java.util.HashSet<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            Selection.Chosen chosen = (Selection.Chosen) cluster.select(null, tried);
            chosen.backend().release();
            chosen.backend().failed(FailureKind.CONNECT, now());
            assertEquals(true, tried.add(chosen.backend()), "chosen twice: " + chosen.backend());
        }
        assertEquals(Selection.NONE, cluster.select(null, tried));
    }

    // construction and text

    @Test
    void aClusterNeedsAServer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Cluster("web", List.of(), new RoundRobin(), Stickiness.OFF, false));
        assertEquals("cluster 'web' has no server (expected: at least one <server>)", e.getMessage());
    }

    @Test
    void printsAsConfigured() {
        backends.active("a");
        backends.active("z", s -> s.backup(true));
        assertEquals("<cluster id=\"web\"><server id=\"a\" address=\"10.0.0.1\" port=\"6800\""
                + " load-balance-warmup-time=\"0s\"/><server id=\"z\" address=\"10.0.0.2\" port=\"6800\""
                + " backup=\"true\" load-balance-warmup-time=\"0s\"/></cluster> strategy=\"least-connection\""
                + " sticky-sessions=\"false\"",
                new Cluster("web", backends.list, new LeastConnection(), Stickiness.OFF, false).toString());
    }

}

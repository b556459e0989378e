package dev.turnpike.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The gates each selection pass asks, by state and pool, and the events a backend takes. */
class BackendTest {

    private final TestBackends backends = new TestBackends();

    private static final long NOW = 1_000_000;

    /**
     * how the backend got where it is, idle connections, then the gates: session, warm, forced,
     * round-robin start.
     */
    static Stream<Arguments> gates() {
        return Stream.of(
                Arguments.of("new", (Consumer<Backend>) b -> { }, 0, false, false, false, false),
                Arguments.of("active", (Consumer<Backend>) b -> b.start(), 0, true, true, true, true),
                // failed: no session, no warm; forced still; the idle connection opens everything but forced
                Arguments.of("failed", (Consumer<Backend>) b -> b.failed(FailureKind.CONNECT, NOW), 0,
                        false, false, true, false),
                Arguments.of("failed, idle", (Consumer<Backend>) b -> b.failed(FailureKind.CONNECT, NOW), 1,
                        true, true, true, true),
                // busy: no session (it would be refused a new connection), still warm and forced
                Arguments.of("busy", (Consumer<Backend>) b -> b.failed(FailureKind.BUSY, NOW), 0,
                        false, true, true, true),
                Arguments.of("busy, idle", (Consumer<Backend>) b -> b.failed(FailureKind.BUSY, NOW), 1,
                        true, true, true, true),
                // drained: sessions only, even with idle connections
                Arguments.of("drained", (Consumer<Backend>) Backend::drain, 0, true, false, false, false),
                Arguments.of("drained, idle", (Consumer<Backend>) Backend::drain, 1, true, false, false, true),
                Arguments.of("drained, failed", (Consumer<Backend>) b -> {
                    b.drain();
                    b.failed(FailureKind.IO, NOW);
                }, 0, false, false, false, false),
                // stopped: nothing (stopping closed the idle connections)
                Arguments.of("stopped", (Consumer<Backend>) Backend::stop, 0, false, false, false, false),
                Arguments.of("closed", (Consumer<Backend>) Backend::close, 0, false, false, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gates")
    void gates(String name, Consumer<Backend> history, int idle, boolean session, boolean warm, boolean forced,
            boolean canOpen) {
        Backend backend = backends.active("a");
        if (name.equals("new")) {
            backend = backends.added("n", b -> b);
        }
        history.accept(backend);
        TestBackends.pool(backend).idle = idle;
        assertEquals(session, backend.takesSession(), "session");
        assertEquals(warm, backend.takesWarm(), "warm");
        assertEquals(forced, backend.takesForced(), "forced");
        assertEquals(canOpen, backend.canOpen(), "round-robin start");
    }

    @Test
    void warmGateCountsEveryConnectionOfThePool() {
        Backend backend = backends.added("w", b -> b);
        backend.start();
        backend.connected();
        FakePool pool = TestBackends.pool(backend);
        // first chunk of the warm-up: one connection at a time, whether active, being opened or idle
        assertTrue(backend.takesWarm());
        pool.starting = 1;
        assertFalse(backend.takesWarm());
        pool.starting = 0;
        pool.active = 1;
        assertFalse(backend.takesWarm());
        pool.active = 0;
        pool.idle = 1;
        assertTrue(backend.takesWarm(), "an idle connection is reused whatever the warm-up");
    }

    @Test
    void failureKindsChargeTheBackend() {
        Backend connect = backends.active("c");
        connect.failed(FailureKind.CONNECT, NOW);
        assertEquals(Lifecycle.FAIL, connect.state().lifecycle());
        assertTrue(connect.state().isFailed());

        Backend io = backends.active("i");
        io.failed(FailureKind.IO, NOW);
        assertEquals(Lifecycle.FAIL, io.state().lifecycle());

        Backend busy = backends.active("b");
        busy.failed(FailureKind.BUSY, NOW);
        assertEquals(Lifecycle.BUSY, busy.state().lifecycle());
        assertTrue(busy.state().isBusy());

        Backend stale = backends.active("s");
        stale.failed(FailureKind.STALE_POOLED, NOW);
        assertEquals(Lifecycle.ACTIVE, stale.state().lifecycle());
        assertEquals(0, stale.state().failCount());
    }

    @Test
    void completedRecordsSuccessAndLatency() {
        Backend backend = backends.active("a");
        backend.failed(FailureKind.IO, NOW - 5000);
        TestBackends.pool(backend).active = 2;
        backends.clock.advance(10);
        backend.completed();
        assertEquals(0, backend.state().failCount());
        backends.clock.advance(100);
        backend.completed();
        assertEquals(5, backend.load().latencyFactor(), 1e-9);
    }

    @Test
    void stopFailAndCloseDropIdleConnections() {
        Backend backend = backends.active("a");
        FakePool pool = TestBackends.pool(backend);
        backend.drain();
        backend.wake();
        backend.start();
        assertEquals(0, pool.closeIdleCalls);
        backend.stop();
        backend.toFail();
        backend.close();
        assertEquals(3, pool.closeIdleCalls);
    }

    @Test
    void toFailAndWake() {
        Backend backend = backends.active("a");
        backend.toFail();
        assertFalse(backend.takesSession());
        backend.wake();
        assertEquals(Lifecycle.STARTING, backend.state().lifecycle());
        assertTrue(backend.takesSession());
    }

    @Test
    void allocationsAreCountedUntilReleased() {
        Backend backend = backends.active("a");
        TestBackends.pool(backend).active = 3;
        backend.allocate();
        backend.allocate();
        assertEquals(2, backend.allocated());
        assertEquals(5, backend.connectionLoad());
        backend.release();
        assertEquals(4, backend.connectionLoad());
    }

    @Test
    void whyNoSession() {
        Backend stopped = backends.active("s");
        stopped.stop();
        assertEquals("takes no sessions in state STANDBY", stopped.whyNoSession());
        Backend failed = backends.active("f");
        failed.failed(FailureKind.CONNECT, backends.clock.millis());
        assertEquals("failed less than 2000 ms ago", failed.whyNoSession());
        Backend busy = backends.active("b");
        busy.failed(FailureKind.BUSY, backends.clock.millis());
        assertEquals("answered 503 less than 15s ago", busy.whyNoSession());
    }

    @Test
    void printsAsConfigured() {
        Backend backend = backends.active("a", b -> b.weight(300));
        assertEquals("<server id=\"a\" address=\"10.0.0.1\" port=\"6800\" load-balance-weight=\"300\""
                + " load-balance-warmup-time=\"0s\"/>", backend.toString());
    }
}

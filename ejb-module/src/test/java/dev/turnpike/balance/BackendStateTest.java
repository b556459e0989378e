package dev.turnpike.balance;

import dev.turnpike.rules.BackendConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backend state machine over time: lifecycle events, failure and busy windows, the failure
 * count, and the warm-up table, each with an injected clock.
 */
class BackendStateTest {

    private static final long T0 = 1_000_000;

    private final ManualClock clock = new ManualClock(T0);

    private BackendState state(UnaryOperator<BackendConfig.Builder> settings) {
        return new BackendState(settings.apply(BackendConfig.builder("a", "10.0.0.1", 6800)).build(), clock);
    }

    private BackendState started() {
        BackendState state = state(b -> b);
        state.start();
        return state;
    }

    // lifecycle

    @Test
    void newUntilStarted() {
        BackendState state = state(b -> b);
        assertEquals(Lifecycle.NEW, state.lifecycle());
        state.failConnect(T0);
        state.busy(T0);
        assertEquals(Lifecycle.NEW, state.lifecycle());
        state.start();
        assertEquals(Lifecycle.STARTING, state.lifecycle());
    }

    @Test
    void firstConnectionStartsTheWarmUpAndItsEndPromotes() {
        BackendState state = started();
        state.connected();
        assertEquals(Lifecycle.WARMUP, state.lifecycle());
        clock.advance(59_999);
        assertEquals(Lifecycle.WARMUP, state.lifecycle());
        clock.advance(1);
        // 16 chunks of 60 s / 16 have passed
        assertEquals(Lifecycle.ACTIVE, state.lifecycle());
    }

    @Test
    void withoutWarmUpTimeTheFirstConnectionIsFullService() {
        BackendState state = state(b -> b.warmupTime(Duration.ZERO));
        state.start();
        state.connected();
        assertEquals(Lifecycle.ACTIVE, state.lifecycle());
        assertTrue(state.mayOpenWarm(1_000_000));
    }

    @Test
    void laterConnectionsDoNotRestartTheWarmUp() {
        BackendState state = started();
        state.connected();
        clock.advance(30_000);
        state.connected();
        clock.advance(30_000);
        assertEquals(Lifecycle.ACTIVE, state.lifecycle());
    }

    @Test
    void stopDropsTheWarmUpAndStartBeginsAgain() {
        BackendState state = started();
        state.connected();
        clock.advance(60_000);
        assertEquals(Lifecycle.ACTIVE, state.lifecycle());
        state.stop();
        assertEquals(Lifecycle.STANDBY, state.lifecycle());
        assertFalse(state.mayOpenWarm(0));
        state.start();
        assertEquals(Lifecycle.STARTING, state.lifecycle());
        state.connected();
        assertEquals(Lifecycle.WARMUP, state.lifecycle());
    }

    @Test
    void drainedBackendIgnoresFailuresButRemembersThem() {
        BackendState state = started();
        state.connected();
        state.drain();
        assertEquals(Lifecycle.SESSION_ONLY, state.lifecycle());
        state.failConnect(T0);
        state.busy(T0);
        assertEquals(Lifecycle.SESSION_ONLY, state.lifecycle());
        assertTrue(state.isFailed());
        assertTrue(state.isBusy());
        // no normal traffic, and warm-up never promotes it
        clock.advance(120_000);
        assertEquals(Lifecycle.SESSION_ONLY, state.lifecycle());
        assertFalse(state.mayOpenWarm(0));
        state.start();
        assertEquals(Lifecycle.STARTING, state.lifecycle());
    }

    @Test
    void closedIsFinal() {
        BackendState state = started();
        state.close();
        state.start();
        state.wake();
        state.drain();
        state.stop();
        state.connected();
        state.failConnect(T0);
        assertEquals(Lifecycle.CLOSED, state.lifecycle());
    }

    @Test
    void wakeRestartsAFailedBackendAndForgetsTheFailure() {
        BackendState state = started();
        state.failConnect(T0);
        assertTrue(state.isFailed());
        state.wake();
        assertEquals(Lifecycle.STARTING, state.lifecycle());
        assertFalse(state.isFailed());
    }

    @Test
    void toFailFailsNowWithoutGrowingTheWindow() {
        BackendState state = started();
        state.connected();
        state.toFail();
        assertEquals(Lifecycle.FAIL, state.lifecycle());
        assertTrue(state.isFailed());
        assertEquals(1000, state.recoverWindow());
        clock.advance(1001);
        assertFalse(state.isFailed());
    }

    // failures

    @Test
    void connectFailureKeepsTheBackendOutForTheWindowEvenAfterASuccess() {
        BackendState state = started();
        state.failConnect(T0);
        assertEquals(Lifecycle.FAIL, state.lifecycle());
        // the window doubled from 1 s
        assertEquals(2000, state.recoverWindow());
        clock.advance(2000);
        assertTrue(state.isFailed(), "the window's last millisecond");
        clock.advance(1);
        assertFalse(state.isFailed());

        state.failConnect(clock.millis());
        state.success();
        // a success resets the window to 1 s but does not clear a connect failure
        clock.advance(1000);
        assertTrue(state.isFailed());
        clock.advance(1);
        assertFalse(state.isFailed());
    }

    @Test
    void readFailureIsClearedByALaterSuccess() {
        BackendState state = started();
        state.failSocket(T0);
        assertEquals(Lifecycle.FAIL, state.lifecycle());
        assertTrue(state.isFailed());
        clock.advance(10);
        state.success();
        assertFalse(state.isFailed());
    }

    @Test
    void readFailureWithoutSuccessLastsTheWindow() {
        BackendState state = started();
        state.failSocket(T0);
        clock.advance(2000);
        assertTrue(state.isFailed());
        clock.advance(1);
        assertFalse(state.isFailed());
    }

    /** Consecutive failures 1 s apart: the window doubles up to the recover time. */
    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of(Duration.ofSeconds(15), new long[] {2000, 4000, 8000, 15_000, 15_000}),
                Arguments.of(Duration.ofSeconds(5), new long[] {2000, 4000, 5000, 5000, 5000}),
                // a recover time under 1 s caps the very first window
                Arguments.of(Duration.ofMillis(500), new long[] {500, 500, 500, 500, 500}));
    }

    @ParameterizedTest
    @MethodSource("windows")
    void recoverWindowDoublesUpToTheRecoverTime(Duration recoverTime, long[] windows) {
        BackendState state = state(b -> b.recoverTime(recoverTime));
        state.start();
        for (long window : windows) {
            clock.advance(1000);
            state.failConnect(clock.millis());
            assertEquals(window, state.recoverWindow());
        }
        state.success();
        assertEquals(1000, state.recoverWindow());
    }

    @Test
    void failureCountGrowsAtMostOncePer100Ms() {
        BackendState state = started();
        state.failConnect(T0);
        assertEquals(1, state.failCount());
        state.failSocket(T0 + 50);
        assertEquals(1, state.failCount(), "50 ms after the last failure");
        assertEquals(4000, state.recoverWindow(), "the window still doubles");
        state.failSocket(T0 + 149);
        assertEquals(1, state.failCount(), "99 ms after the last failure");
        state.failSocket(T0 + 249);
        assertEquals(2, state.failCount(), "100 ms after the last failure");
        state.success();
        assertEquals(0, state.failCount());
    }

    @Test
    void olderOrSimultaneousFailuresAreIgnored() {
        BackendState state = started();
        state.failConnect(T0);
        state.failConnect(T0);
        state.failSocket(T0 - 500);
        assertEquals(1, state.failCount());
        assertEquals(2000, state.recoverWindow());
    }

    @Test
    void readFailureAfterAConnectFailureIsClearedByALaterSuccess() {
        BackendState state = started();
        state.failConnect(T0);
        state.failSocket(T0 + 200);
        clock.set(T0 + 200);
        state.success();
        assertTrue(state.isFailed(), "a success in the failure's millisecond is not later");
        clock.set(T0 + 201);
        state.success();
        // the newest failure is a read failure, and a request has succeeded since
        assertFalse(state.isFailed());
    }

    // busy

    @Test
    void busyWindowAndFailureCount() {
        BackendState state = started();
        state.connected();
        state.busy(T0);
        assertEquals(Lifecycle.BUSY, state.lifecycle());
        // no failure before: one for the 503, one because the last failure is old
        assertEquals(2, state.failCount());
        assertTrue(state.isBusy());
        assertFalse(state.isFailed(), "a 503 is not a failure");
        clock.advance(14_999);
        assertTrue(state.isBusy());
        clock.advance(1);
        assertFalse(state.isBusy());
    }

    @Test
    void busyShortlyAfterAFailureAddsOne() {
        BackendState state = started();
        state.failSocket(T0);
        state.busy(T0 + 99);
        assertEquals(2, state.failCount());
        state.busy(T0 + 100);
        assertEquals(4, state.failCount());
    }

    @Test
    void busyBackendWarmsUpAgainAfterItsNextSuccess() {
        BackendState state = started();
        state.connected();
        clock.advance(60_000);
        assertEquals(Lifecycle.ACTIVE, state.lifecycle());
        state.busy(clock.millis());
        assertEquals(Lifecycle.BUSY, state.lifecycle());
        state.success();
        clock.advance(59_999);
        assertEquals(Lifecycle.BUSY, state.lifecycle());
        clock.advance(1);
        assertEquals(Lifecycle.ACTIVE, state.lifecycle());
    }

    @Test
    void configuredBusyRecoverTime() {
        BackendState state = state(b -> b.busyRecoverTime(Duration.ofSeconds(2)));
        state.start();
        state.busy(T0);
        clock.advance(1999);
        assertTrue(state.isBusy());
        clock.advance(1);
        assertFalse(state.isBusy());
    }

    // warm-up

    /** Each chunk of the 60 s warm-up (3 750 ms), at its first and last millisecond. */
    static IntStream chunks() {
        return IntStream.range(0, 16);
    }

    @ParameterizedTest
    @MethodSource("chunks")
    void warmUpTableOverTime(int chunk) {
        int[] max = {1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 8, 8, 16, 32, 64, 128};
        BackendState state = started();
        state.connected();
        for (long offset : new long[] {0, 3749}) {
            clock.set(T0 + chunk * 3750L + offset);
            assertTrue(state.mayOpenWarm(max[chunk] - 1), "below the chunk's maximum");
            assertFalse(state.mayOpenWarm(max[chunk]), "at the chunk's maximum");
            assertEquals(Lifecycle.WARMUP, state.lifecycle());
        }
    }

    @Test
    void afterTheWarmUpAnyNumber() {
        BackendState state = started();
        state.connected();
        clock.set(T0 + 16 * 3750L);
        assertTrue(state.mayOpenWarm(Integer.MAX_VALUE - 1));
    }

    @Test
    void beforeAnyConnectionOneAtATime() {
        BackendState state = started();
        assertTrue(state.mayOpenWarm(0));
        assertFalse(state.mayOpenWarm(1));
    }

    @Test
    void failureCountHoldsTheWarmUpBack() {
        // recover time 16 s: chunks of 1 s for negative warm-up steps
        BackendState state = state(b -> b.recoverTime(Duration.ofSeconds(16)));
        state.start();
        state.connected();
        clock.advance(60_000);
        state.failSocket(clock.millis());
        long failedAt = clock.millis();
        state.busy(failedAt + 200);
        // failure count 3, no success since: step 0 - 3 = -3, so nothing until 3 chunks after the failure
        assertEquals(3, state.failCount());
        clock.set(failedAt + 2001);
        assertFalse(state.isFailed(), "the 2 s window is over");
        assertFalse(state.mayOpenWarm(0));
        clock.set(failedAt + 3000);
        assertFalse(state.mayOpenWarm(0));
        clock.set(failedAt + 3001);
        assertTrue(state.mayOpenWarm(0));
        // a negative step allows any number once its wait is over
        assertTrue(state.mayOpenWarm(1000));
    }

    @Test
    void failureCountShiftsTheTable() {
        BackendState state = started();
        state.connected();
        clock.advance(60_000);
        state.failSocket(clock.millis());
        clock.advance(10);
        // a new connection restarts the warm-up; the failure count stays until a request succeeds
        state.connected();
        assertEquals(Lifecycle.WARMUP, state.lifecycle());
        assertEquals(1, state.failCount());
        clock.advance(10 * 3750L);
        // chunk 10 allows 8, but one failure moves it back to chunk 9, which allows 4
        assertTrue(state.mayOpenWarm(3));
        assertFalse(state.mayOpenWarm(4));
    }

    @Test
    void failedBackendOpensNothingWarm() {
        BackendState state = started();
        state.connected();
        state.failConnect(T0);
        assertFalse(state.mayOpenWarm(0));
    }

    @Test
    void connectionAfterFailuresResetsTheWindowToOneSecond() {
        BackendState state = started();
        state.failConnect(T0);
        state.failConnect(T0 + 1000);
        assertEquals(4000, state.recoverWindow());
        clock.set(T0 + 1500);
        state.connected();
        assertEquals(Lifecycle.WARMUP, state.lifecycle());
        assertEquals(1000, state.recoverWindow());
        clock.set(T0 + 2001);
        assertFalse(state.isFailed());
    }

    @Test
    void printsTheStateAndFailures() {
        BackendState state = started();
        assertEquals("STARTING", state.toString());
        state.busy(T0);
        assertEquals("BUSY failures=2", state.toString());
    }
}

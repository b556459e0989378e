package dev.turnpike.balance;

import static dev.turnpike.balance.Lifecycle.ACTIVE;
import static dev.turnpike.balance.Lifecycle.BUSY;
import static dev.turnpike.balance.Lifecycle.CLOSED;
import static dev.turnpike.balance.Lifecycle.FAIL;
import static dev.turnpike.balance.Lifecycle.NEW;
import static dev.turnpike.balance.Lifecycle.SESSION_ONLY;
import static dev.turnpike.balance.Lifecycle.STANDBY;
import static dev.turnpike.balance.Lifecycle.STARTING;
import static dev.turnpike.balance.Lifecycle.WARMUP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every predicate and every transition of every state, as tables (resin-spec 2.5). */
class LifecycleTest {

    /** state, may connect, takes traffic, takes sessions, live. */
    static Stream<Arguments> predicates() {
        return Stream.of(
                Arguments.of(NEW, false, false, false, false),
                Arguments.of(STANDBY, true, false, false, false),
                // draining: sessions only
                Arguments.of(SESSION_ONLY, true, false, true, false),
                Arguments.of(STARTING, true, true, true, true),
                Arguments.of(WARMUP, true, true, true, true),
                // busy and failed backends still take traffic (through the warm-up gates) but are not up
                Arguments.of(BUSY, true, true, true, false),
                Arguments.of(FAIL, true, true, true, false),
                Arguments.of(ACTIVE, true, true, true, true),
                Arguments.of(CLOSED, false, false, false, false));
    }

    @ParameterizedTest
    @MethodSource("predicates")
    void predicates(Lifecycle state, boolean mayConnect, boolean takesTraffic, boolean takesSessions, boolean live) {
        assertEquals(mayConnect, state.mayConnect(), "may connect");
        assertEquals(takesTraffic, state.takesTraffic(), "takes traffic");
        assertEquals(takesSessions, state.takesSessions(), "takes sessions");
        assertEquals(live, state.isLive(), "live");
    }

    /**
     * state, then where it goes on: start, warm-up done, failure, 503, stop, drain, wake,
     * first connection (with warm-up time), first connection (without).
     */
    static Stream<Arguments> transitions() {
        return Stream.of(
                // NEW cannot connect, so failures, 503s and warm-up cannot reach it
                Arguments.of(NEW, STARTING, NEW, NEW, NEW, STANDBY, SESSION_ONLY, NEW, NEW, NEW),
                // STANDBY: only start and drain move it (Resin keeps a stopped server stopped on drain;
                // Turnpike drains it, as the operator asked)
                Arguments.of(STANDBY, STARTING, STANDBY, STANDBY, STANDBY, STANDBY, SESSION_ONLY, STANDBY, STANDBY,
                        STANDBY),
                Arguments.of(SESSION_ONLY, STARTING, SESSION_ONLY, SESSION_ONLY, SESSION_ONLY, STANDBY, SESSION_ONLY,
                        SESSION_ONLY, SESSION_ONLY, SESSION_ONLY),
                Arguments.of(STARTING, STARTING, ACTIVE, FAIL, BUSY, STANDBY, SESSION_ONLY, STARTING, WARMUP, ACTIVE),
                // start keeps a warming or active server as it is
                Arguments.of(WARMUP, WARMUP, ACTIVE, FAIL, BUSY, STANDBY, SESSION_ONLY, WARMUP, WARMUP, ACTIVE),
                Arguments.of(BUSY, STARTING, ACTIVE, FAIL, BUSY, STANDBY, SESSION_ONLY, BUSY, WARMUP, ACTIVE),
                // only a failed server wakes
                Arguments.of(FAIL, STARTING, ACTIVE, FAIL, BUSY, STANDBY, SESSION_ONLY, STARTING, WARMUP, ACTIVE),
                Arguments.of(ACTIVE, ACTIVE, ACTIVE, FAIL, BUSY, STANDBY, SESSION_ONLY, ACTIVE, ACTIVE, ACTIVE),
                // CLOSED is final
                Arguments.of(CLOSED, CLOSED, CLOSED, CLOSED, CLOSED, CLOSED, CLOSED, CLOSED, CLOSED, CLOSED));
    }

    @ParameterizedTest
    @MethodSource("transitions")
    void transitions(Lifecycle state, Lifecycle start, Lifecycle active, Lifecycle fail, Lifecycle busy,
            Lifecycle standby, Lifecycle sessionOnly, Lifecycle wake, Lifecycle connectedWarm, Lifecycle connectedCold) {
        assertEquals(start, state.toStart(), "start");
        assertEquals(active, state.toActive(), "warm-up done");
        assertEquals(fail, state.toFail(), "failure");
        assertEquals(busy, state.toBusy(), "503");
        assertEquals(standby, state.toStandby(), "stop");
        assertEquals(sessionOnly, state.toSessionOnly(), "drain");
        assertEquals(wake, state.toWake(), "wake");
        assertEquals(connectedWarm, state.toConnected(true), "connected, warm-up time");
        assertEquals(connectedCold, state.toConnected(false), "connected, no warm-up time");
    }
}

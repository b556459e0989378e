package dev.turnpike.balance;

import static dev.turnpike.balance.FailureKind.BUSY;
import static dev.turnpike.balance.FailureKind.CONNECT;
import static dev.turnpike.balance.FailureKind.IO;
import static dev.turnpike.balance.FailureKind.STALE_POOLED;
import static dev.turnpike.balance.RetryPolicy.Recovery.CLOSE;
import static dev.turnpike.balance.RetryPolicy.Recovery.RECONNECT;
import static dev.turnpike.balance.RetryPolicy.Recovery.RETRY_ELSEWHERE;
import static dev.turnpike.balance.RetryPolicy.Recovery.SEND_503;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The recommended retry rule of resin-spec 2.7, one failure per row. */
class RetryPolicyTest {

    /** method, body replayable, response started, kind, retries done, recovery. */
    static Stream<Arguments> failures() {
        return Stream.of(
                // nothing sent: always somewhere else, even a POST with a spent body, even after retries
                Arguments.of("POST", false, false, CONNECT, 0, RETRY_ELSEWHERE),
                Arguments.of("GET", true, false, CONNECT, 5, RETRY_ELSEWHERE),
                // stale pooled connection: a fresh one to the same backend (mod_caucho answered 503)
                Arguments.of("POST", false, false, STALE_POOLED, 0, RECONNECT),
                Arguments.of("PUT", true, false, STALE_POOLED, 1, RECONNECT),
                // 503 held back: any method, if the body can be sent again, once
                Arguments.of("POST", true, false, BUSY, 0, RETRY_ELSEWHERE),
                Arguments.of("GET", true, false, BUSY, 0, RETRY_ELSEWHERE),
                Arguments.of("POST", true, false, BUSY, 1, SEND_503),
                Arguments.of("POST", false, false, BUSY, 0, SEND_503),
                // I/O failure after sending: only GET and HEAD, the backend may have run the request
                Arguments.of("GET", true, false, IO, 0, RETRY_ELSEWHERE),
                Arguments.of("HEAD", true, false, IO, 0, RETRY_ELSEWHERE),
                Arguments.of("GET", true, false, IO, 1, SEND_503),
                Arguments.of("POST", true, false, IO, 0, SEND_503),
                Arguments.of("PUT", true, false, IO, 0, SEND_503),
                Arguments.of("DELETE", true, false, IO, 0, SEND_503),
                // methods are case-sensitive: "get" is not GET
                Arguments.of("get", true, false, IO, 0, SEND_503),
                // a GET whose (unusual) body is gone cannot be sent again
                Arguments.of("GET", false, false, IO, 0, SEND_503),
                // once anything reached the browser, never again (the IIS handler would retry a GET
                // into the same response)
                Arguments.of("GET", true, true, IO, 0, CLOSE),
                Arguments.of("GET", true, true, BUSY, 0, CLOSE),
                Arguments.of("GET", true, true, CONNECT, 0, CLOSE),
                Arguments.of("GET", true, true, STALE_POOLED, 0, CLOSE));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void recommended(String method, boolean replayable, boolean started, FailureKind kind, int retries,
            RetryPolicy.Recovery recovery) {
        assertEquals(recovery, RetryPolicy.RECOMMENDED.decide(
                new RetryPolicy.Failure(method, replayable, started, kind, retries)));
    }

    @Test
    void noRetries() {
        RetryPolicy never = new RetryPolicy(0);
        assertEquals(SEND_503, never.decide(new RetryPolicy.Failure("GET", true, false, IO, 0)));
        assertEquals(SEND_503, never.decide(new RetryPolicy.Failure("GET", true, false, BUSY, 0)));
        assertEquals(RETRY_ELSEWHERE, never.decide(new RetryPolicy.Failure("GET", true, false, CONNECT, 0)));
        assertFalse(never.holdsBackBusy(true, 0));
    }

    @Test
    void busyIsHeldBackOnlyWhenItCanBeRetried() {
        assertTrue(RetryPolicy.RECOMMENDED.holdsBackBusy(true, 0));
        assertFalse(RetryPolicy.RECOMMENDED.holdsBackBusy(true, 1), "the retry relays its 503");
        assertFalse(RetryPolicy.RECOMMENDED.holdsBackBusy(false, 0), "the body cannot be sent again");
    }

    @Test
    void negativeRetriesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(-1));
        assertEquals("max retries: -1 (expected: 0 or more)", e.getMessage());
    }
}

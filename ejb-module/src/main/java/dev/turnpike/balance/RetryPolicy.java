package dev.turnpike.balance;

import java.util.Objects;

/**
 * What the web tier does when an attempt to serve a request on a backend fails: the
 * recommended rule of resin-spec 2.7, consistent with mod_caucho, the IIS handler and Resin's
 * load balancer.
 *
 * <pre>
 *   response already started (a byte relayed to the browser)     CLOSE the browser's connection
 *   CONNECT: nothing was sent                                    RETRY_ELSEWHERE
 *   STALE_POOLED: a pooled connection was found closed           RECONNECT to the same backend
 *   BUSY (503 held back), body replayable, retries left          RETRY_ELSEWHERE
 *   IO, GET or HEAD, body replayable, retries left               RETRY_ELSEWHERE
 *   anything else                                                SEND_503
 * </pre>
 * Connect failures and stale pooled connections do not use up retries, since the backend never
 * saw the request; their number is bounded by the cluster (each backend is tried once) and the
 * pool. The other retries are limited to {@code maxRetries}, 1 in the recommended policy. A
 * request whose body is no longer available complete is never sent again.
 *
 * @param maxRetries how many times a request the backend may have seen is sent to another one
 */
public record RetryPolicy(int maxRetries) {

    /** Retry once. */
    public static final RetryPolicy RECOMMENDED = new RetryPolicy(1);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max retries: " + maxRetries + " (expected: 0 or more)");
        }
    }

    /** What to do after a failed attempt. */
    public enum Recovery {
        /** Select again, with the failed backend among the tried ones. */
        RETRY_ELSEWHERE,
        /** Try the same backend again on a newly opened connection. */
        RECONNECT,
        /** Answer the browser 503 (or relay the backend's held-back 503). */
        SEND_503,
        /** The response has started: abort it by closing the browser's connection. */
        CLOSE
    }

    /**
     * A failed attempt, as the web tier saw it.
     *
     * @param method          the request method, e.g. {@code GET}
     * @param bodyReplayable  whether the complete request body (possibly empty) can be sent again
     * @param responseStarted whether any byte of the response was relayed to the browser
     * @param kind            how the attempt failed
     * @param retriesDone     how many times this request was already sent to another backend after
     *                        a failure the backend may have seen
     */
    public record Failure(String method, boolean bodyReplayable, boolean responseStarted, FailureKind kind,
            int retriesDone) {
        public Failure {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The recovery for a failed attempt. */
    public Recovery decide(Failure failure) {
        if (failure.responseStarted()) {
            return Recovery.CLOSE;
        }
        return switch (failure.kind()) {
            case CONNECT -> Recovery.RETRY_ELSEWHERE;
            case STALE_POOLED -> Recovery.RECONNECT;
            case BUSY -> mayResend(failure) ? Recovery.RETRY_ELSEWHERE : Recovery.SEND_503;
            case IO -> isIdempotentRead(failure.method()) && mayResend(failure)
                    ? Recovery.RETRY_ELSEWHERE : Recovery.SEND_503;
        };
    }

    /**
     * Whether a 503 from the backend should be held back rather than relayed, because a retry
     * could follow: the request body is replayable and a retry is left.
     */
    public boolean holdsBackBusy(boolean bodyReplayable, int retriesDone) {
        return bodyReplayable && retriesDone < maxRetries;
    }

    private boolean mayResend(Failure failure) {
        return holdsBackBusy(failure.bodyReplayable(), failure.retriesDone());
    }

    private static boolean isIdempotentRead(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }
}

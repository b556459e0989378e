package dev.turnpike.balance;

/**
 * How an attempt to serve a request on a backend failed, as far as the balancer cares: what it
 * says about the backend ({@link Backend#failed}) and whether the request may go elsewhere
 * ({@link RetryPolicy}).
 */
public enum FailureKind {

    /** No connection could be opened; nothing was sent. The backend is marked failed. */
    CONNECT,

    /**
     * A pooled connection turned out closed by the backend when the request was written to it;
     * the backend cannot have seen the request. Says nothing about the backend, which most likely
     * restarted or dropped an idle connection: the request is tried on a fresh connection.
     */
    STALE_POOLED,

    /**
     * Reading or writing failed after the request (or part of it) was sent, before a response
     * was relayed. The backend is marked failed; it may have run the request.
     */
    IO,

    /** The backend answered 503 and the answer was held back. The backend is marked busy. */
    BUSY
}

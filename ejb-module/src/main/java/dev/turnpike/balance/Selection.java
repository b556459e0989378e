package dev.turnpike.balance;

import java.util.Objects;

/** What {@link Cluster#select} decided for a request. */
public sealed interface Selection permits Selection.Chosen, Selection.Refused, Selection.None {

    /** No backend can take the request: answer 503. */
    None NONE = new None();

    /** Which pass of the selection found the backend, in the order they are tried. */
    enum Route {
        /** The owner named by the request's session. */
        STICKY,
        /** A server picked from a hash of the session key, its owner being unavailable. */
        STICKY_HASH,
        /** The strategy's choice. */
        STRATEGY,
        /** The first backend, from the round-robin start, that the warm-up allows. */
        WARM,
        /** The first backend, from the round-robin start, that takes traffic at all. */
        FORCED
    }

    /**
     * Send the request to {@code backend}. The selection holds one allocation on it, counted as
     * a connection by least-connection, until {@link Backend#release()} is called: once when
     * the connection is open or has failed.
     *
     * @param backend the backend
     * @param route   how it was found
     */
    record Chosen(Backend backend, Route route) implements Selection {
        public Chosen {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(route, "route");
        }
    }

    /**
     * The session's owner cannot take the request and the cluster is configured not to move
     * sessions: answer 503.
     *
     * @param owner   the session's owner
     * @param message why, for the log
     */
    record Refused(Backend owner, String message) implements Selection {
    }

    /** No backend takes the request. */
    record None() implements Selection {
    }
}

package dev.turnpike.proxy;

import dev.turnpike.balance.Backend;

/** How {@link Forwarder#forward} ended. */
public sealed interface Forwarded {

    /**
     * A backend's response was relayed (possibly a 503 the backend sent and no retry was left).
     *
     * @param backend  the backend that answered
     * @param attempts how many backends were tried, 1 when the first answered
     */
    record Served(Backend backend, int attempts) implements Forwarded {
    }

    /**
     * Nothing was relayed and nothing can be: answer the browser with this status and message.
     *
     * @param status  503 when no backend could take the request, 502 when one failed after the
     *                request was sent and it may not be sent again, 504 when the last backend
     *                tried took the request and then let its socket timeout pass
     * @param message why, with a stable code, for the log and the error page
     */
    record Failed(int status, String message) implements Forwarded {
    }

    /**
     * The response had started when the backend failed: the browser's connection must be cut so
     * that it sees an incomplete response rather than a complete wrong one.
     *
     * @param message why, for the log
     */
    record Broken(String message) implements Forwarded {
    }

    /** The browser went away while the response was relayed. Nothing to answer. */
    record ClientGone(String message) implements Forwarded {
    }
}

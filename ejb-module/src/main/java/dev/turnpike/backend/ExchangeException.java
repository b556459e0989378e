package dev.turnpike.backend;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Objects;

/**
 * An exchange with a backend failed. The {@link #stage()} says how far it got, which is what the
 * balancer needs to decide between retrying elsewhere, answering 502/503 and closing the
 * browser's connection (resin-spec 2.7):
 * <pre>
 *   CONNECT           no connection: nothing was sent                     retry anywhere
 *   STALE_CONNECTION  a pooled connection was found closed by the
 *                     backend before the request went out                 retry anywhere
 *   BEFORE_RESPONSE   the request (or part of it) went out, no response
 *                     reached the sink; the backend may have run it       retry if idempotent
 *   DURING_RESPONSE   the sink has the status and maybe more              never retry
 *   CLIENT            the request body or the sink failed, not the
 *                     backend                                             do not blame the backend
 * </pre>
 * Each connector words its messages with its own stable codes; the connection is closed whatever
 * the stage.
 */
public class ExchangeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** How far an exchange got before it failed. */
    public enum Stage {
        /** The connection could not be opened. */
        CONNECT,
        /** A pooled connection turned out closed (or out of step) before any request byte went out. */
        STALE_CONNECTION,
        /** The request was at least partly sent; nothing of the response reached the sink. */
        BEFORE_RESPONSE,
        /** The response had reached the sink when the exchange failed. */
        DURING_RESPONSE,
        /** Reading the request body or handing the response to the sink failed. */
        CLIENT
    }

    private final Stage stage;
    private final InetSocketAddress backend;
    private final boolean responseStarted;

    /**
     * @param stage           how far the exchange got
     * @param backend         the backend's address
     * @param responseStarted whether the sink had received the status
     * @param message         the whole message, starting with the connector's code
     * @param cause           the underlying failure, or {@code null}
     */
    public ExchangeException(Stage stage, InetSocketAddress backend, boolean responseStarted, String message,
            Throwable cause) {
        super(message, cause);
        this.stage = Objects.requireNonNull(stage, "stage");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.responseStarted = responseStarted;
    }

    /** A backend as messages show it: the IP address if resolved, else the host as given, then the port. */
    public static String address(InetSocketAddress backend) {
        String host = backend.getAddress() != null ? backend.getAddress().getHostAddress() : backend.getHostString();
        return host + ":" + backend.getPort();
    }

    public Stage stage() {
        return stage;
    }

    public InetSocketAddress backend() {
        return backend;
    }

    /** Whether nothing of the request left the client, so the backend cannot have seen it. */
    public boolean nothingSent() {
        return stage == Stage.CONNECT || stage == Stage.STALE_CONNECTION;
    }

    /**
     * Whether the backend took the request (or part of it) and then let the socket timeout pass
     * without a byte: a read timed out after the connection opened. A connect timeout is not one:
     * that backend never had the request.
     */
    public boolean timedOut() {
        if (stage == Stage.CONNECT || stage == Stage.CLIENT) {
            return false;
        }
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the sink had received the status: the browser's response may have started. */
    public boolean responseStarted() {
        return responseStarted;
    }
}

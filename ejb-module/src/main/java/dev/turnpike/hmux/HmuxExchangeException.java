package dev.turnpike.hmux;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * An HMUX exchange failed. The {@link #stage()} says how far it got, which is what a balancer needs
 * to decide between retrying elsewhere, answering 503 and closing the browser's connection
 * (resin-spec 2.7):
 * <pre>
 *   CONNECT           no connection: nothing was sent                     retry anywhere
 *   STALE_CONNECTION  a pooled connection was found closed by the
 *                     backend before the request went out                 retry anywhere
 *   BEFORE_RESPONSE   the request (or part of it) went out, no response
 *                     reached the sink; the backend may have run it        retry if idempotent
 *   DURING_RESPONSE   the sink has the status and maybe more               never retry
 *   CLIENT            the request body or the sink failed, not the
 *                     backend                                             do not blame the backend
 * </pre>
 * The message starts with the stage's stable code, then the backend and the connection, e.g.
 * {@code TPH0003 127.0.0.1:6800 hmux#7 (reused): closed by the backend before the response (request sent)}.
 * The connection is closed whatever the stage.
 */
public final class HmuxExchangeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** How far an exchange got before it failed. */
    public enum Stage {
        /** The connection could not be opened. */
        CONNECT("TPH0001"),
        /** A pooled connection turned out closed (or out of step) before any request byte went out. */
        STALE_CONNECTION("TPH0002"),
        /** The request was at least partly sent; nothing of the response reached the sink. */
        BEFORE_RESPONSE("TPH0003"),
        /** The response had reached the sink when the exchange failed. */
        DURING_RESPONSE("TPH0004"),
        /** Reading the request body or handing the response to the sink failed. */
        CLIENT("TPH0005");

        private final String code;

        Stage(String code) {
            this.code = code;
        }

        /** The stable message code of the stage. */
        public String code() {
            return code;
        }
    }

    private final Stage stage;
    private final InetSocketAddress backend;
    private final long connectionId;
    private final boolean reusedConnection;
    private final boolean responseStarted;

    HmuxExchangeException(Stage stage, InetSocketAddress backend, long connectionId, boolean reusedConnection,
            boolean responseStarted, String problem, Throwable cause) {
        super(stage.code() + " " + address(backend) + " hmux#" + connectionId
                + (reusedConnection ? " (reused)" : "") + ": " + problem, cause);
        this.stage = stage;
        this.backend = backend;
        this.connectionId = connectionId;
        this.reusedConnection = reusedConnection;
        this.responseStarted = responseStarted;
    }

    /** A backend as messages show it: the IP address if resolved, else the host as given, then the port. */
    static String address(InetSocketAddress backend) {
        String host = backend.getAddress() != null ? backend.getAddress().getHostAddress() : backend.getHostString();
        return host + ":" + backend.getPort();
    }

    public Stage stage() {
        return stage;
    }

    public InetSocketAddress backend() {
        return backend;
    }

    /** The id the connection's log lines carry ({@code hmux#id}). */
    public long connectionId() {
        return connectionId;
    }

    /** Whether the connection had served a request before this one. */
    public boolean reusedConnection() {
        return reusedConnection;
    }

    /** Whether nothing of the request left the client, so the backend cannot have seen it. */
    public boolean nothingSent() {
        return stage == Stage.CONNECT || stage == Stage.STALE_CONNECTION;
    }

    /** Whether the sink had received the status: the browser's response may have started. */
    public boolean responseStarted() {
        return responseStarted;
    }
}

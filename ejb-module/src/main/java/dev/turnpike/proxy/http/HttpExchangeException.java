package dev.turnpike.proxy.http;

import dev.turnpike.backend.ExchangeException;
import java.net.InetSocketAddress;

/**
 * An exchange with an HTTP backend failed; see {@link ExchangeException} for what each stage
 * means to the balancer. The message starts with the stage's stable code, then the backend and
 * the connection, e.g.
 * {@code TPP0003 127.0.0.1:8080 http#7 (reused): closed by the backend before any response byte (request sent)}:
 * <pre>
 *   TPP0001 CONNECT   TPP0002 STALE_CONNECTION   TPP0003 BEFORE_RESPONSE
 *   TPP0004 DURING_RESPONSE   TPP0005 CLIENT
 * </pre>
 * A protocol problem adds its own code after {@code bad response:} ({@link HttpProtocolException}).
 */
public final class HttpExchangeException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    private final long connectionId;
    private final boolean reusedConnection;

    HttpExchangeException(Stage stage, InetSocketAddress backend, long connectionId, boolean reusedConnection,
            boolean responseStarted, String problem, Throwable cause) {
        super(stage, backend, responseStarted, code(stage) + " " + address(backend) + " http#" + connectionId
                + (reusedConnection ? " (reused)" : "") + ": " + problem, cause);
        this.connectionId = connectionId;
        this.reusedConnection = reusedConnection;
    }

    /** The stable message code of a stage. */
    public static String code(Stage stage) {
        return switch (stage) {
            case CONNECT -> "TPP0001";
            case STALE_CONNECTION -> "TPP0002";
            case BEFORE_RESPONSE -> "TPP0003";
            case DURING_RESPONSE -> "TPP0004";
            case CLIENT -> "TPP0005";
        };
    }

    /** The id the connection's log lines carry ({@code http#id}). */
    public long connectionId() {
        return connectionId;
    }

    /** Whether the connection had served a request before this one. */
    public boolean reusedConnection() {
        return reusedConnection;
    }
}

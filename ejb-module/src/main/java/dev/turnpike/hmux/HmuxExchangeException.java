package dev.turnpike.hmux;

import dev.turnpike.backend.ExchangeException;
import java.net.InetSocketAddress;

/**
 * An HMUX exchange failed; see {@link ExchangeException} for what each stage means to the
 * balancer. The message starts with the stage's stable code, then the backend and the connection,
 * e.g. {@code TPH0003 127.0.0.1:6800 hmux#7 (reused): closed by the backend before the response (request sent)}:
 * <pre>
 *   TPH0001 CONNECT   TPH0002 STALE_CONNECTION   TPH0003 BEFORE_RESPONSE
 *   TPH0004 DURING_RESPONSE   TPH0005 CLIENT
 * </pre>
 */
public final class HmuxExchangeException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    private final long connectionId;
    private final boolean reusedConnection;

    HmuxExchangeException(Stage stage, InetSocketAddress backend, long connectionId, boolean reusedConnection,
            boolean responseStarted, String problem, Throwable cause) {
        super(stage, backend, responseStarted, code(stage) + " " + address(backend) + " hmux#" + connectionId
                + (reusedConnection ? " (reused)" : "") + ": " + problem, cause);
        this.connectionId = connectionId;
        this.reusedConnection = reusedConnection;
    }

    /** The stable message code of a stage. */
    public static String code(Stage stage) {
        return switch (stage) {
            case CONNECT -> "TPH0001";
            case STALE_CONNECTION -> "TPH0002";
            case BEFORE_RESPONSE -> "TPH0003";
            case DURING_RESPONSE -> "TPH0004";
            case CLIENT -> "TPH0005";
        };
    }

    /** The id the connection's log lines carry ({@code hmux#id}). */
    public long connectionId() {
        return connectionId;
    }

    /** Whether the connection had served a request before this one. */
    public boolean reusedConnection() {
        return reusedConnection;
    }
}

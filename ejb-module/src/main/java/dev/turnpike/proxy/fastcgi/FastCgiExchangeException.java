package dev.turnpike.proxy.fastcgi;

import dev.turnpike.backend.ExchangeException;
import java.net.InetSocketAddress;

/**
 * A FastCGI exchange failed; see {@link ExchangeException} for what each stage means to the
 * balancer. The message starts with the stage's stable code, then the backend and the connection,
 * e.g. {@code TPF0003 127.0.0.1:9000 fcgi#7 (reused): closed by the backend before any response byte (request sent)}:
 * <pre>
 *   TPF0001 CONNECT   TPF0002 STALE_CONNECTION   TPF0003 BEFORE_RESPONSE
 *   TPF0004 DURING_RESPONSE   TPF0005 CLIENT
 * </pre>
 * A response the application broke (framing, header block, {@code END_REQUEST} status) is reported
 * in the stage it was found in, its problem prefixed with {@code bad response:}.
 */
public final class FastCgiExchangeException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    private final long connectionId;
    private final boolean reusedConnection;

    FastCgiExchangeException(Stage stage, InetSocketAddress backend, long connectionId, boolean reusedConnection,
            boolean responseStarted, String problem, Throwable cause) {
        super(stage, backend, responseStarted, code(stage) + " " + address(backend)
                + (connectionId > 0 ? " fcgi#" + connectionId : "") + (reusedConnection ? " (reused)" : "") + ": " + problem, cause);
        this.connectionId = connectionId;
        this.reusedConnection = reusedConnection;
    }

    /** The stable message code of a stage. */
    public static String code(Stage stage) {
        return switch (stage) {
            case CONNECT -> "TPF0001";
            case STALE_CONNECTION -> "TPF0002";
            case BEFORE_RESPONSE -> "TPF0003";
            case DURING_RESPONSE -> "TPF0004";
            case CLIENT -> "TPF0005";
        };
    }

    /** The id the connection's log lines carry ({@code fcgi#id}); 0 if the failure came before any connection. */
    public long connectionId() {
        return connectionId;
    }

    /** Whether the connection had served a request before this one. */
    public boolean reusedConnection() {
        return reusedConnection;
    }
}

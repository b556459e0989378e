package dev.turnpike.proxy.fastcgi;

import dev.turnpike.backend.BackendSockets;
import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ConnectionPool;
import dev.turnpike.backend.ExchangeException;
import dev.turnpike.backend.PooledClient;
import dev.turnpike.backend.ResponseSink;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Sends HTTP requests to one FastCGI application (php-cgi, php-fpm) as a responder, on pooled
 * connections: the client side of Resin's {@code resin:FastCgiProxy} for one backend address.
 *
 * <p>{@link #exchange} takes a connection from the {@link ConnectionPool}, runs the exchange
 * on it (see {@link FastCgiConnection} for the records) and gives the connection back, to be reused
 * if it was kept with {@code FCGI_KEEP_CONN}. Two things happen here rather than on the connection:
 * <ul>
 *   <li>a body of unknown length is spooled first ({@link BodySpool}), since PHP needs
 *       {@code CONTENT_LENGTH}; the variables get the length learned, and the spool is deleted
 *       when the exchange is over;</li>
 *   <li>a pooled connection found closed before the request went out
 *       ({@link ExchangeException.Stage#STALE_CONNECTION STALE_CONNECTION}, e.g. after php-cgi
 *       restarted) is retried once on a new connection: the application cannot have seen the
 *       request and the body has not been read yet.</li>
 * </ul>
 * Every other failure reaches the caller with its stage, for the balancer to decide.
 *
 * <p>Thread-safe: any number of exchanges may run at once, each on its own connection.
 */
public final class FastCgiClient extends PooledClient<FastCgiConnection, FastCgiExchangeException> {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.proxy.fastcgi");

    public FastCgiClient(InetSocketAddress backend, FastCgiSettings settings) {
        this(backend, settings, System::nanoTime);
    }

    /** A client on the given clock, in nanoseconds, for idle times. */
    public FastCgiClient(InetSocketAddress backend, FastCgiSettings settings, LongSupplier clock) {
        super(FastCgiConnection.pool(backend, settings, clock));
    }

    /**
     * Sends one request and hands its response to the sink as it arrives.
     *
     * @param request the browser's request; its body is read to its end (or to its length)
     * @param params the CGI variables, usually {@link CgiParams#of}; for a body of unknown length
     *     {@code CONTENT_LENGTH} is set here once the body is spooled
     * @param sink receives the response
     * @return how the exchange went
     * @throws FastCgiExchangeException if the exchange failed; its stage says how far it got
     * @throws IllegalArgumentException if a variable does not fit in a FastCGI record
     * @throws IllegalStateException if the client is closed
     */
    public FastCgiExchangeResult exchange(BackendRequest request, CgiParams params, ResponseSink sink)
            throws FastCgiExchangeException {
        if (!request.hasBody() || request.contentLength() >= 0) {
            return exchangeWithRetry(request, params, sink);
        }
        BodySpool spool;
        try {
            spool = BodySpool.of(request.body());
        } catch (IOException e) {
            throw new FastCgiExchangeException(ExchangeException.Stage.CLIENT, pool.backend(), 0, false, false,
                    "spooling the request body of unknown length failed: " + BackendSockets.reason(e), e);
        }
        try (InputStream body = spool.open()) {
            BackendRequest known = request.withBody(body, spool.length());
            return exchangeWithRetry(known, params.with("CONTENT_LENGTH", Long.toString(spool.length())), sink);
        } catch (IOException e) {
            if (e instanceof FastCgiExchangeException failure) {
                throw failure;
            }
            throw new FastCgiExchangeException(ExchangeException.Stage.CLIENT, pool.backend(), 0, false, false,
                    "reading the spooled request body failed: " + BackendSockets.reason(e), e);
        } finally {
            deleteQuietly(spool);
        }
    }

    @Override
    public String toString() {
        return "FastCGI client for " + pool;
    }

    private FastCgiExchangeResult exchangeWithRetry(BackendRequest request, CgiParams params, ResponseSink sink)
            throws FastCgiExchangeException {
        return pool.exchange(connection -> connection.exchange(request, params, sink));
    }

    private void deleteQuietly(BodySpool spool) {
        try {
            spool.close();
        } catch (IOException e) {
            LOG.warning("FastCGI " + FastCgiExchangeException.address(pool.backend())
                    + ": cannot delete the spooled request body: " + BackendSockets.reason(e));
        }
    }
}

package dev.turnpike.proxy.http;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ConnectionPool;
import dev.turnpike.backend.ExchangeException.Stage;
import dev.turnpike.backend.PooledClient;
import dev.turnpike.backend.ResponseSink;
import java.net.InetSocketAddress;
import java.util.function.LongSupplier;

/**
 * Sends requests to one HTTP/1.1 backend on pooled keep-alive connections: the client side of
 * {@code resin:HttpProxy}.
 *
 * <p>{@link #exchange} takes a connection from the {@link ConnectionPool}, runs the exchange on
 * it (see {@link HttpConnection}) and gives it back, to be reused if the response allowed it. One
 * failure is handled here: a pooled connection found closed or out of step before the request went
 * out ({@link Stage#STALE_CONNECTION STALE_CONNECTION}, e.g. after the backend's keep-alive timeout
 * or a restart) is retried once on a new connection, since the backend cannot have seen the
 * request and the body has not been read yet. Every other failure reaches the caller with its
 * stage, for the balancer to decide.
 *
 * <p>Thread-safe: any number of exchanges may run at once, each on its own connection.
 */
public final class HttpBackendClient extends PooledClient<HttpConnection, HttpExchangeException> {

    public HttpBackendClient(InetSocketAddress backend, HttpProxySettings settings) {
        this(backend, settings, System::nanoTime);
    }

    /** A client on the given clock, in nanoseconds, for idle times. */
    public HttpBackendClient(InetSocketAddress backend, HttpProxySettings settings, LongSupplier clock) {
        super(HttpConnection.pool(backend, settings, clock));
    }

    /**
     * Sends one request and hands its response to the sink as it arrives.
     *
     * @param request the browser's request; its body is read to its end (or to its length)
     * @param sink receives the response
     * @return how the exchange went
     * @throws HttpExchangeException if the exchange failed; its stage says how far it got
     * @throws IllegalArgumentException (TPP0013) if the method, target or a header cannot go on the
     *     wire; nothing was sent
     * @throws IllegalStateException if the client is closed
     */
    public HttpExchangeResult exchange(BackendRequest request, ResponseSink sink) throws HttpExchangeException {
        return pool.exchange(connection -> connection.exchange(request, sink));
    }

    @Override
    public String toString() {
        return "HTTP client for " + pool;
    }
}

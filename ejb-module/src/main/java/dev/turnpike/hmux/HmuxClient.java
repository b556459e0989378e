package dev.turnpike.hmux;

import dev.turnpike.backend.ConnectionPool;
import dev.turnpike.backend.PooledClient;
import dev.turnpike.backend.ResponseSink;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.function.LongSupplier;

/**
 * Sends HTTP requests to one backend over HMUX, on pooled connections: the web tier's side of
 * HMUX, as mod_caucho plays it for Apache.
 *
 * <p>{@link #exchange} takes a connection from the {@link ConnectionPool}, runs the exchange
 * on it (see {@link HmuxConnection} for the frames) and gives the connection back, to be reused if
 * the backend ended with {@code Q}. One failure is handled here: a pooled connection found closed
 * by the backend before the request went out ({@link HmuxExchangeException.Stage#STALE_CONNECTION
 * STALE_CONNECTION}, e.g. after a backend restart) is retried once on a new connection, since the
 * backend cannot have seen the request and the body has not been read yet. mod_caucho answers 503
 * there instead (captures 06b, 06c).
 * Every other failure reaches the caller with its stage, for the balancer to decide.
 *
 * <p>Thread-safe: any number of exchanges may run at once, each on its own connection.
 */
public final class HmuxClient extends PooledClient<HmuxConnection, HmuxExchangeException> {

    public HmuxClient(InetSocketAddress backend, HmuxClientSettings settings) {
        this(backend, settings, System::nanoTime);
    }

    /** A client on the given clock, in nanoseconds, for idle times. */
    public HmuxClient(InetSocketAddress backend, HmuxClientSettings settings, LongSupplier clock) {
        super(HmuxConnection.pool(backend, settings, clock));
    }

    /**
     * Sends one request and hands its response to the sink as it arrives.
     *
     * @param head the request head
     * @param body the request body, read to its end, or {@code null} for a request without one
     * @param sink receives the response
     * @return how the exchange went
     * @throws HmuxExchangeException if the exchange failed; its stage says how far it got
     * @throws IllegalArgumentException if a head value does not fit in an HMUX frame
     * @throws IllegalStateException if the client is closed
     */
    public HmuxExchangeResult exchange(HmuxRequestHead head, InputStream body, ResponseSink sink)
            throws HmuxExchangeException {
        return pool.exchange(connection -> connection.exchange(head, body, sink));
    }

    @Override
    public String toString() {
        return "HMUX client for " + pool;
    }
}

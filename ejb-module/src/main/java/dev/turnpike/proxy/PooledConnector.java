package dev.turnpike.proxy;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ConnectionPool;
import dev.turnpike.backend.ExchangeException;
import dev.turnpike.backend.ResponseSink;
import java.util.Objects;

/**
 * A backend reached by one of the protocol clients: its exchange, and the counts of its
 * {@link ConnectionPool}, read without allocating since the balancer's gates read them on every
 * selection.
 */
final class PooledConnector implements Connector {

    /** The client's exchange for a browser's request. */
    @FunctionalInterface
    interface Exchange {
        /** @return whether the exchange ran on a newly opened connection */
        boolean run(BackendRequest request, ResponseSink sink) throws ExchangeException;
    }

    private final ConnectionPool<?, ?> pool;
    private final Exchange exchange;
    private final String description;

    PooledConnector(ConnectionPool<?, ?> pool, Exchange exchange, String description) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public boolean exchange(BackendRequest request, ResponseSink sink) throws ExchangeException {
        return exchange.run(request, sink);
    }

    @Override
    public int active() {
        return pool.active();
    }

    @Override
    public int idle() {
        return pool.idle();
    }

    @Override
    public void closeIdle() {
        pool.closeIdle();
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return description;
    }
}

package dev.turnpike.backend;

import java.io.Closeable;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What every protocol's client of one backend (HMUX, HTTP, FastCGI) offers besides its exchange:
 * its {@link ConnectionPool}, whose counts the balancer and the status page read, and closing.
 *
 * @param <C> the protocol's connection
 * @param <E> the protocol's exchange failure
 */
public abstract class PooledClient<C extends PooledConnection, E extends ExchangeException> implements Closeable {

    /** The backend's connections; subclasses run their exchanges on it. */
    protected final ConnectionPool<C, E> pool;

    protected PooledClient(ConnectionPool<C, E> pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /** The backend's pool, for its counters. */
    public PoolStats stats() {
        return pool.stats();
    }

    /** The backend's pool itself, whose counts the balancer reads. */
    public ConnectionPool<?, ?> pool() {
        return pool;
    }

    public InetSocketAddress backend() {
        return pool.backend();
    }

    /** Closes the idle connections (and what they hold on the backend); the client stays usable. */
    public void closeIdle() {
        pool.closeIdle();
    }

    /** Closes the idle connections; exchanges still running close theirs when done. */
    @Override
    public void close() {
        pool.close();
    }
}

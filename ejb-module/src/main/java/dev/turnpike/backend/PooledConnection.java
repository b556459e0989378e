package dev.turnpike.backend;

import java.io.Closeable;

/** What a {@link ConnectionPool} needs to know of a connection to decide whether to keep it. */
public interface PooledConnection extends Closeable {

    /** Whether the connection may carry another exchange. */
    boolean isOpen();

    /** When the last request started (or the connection opened), on the pool's clock, in nanoseconds. */
    long lastRequestStart();

    /** Whether the last exchange found the connection closed or out of step while it was idle. */
    boolean foundStale();

    /** Closes the connection; idempotent, never throws. */
    @Override
    void close();
}

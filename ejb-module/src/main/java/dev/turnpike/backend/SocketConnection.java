package dev.turnpike.backend;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every protocol's connection to a backend keeps alike: its id and socket, how many
 * exchanges it started and when the last one did, whether it was found stale, and closing. The
 * protocol classes (HMUX, HTTP, FastCGI) add the exchange itself.
 *
 * <p>Not thread-safe: one exchange at a time, as the {@link ConnectionPool} hands it out.
 */
public abstract class SocketConnection implements PooledConnection {

    private final String kind;
    private final Logger log;
    private final long id;
    private final InetSocketAddress backend;
    private final LongSupplier clock;
    private final SocketChannel channel;
    private long lastRequestStart;
    private int requests;
    private boolean open = true;
    private boolean foundStale;

    /**
     * @param kind the short protocol name log lines carry before the id, e.g. {@code hmux}
     * @param log where opening and closing are logged at FINE
     * @param clock nanoseconds, as {@link System#nanoTime()}, for idle times
     */
    protected SocketConnection(String kind, Logger log, long id, InetSocketAddress backend, LongSupplier clock,
            SocketChannel channel) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.log = Objects.requireNonNull(log, "log");
        this.id = id;
        this.backend = Objects.requireNonNull(backend, "backend");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.lastRequestStart = clock.getAsLong();
    }

    /**
     * Starts an exchange: counts it and notes when it started.
     *
     * @return whether the connection carried an exchange before (it is reused)
     * @throws IllegalStateException if the connection is closed
     */
    protected final boolean begin() {
        if (!open) {
            throw new IllegalStateException(this + " is closed");
        }
        boolean reused = requests > 0;
        requests++;
        lastRequestStart = clock.getAsLong();
        return reused;
    }

    /**
     * Fails unless the idle connection is still open and silent (see
     * {@link BackendSockets#checkIdle}).
     *
     * @param display how a byte the backend sent unasked is named in the message
     */
    protected final void checkIdle(IntFunction<String> display) throws BackendSockets.IdleCheckFailure {
        BackendSockets.checkIdle(channel, display);
    }

    /** Notes that the exchange found the connection closed or out of step while it was idle. */
    protected final void markStale() {
        foundStale = true;
    }

    /** Logs the connection's opening at FINE. */
    protected final void logOpened() {
        if (log.isLoggable(Level.FINE)) {
            log.fine(this + " opened from " + channel.socket().getLocalSocketAddress());
        }
    }

    /** The id the log lines carry. */
    public final long id() {
        return id;
    }

    public final InetSocketAddress backend() {
        return backend;
    }

    /** Whether the connection may carry another exchange. */
    @Override
    public final boolean isOpen() {
        return open;
    }

    /** How many exchanges the connection has started. */
    public final int requests() {
        return requests;
    }

    /** When the last request started (or the connection opened), on the connection's clock. */
    @Override
    public final long lastRequestStart() {
        return lastRequestStart;
    }

    /** Whether the last exchange found the connection closed or out of step while it was idle. */
    @Override
    public final boolean foundStale() {
        return foundStale;
    }

    @Override
    public final void close() {
        if (!open) {
            return;
        }
        open = false;
        BackendSockets.closeQuietly(channel);
        if (log.isLoggable(Level.FINE)) {
            log.fine(this + " closed after " + requests + " request(s)");
        }
    }

    @Override
    public final String toString() {
        return kind + "#" + id + " " + ExchangeException.address(backend);
    }
}

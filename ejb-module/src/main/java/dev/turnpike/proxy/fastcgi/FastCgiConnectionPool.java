package dev.turnpike.proxy.fastcgi;

import java.io.Closeable;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connections to one FastCGI application: hands out an idle one or opens a new one, and takes
 * them back when an exchange is over. Reuse follows Resin's {@code ClientSocketFactory}, as the
 * HMUX pool does:
 * <ul>
 *   <li>last in, first out: the connection returned most recently is reused first, so the others
 *       age out when traffic drops (and their php-cgi workers are freed);</li>
 *   <li>a connection's idle time counts from the <em>start</em> of its last request; one idle for
 *       {@code idleTime} or longer is closed, not reused, when met on acquiring or returning;</li>
 *   <li>at most {@code maxIdle} idle connections are kept; the oldest go first.</li>
 * </ul>
 * Only connections whose exchange asked for and honoured {@code FCGI_KEEP_CONN} come back open.
 * The pool does not probe what it hands out: a reused connection checks itself before sending and
 * reports a dead one as {@link FastCgiExchangeException.Stage#STALE_CONNECTION}, which
 * {@link FastCgiClient} retries on a connection from {@link #openNew()}.
 *
 * <p>Thread-safe. Connections are opened and closed outside the pool's lock.
 */
public final class FastCgiConnectionPool implements Closeable {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.proxy.fastcgi");

    private final InetSocketAddress backend;
    private final FastCgiSettings settings;
    private final LongSupplier clock;
    private final long idleNanos;

    /** Idle connections, the most recently returned first. */
    private final Deque<FastCgiConnection> idle = new ArrayDeque<>();
    private int active;
    private long opened;
    private long reused;
    private long expired;
    private long stale;
    private boolean closed;

    /** A pool on the system clock. */
    public FastCgiConnectionPool(InetSocketAddress backend, FastCgiSettings settings) {
        this(backend, settings, System::nanoTime);
    }

    /**
     * A pool on the given clock.
     *
     * @param clock nanoseconds, as {@link System#nanoTime()}; the connections' idle times are measured on it
     */
    public FastCgiConnectionPool(InetSocketAddress backend, FastCgiSettings settings, LongSupplier clock) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idleNanos = settings.idleTime().toNanos();
    }

    public InetSocketAddress backend() {
        return backend;
    }

    /**
     * The most recently returned idle connection that has not reached the idle time, or else a new
     * one. Hand it back with {@link #release} whatever happens.
     *
     * @throws FastCgiExchangeException of stage {@link FastCgiExchangeException.Stage#CONNECT CONNECT}
     *     if a new connection cannot be opened
     * @throws IllegalStateException if the pool is closed
     */
    public FastCgiConnection acquire() throws FastCgiExchangeException {
        FastCgiConnection found = null;
        List<FastCgiConnection> tooOld = new ArrayList<>();
        synchronized (this) {
            checkOpen();
            long now = clock.getAsLong();
            while (found == null && !idle.isEmpty()) {
                FastCgiConnection next = idle.pollFirst();
                if (expired(next, now)) {
                    tooOld.add(next);
                } else {
                    found = next;
                }
            }
            expired += tooOld.size();
            if (found != null) {
                reused++;
                active++;
            }
        }
        closeExpired(tooOld);
        return found != null ? found : openNew();
    }

    /**
     * A new connection, bypassing the idle ones: for the retry after a stale connection, when the
     * application has likely restarted and every idle connection is as dead.
     *
     * @throws FastCgiExchangeException of stage {@link FastCgiExchangeException.Stage#CONNECT CONNECT}
     * @throws IllegalStateException if the pool is closed
     */
    public FastCgiConnection openNew() throws FastCgiExchangeException {
        synchronized (this) {
            checkOpen();
        }
        FastCgiConnection connection = FastCgiConnection.open(backend, settings, clock);
        synchronized (this) {
            opened++;
            active++;
            if (!closed) {
                return connection;
            }
            active--;
        }
        connection.close();
        throw new IllegalStateException("the FastCGI pool for " + address() + " was closed while connecting");
    }

    /**
     * Takes a connection back after an exchange.
     *
     * @param reusable whether the exchange left it fit for another request
     *     ({@link FastCgiExchangeResult#keptAlive()}); if not, or if the pool is closed or full, the
     *     connection is closed
     */
    public void release(FastCgiConnection connection, boolean reusable) {
        List<FastCgiConnection> toClose = new ArrayList<>();
        synchronized (this) {
            active--;
            if (connection.foundStale()) {
                stale++;
            }
            long now = clock.getAsLong();
            boolean keep = reusable && connection.isOpen() && !closed;
            if (keep && expired(connection, now)) {
                expired++;
                keep = false;
            }
            if (keep) {
                idle.addFirst(connection);
            } else {
                toClose.add(connection);
            }
            while (!idle.isEmpty()) {
                if (expired(idle.peekLast(), now)) {
                    expired++;
                } else if (idle.size() <= settings.maxIdle()) {
                    break;
                }
                toClose.add(idle.pollLast());
            }
        }
        toClose.forEach(FastCgiConnection::close);
    }

    /** The pool's counters and sizes at this moment. */
    public synchronized FastCgiPoolStats stats() {
        return new FastCgiPoolStats(idle.size(), active, opened, reused, expired, stale);
    }

    /**
     * Closes the idle connections and keeps the pool open: frees the application's workers they
     * hold, e.g. before it is restarted.
     */
    public void closeIdle() {
        List<FastCgiConnection> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(FastCgiConnection::close);
    }

    /** Closes the idle connections; connections in use are closed when they come back. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        closeIdle();
    }

    @Override
    public String toString() {
        return "FastCGI pool " + address() + " (" + settings + ")";
    }

    private boolean expired(FastCgiConnection connection, long now) {
        return now - connection.lastRequestStart() >= idleNanos;
    }

    private void closeExpired(List<FastCgiConnection> connections) {
        for (FastCgiConnection connection : connections) {
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine(connection + " idle for " + settings.idleTime().toMillis()
                        + "ms or more since its last request started; closing instead of reusing");
            }
            connection.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the FastCGI pool for " + address() + " is closed");
        }
    }

    private String address() {
        return FastCgiExchangeException.address(backend);
    }
}

package dev.turnpike.backend;

import java.io.Closeable;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connections to one backend, whatever its protocol: hands out an idle one or opens a new one,
 * and takes them back when an exchange is over. Reuse follows Resin's {@code ClientSocketFactory}
 * (resin-spec 1.7, 2.5):
 * <ul>
 *   <li>last in, first out: the connection returned most recently is reused first, so the others
 *       age out when traffic drops (and, for FastCGI, free their workers);</li>
 *   <li>a connection's idle time counts from the <em>start</em> of its last request, not its end
 *       (Resin note #2369: a backend's keep-alive timer may start long before a slow browser has
 *       read the whole response; the start of the request is the one moment known to come before
 *       it); one idle for {@code idleTime} or longer is closed, not reused, when met on acquiring
 *       or returning;</li>
 *   <li>at most {@code maxIdle} idle connections are kept; the oldest go first.</li>
 * </ul>
 * The pool does not probe what it hands out: a reused connection checks itself before sending and
 * reports a dead one as {@link ExchangeException.Stage#STALE_CONNECTION}, which
 * {@link #exchange} retries once on a connection from {@link #openNew()}.
 *
 * <p>Thread-safe. Connections are opened and closed outside the pool's lock.
 *
 * @param <C> the protocol's connection
 * @param <E> the protocol's exchange failure
 */
public final class ConnectionPool<C extends PooledConnection, E extends ExchangeException> implements Closeable {

    /** Opens a new connection to the backend. */
    @FunctionalInterface
    public interface Opener<C, E extends Exception> {
        /** @throws E of stage {@link ExchangeException.Stage#CONNECT CONNECT} if no connection opens */
        C open() throws E;
    }

    /** One exchange on a connection. */
    @FunctionalInterface
    public interface Exchange<C, R, E extends Exception> {
        R run(C connection) throws E;
    }

    private final String protocol;
    private final Logger log;
    private final InetSocketAddress backend;
    private final Duration idleTime;
    private final long idleNanos;
    private final int maxIdle;
    private final LongSupplier clock;
    private final Opener<C, E> opener;
    private final String settings;

    /** Idle connections, the most recently returned first. */
    private final Deque<C> idle = new ArrayDeque<>();
    private int active;
    private long opened;
    private long reused;
    private long expired;
    private long stale;
    private boolean closed;

    /**
     * @param protocol the protocol's name in messages, e.g. {@code HMUX}
     * @param log      where expiries and stale retries are logged, at FINE
     * @param backend  the backend's address
     * @param idleTime how long after the start of its last request a connection may be reused
     * @param maxIdle  most idle connections kept
     * @param clock    nanoseconds, as {@link System#nanoTime()}; the connections' idle times are
     *                 measured on it
     * @param opener   opens a connection on the same clock
     * @param settings the client's settings, for {@link #toString()}
     */
    public ConnectionPool(String protocol, Logger log, InetSocketAddress backend, Duration idleTime, int maxIdle,
            LongSupplier clock, Opener<C, E> opener, Object settings) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.log = Objects.requireNonNull(log, "log");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.idleTime = Objects.requireNonNull(idleTime, "idleTime");
        this.idleNanos = idleTime.toNanos();
        this.maxIdle = maxIdle;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.settings = String.valueOf(settings);
    }

    public InetSocketAddress backend() {
        return backend;
    }

    /**
     * Runs one exchange on a pooled connection and gives the connection back, to be reused if the
     * exchange left it open. A pooled connection found stale before the request went out is
     * retried once on a new connection: the backend cannot have seen the request and the body has
     * not been read yet.
     *
     * @throws E if the exchange failed; its stage says how far it got
     * @throws IllegalStateException if the pool is closed
     */
    public <R> R exchange(Exchange<C, R, E> exchange) throws E {
        C connection = acquire();
        try {
            return exchangeOn(connection, exchange);
        } catch (ExchangeException e) {
            if (e.stage() != ExchangeException.Stage.STALE_CONNECTION) {
                throw e;
            }
            if (log.isLoggable(Level.FINE)) {
                log.fine(e.getMessage() + "; sending the request on a new connection");
            }
        }
        return exchangeOn(openNew(), exchange);
    }

    private <R> R exchangeOn(C connection, Exchange<C, R, E> exchange) throws E {
        try {
            return exchange.run(connection);
        } finally {
            // the connection closes itself unless it can carry another request
            release(connection, connection.isOpen());
        }
    }

    /**
     * The most recently returned idle connection that has not reached the idle time, or else a new
     * one. Hand it back with {@link #release} whatever happens.
     *
     * @throws E of stage {@link ExchangeException.Stage#CONNECT CONNECT} if a new connection cannot
     *     be opened
     * @throws IllegalStateException if the pool is closed
     */
    public C acquire() throws E {
        C found = null;
        List<C> tooOld = new ArrayList<>();
        synchronized (this) {
            checkOpen();
            long now = clock.getAsLong();
            while (found == null && !idle.isEmpty()) {
                C next = idle.pollFirst();
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
     * backend has likely restarted and every idle connection is as dead.
     *
     * @throws E of stage {@link ExchangeException.Stage#CONNECT CONNECT}
     * @throws IllegalStateException if the pool is closed
     */
    public C openNew() throws E {
        synchronized (this) {
            checkOpen();
        }
        C connection = opener.open();
        synchronized (this) {
            opened++;
            active++;
            if (!closed) {
                return connection;
            }
            active--;
        }
        connection.close();
        throw new IllegalStateException("the " + protocol + " pool for " + address() + " was closed while connecting");
    }

    /**
     * Takes a connection back after an exchange.
     *
     * @param reusable whether the exchange left it fit for another request; if not, or if the pool
     *     is closed or full, the connection is closed
     */
    public void release(C connection, boolean reusable) {
        List<C> toClose = new ArrayList<>();
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
                } else if (idle.size() <= maxIdle) {
                    break;
                }
                toClose.add(idle.pollLast());
            }
        }
        toClose.forEach(PooledConnection::close);
    }

    /** The pool's counters and sizes at this moment. */
    public synchronized PoolStats stats() {
        return new PoolStats(idle.size(), active, opened, reused, expired, stale);
    }

    /** Connections handed out and not yet released. */
    public synchronized int active() {
        return active;
    }

    /** Connections waiting to be reused. */
    public synchronized int idle() {
        return idle.size();
    }

    /** Closes the idle connections and keeps the pool open, e.g. when the backend is stopped or found down. */
    public void closeIdle() {
        List<C> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(PooledConnection::close);
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
        return protocol + " pool " + address() + " (" + settings + ")";
    }

    private boolean expired(C connection, long now) {
        return now - connection.lastRequestStart() >= idleNanos;
    }

    private void closeExpired(List<C> connections) {
        for (C connection : connections) {
            if (log.isLoggable(Level.FINE)) {
                log.fine(connection + " idle for " + idleTime.toMillis()
                        + "ms or more since its last request started; closing instead of reusing");
            }
            connection.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the " + protocol + " pool for " + address() + " is closed");
        }
    }

    private String address() {
        return ExchangeException.address(backend);
    }
}

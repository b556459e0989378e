package dev.turnpike.proxy.http;

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
 * The HTTP connections to one backend: hands out an idle one or opens a new one, and takes them
 * back when an exchange is over. Reuse works as for HMUX ({@code dev.turnpike.hmux.HmuxConnectionPool}),
 * after Resin's {@code ClientSocketFactory}:
 * <ul>
 *   <li>last in, first out: the connection returned most recently is reused first, so the others
 *       age out when traffic drops;</li>
 *   <li>a connection's idle time counts from the <em>start</em> of its last request. An HTTP
 *       backend's keep-alive timer starts when it has written the response, which may be long
 *       before the client has read it all if the browser is slow; the start of the request is the
 *       one moment known to come before it. One idle for {@code idleTime} (2 s by default) or
 *       longer is closed, not reused, when met on acquiring or returning;</li>
 *   <li>at most {@code maxIdle} idle connections are kept; the oldest go first.</li>
 * </ul>
 * The pool does not probe what it hands out: a reused connection checks itself before sending and
 * reports a dead one as {@link HttpExchangeException.Stage#STALE_CONNECTION}, which
 * {@link HttpBackendClient} retries on a connection from {@link #openNew()}.
 *
 * <p>Thread-safe. Connections are opened and closed outside the pool's lock.
 */
public final class HttpConnectionPool implements Closeable {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.proxy.http");

    private final InetSocketAddress backend;
    private final HttpProxySettings settings;
    private final LongSupplier clock;
    private final long idleNanos;

    /** Idle connections, the most recently returned first. */
    private final Deque<HttpConnection> idle = new ArrayDeque<>();
    private int active;
    private long opened;
    private long reused;
    private long expired;
    private long stale;
    private boolean closed;

    /** A pool on the system clock. */
    public HttpConnectionPool(InetSocketAddress backend, HttpProxySettings settings) {
        this(backend, settings, System::nanoTime);
    }

    /**
     * A pool on the given clock.
     *
     * @param clock nanoseconds, as {@link System#nanoTime()}; the connections' idle times are measured on it
     */
    public HttpConnectionPool(InetSocketAddress backend, HttpProxySettings settings, LongSupplier clock) {
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
     * @throws HttpExchangeException of stage {@link HttpExchangeException.Stage#CONNECT CONNECT}
     *     if a new connection cannot be opened
     * @throws IllegalStateException if the pool is closed
     */
    public HttpConnection acquire() throws HttpExchangeException {
        HttpConnection found = null;
        List<HttpConnection> tooOld = new ArrayList<>();
        synchronized (this) {
            checkOpen();
            long now = clock.getAsLong();
            while (found == null && !idle.isEmpty()) {
                HttpConnection next = idle.pollFirst();
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
     * @throws HttpExchangeException of stage {@link HttpExchangeException.Stage#CONNECT CONNECT}
     * @throws IllegalStateException if the pool is closed
     */
    public HttpConnection openNew() throws HttpExchangeException {
        synchronized (this) {
            checkOpen();
        }
        HttpConnection connection = HttpConnection.open(backend, settings, clock);
        synchronized (this) {
            opened++;
            active++;
            if (!closed) {
                return connection;
            }
            active--;
        }
        connection.close();
        throw new IllegalStateException("the HTTP pool for " + address() + " was closed while connecting");
    }

    /**
     * Takes a connection back after an exchange.
     *
     * @param reusable whether the exchange left it fit for another request
     *     ({@link HttpExchangeResult#keepAlive()}); if not, or if the pool is closed or full, the
     *     connection is closed
     */
    public void release(HttpConnection connection, boolean reusable) {
        List<HttpConnection> toClose = new ArrayList<>();
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
        toClose.forEach(HttpConnection::close);
    }

    /** The pool's counters and sizes at this moment. */
    public synchronized HttpPoolStats stats() {
        return new HttpPoolStats(idle.size(), active, opened, reused, expired, stale);
    }

    /**
     * Closes the idle connections and leaves the pool open, e.g. when the backend is known to have
     * restarted or has been taken out of the balance.
     */
    public void closeIdle() {
        List<HttpConnection> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(HttpConnection::close);
    }

    /** Closes the idle connections; connections in use are closed when they come back. Idempotent. */
    @Override
    public void close() {
        List<HttpConnection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(HttpConnection::close);
    }

    @Override
    public String toString() {
        return "HTTP pool " + address() + " (" + settings + ")";
    }

    private boolean expired(HttpConnection connection, long now) {
        return now - connection.lastRequestStart() >= idleNanos;
    }

    private void closeExpired(List<HttpConnection> connections) {
        for (HttpConnection connection : connections) {
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine(connection + " idle for " + settings.idleTime().toMillis()
                        + "ms or more since its last request started; closing instead of reusing");
            }
            connection.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the HTTP pool for " + address() + " is closed");
        }
    }

    private String address() {
        return HttpExchangeException.address(backend);
    }
}

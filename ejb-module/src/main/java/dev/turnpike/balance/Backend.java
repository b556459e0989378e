package dev.turnpike.balance;

import dev.turnpike.rules.BackendConfig;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One backend of a {@link Cluster}: its configuration, its {@link BackendState}, its
 * {@link LoadMeter}, the counts of its connection pool and the selections in flight toward it.
 *
 * <p>The gates below are what each pass of a selection asks (resin-spec 2.3-2.5). "Idle" means
 * the pool holds an idle connection, which every gate but the forced one accepts however the
 * backend is doing, since reusing a connection costs the backend nothing new.
 * <pre>
 *   takesSession   sticky owner and hash fallback   takes sessions, and idle or neither failed nor busy
 *   takesWarm      strategy and the warm pass       takes traffic, and idle or the warm-up allows one more
 *   takesForced    the last, forced pass            takes traffic
 *   canOpen        the shared round-robin start     idle, ACTIVE, or takes traffic and not failed
 * </pre>
 * The forced pass ignores failure windows and warm-up but never the operator's stop or drain.
 *
 * <p>The web tier reports what happens on a backend through {@link #connected()},
 * {@link #failed(FailureKind, long)} and {@link #completed()}.
 */
public final class Backend {

    private final BackendConfig config;
    private final BackendState state;
    private final LoadMeter load;
    private final AtomicInteger allocated = new AtomicInteger();
    private volatile BackendPool pool = BackendPool.EMPTY;

    /** A backend in state {@link Lifecycle#NEW}, with no pool attached. */
    public Backend(BackendConfig config, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.state = new BackendState(config, clock);
        this.load = new LoadMeter(clock);
    }

    public BackendConfig config() {
        return config;
    }

    public BackendState state() {
        return state;
    }

    public LoadMeter load() {
        return load;
    }

    public BackendPool pool() {
        return pool;
    }

    /** Attaches the connection pool whose counts the gates and costs read. */
    public void attach(BackendPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /** The weight least-connection divides the cost by: 1 for a backup. */
    public int weight() {
        return config.weight();
    }

    // gates

    /** Whether a request for a session this backend owns or adopts may go to it. */
    public boolean takesSession() {
        if (!state.lifecycle().takesSessions()) {
            return false;
        }
        return pool.idle() > 0 || !state.isFailed() && !state.isBusy();
    }

    /** Whether a non-sticky request may go to it under the warm-up rules. */
    public boolean takesWarm() {
        if (!state.lifecycle().takesTraffic()) {
            return false;
        }
        BackendPool p = pool;
        return p.idle() > 0 || state.mayOpenWarm(p.active() + p.starting() + p.idle());
    }

    /** Whether a non-sticky request may go to it when nothing else is left. */
    public boolean takesForced() {
        return state.lifecycle().takesTraffic();
    }

    /** Whether the shared round-robin start index may stop at it. */
    public boolean canOpen() {
        if (pool.idle() > 0) {
            return true;
        }
        Lifecycle lifecycle = state.lifecycle();
        return lifecycle == Lifecycle.ACTIVE || lifecycle.takesTraffic() && !state.isFailed();
    }

    /**
     * Whether least-connection may consider it: not failed, takes traffic, and idle or allowed by
     * the warm-up.
     */
    boolean isCandidate() {
        return !state.isFailed() && takesWarm();
    }

    /** Connections carrying a request plus selections not yet connected: what least-connection counts. */
    int connectionLoad() {
        return pool.active() + allocated.get();
    }

    /** Why {@link #takesSession()} is false, for the refusal message. */
    String whyNoSession() {
        Lifecycle lifecycle = state.lifecycle();
        if (!lifecycle.takesSessions()) {
            return "takes no sessions in state " + lifecycle;
        }
        if (state.isFailed()) {
            return "failed less than " + state.recoverWindow() + " ms ago";
        }
        return "answered 503 less than " + BackendConfig.period(config.busyRecoverTime()) + " ago";
    }

    // selections in flight

    /** A selection chose this backend and has not connected yet. */
    void allocate() {
        allocated.incrementAndGet();
    }

    /** Ends the allocation a {@link Selection.Chosen} holds: call once the connection is open or failed. */
    public void release() {
        allocated.decrementAndGet();
    }

    /** Selections that chose this backend and have not released it. */
    public int allocated() {
        return allocated.get();
    }

    // what happened on the backend

    /** A new connection to the backend was opened. */
    public void connected() {
        state.connected();
    }

    /**
     * An attempt failed.
     *
     * @param kind      how
     * @param startedAt when the attempt started (for {@link FailureKind#BUSY}, when the 503 came)
     */
    public void failed(FailureKind kind, long startedAt) {
        switch (kind) {
            case CONNECT -> state.failConnect(startedAt);
            case IO -> state.failSocket(startedAt);
            case BUSY -> state.busy(startedAt);
            case STALE_POOLED -> {
                // the backend dropped an idle connection: nothing against it
            }
        }
    }

    /** A request completed and its connection went back to the pool (or was closed normally). */
    public void completed() {
        state.success();
        load.completed(pool.active());
    }

    // operator and heartbeat events

    /** Starts or re-enables the backend. */
    public void start() {
        state.start();
    }

    /** Stops the backend (standby) and closes its idle connections. */
    public void stop() {
        state.stop();
        pool.closeIdle();
    }

    /** Drains the backend: it keeps serving its sessions and takes no new traffic. */
    public void drain() {
        state.drain();
    }

    /** The backend was seen alive by other means. */
    public void wake() {
        state.wake();
    }

    /** The backend was seen to go down by other means; its idle connections are closed. */
    public void toFail() {
        state.toFail();
        pool.closeIdle();
    }

    /** Removes the backend for good and closes its idle connections. */
    public void close() {
        state.close();
        pool.closeIdle();
    }

    /** The server as configured, e.g. {@code <server id="b" address="10.0.0.2" port="6800"/>}. */
    @Override
    public String toString() {
        return config.toString();
    }
}

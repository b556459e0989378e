package dev.turnpike.balance;

import dev.turnpike.rules.BackendConfig;
import java.time.InstantSource;
import java.util.logging.Logger;
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
 * {@link #failed(FailureKind, long)} and {@link #completed()}, and what each attempt cost to its
 * {@link BackendMeter}. An operator acts through {@link #start()}, {@link #stop()},
 * {@link #drain()} and {@link #weight(int)}; {@link #takeOver(Backend)} carries those acts to the
 * backend that replaces this one when a reload changes the server's settings.
 */
public final class Backend {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.balance");

    private final BackendConfig config;
    private final BackendState state;
    private final LoadMeter load;
    private final BackendMeter meter;
    private final AtomicInteger allocated = new AtomicInteger();
    private volatile BackendPool pool = BackendPool.EMPTY;
    private volatile int weight;
    private volatile boolean weightSet;

    /** A backend in state {@link Lifecycle#NEW}, with no pool attached and a new meter. */
    public Backend(BackendConfig config, InstantSource clock) {
        this(config, clock, new BackendMeter());
    }

    /**
     * A backend in state {@link Lifecycle#NEW}, with no pool attached, counting into {@code meter}
     * (the meter of the backend it replaces, to keep the server's counts).
     */
    public Backend(BackendConfig config, InstantSource clock, BackendMeter meter) {
        this.config = Objects.requireNonNull(config, "config");
        this.state = new BackendState(config, clock);
        this.load = new LoadMeter(clock);
        this.meter = Objects.requireNonNull(meter, "meter");
        this.weight = config.weight();
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

    /** What the backend has served, for the metrics. */
    public BackendMeter meter() {
        return meter;
    }

    public BackendPool pool() {
        return pool;
    }

    /** Attaches the connection pool whose counts the gates and costs read. */
    public void attach(BackendPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /**
     * The weight least-connection divides the cost by: the configured {@code load-balance-weight}
     * until an operator sets another ({@link #weight(int)}); always 1 for a backup.
     */
    public int weight() {
        return weight;
    }

    /**
     * Sets the weight for new selections, in place of the configured one.
     *
     * @throws IllegalArgumentException if negative, or if this is a backup server, whose weight is 1
     */
    public void weight(int weight) {
        if (weight < 0) {
            throw new IllegalArgumentException("weight of server '" + config.id() + "': " + weight
                    + " (expected: 0 or more)");
        }
        if (config.backup()) {
            throw new IllegalArgumentException("TPB0011 weight of server '" + config.id() + "': " + weight
                    + " (expected: none, a backup server's weight is always " + BackendConfig.BACKUP_WEIGHT + ")");
        }
        this.weight = weight;
        this.weightSet = true;
    }

    /** Whether an operator set the weight ({@link #weight(int)}) rather than the configuration. */
    public boolean weightSet() {
        return weightSet;
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

    /**
     * Carries what an operator did to {@code previous}, the backend this one replaces after a
     * reload changed the server's settings: a stop or a drain, and a weight set by hand unless the
     * reload changed the configured weight. Call once this backend is {@linkplain #start() started}.
     */
    public void takeOver(Backend previous) {
        Lifecycle was = previous.state().lifecycle();
        if (was == Lifecycle.STANDBY) {
            stop();
        } else if (was == Lifecycle.SESSION_ONLY) {
            drain();
        }
        if (previous.weightSet() && previous.config().weight() == config.weight() && !config.backup()) {
            weight(previous.weight());
        }
        LOG.fine(() -> this + " takes over from " + previous + ": " + state + ", weight " + weight);
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

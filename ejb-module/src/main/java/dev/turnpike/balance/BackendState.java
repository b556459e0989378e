package dev.turnpike.balance;

import dev.turnpike.rules.BackendConfig;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The health of one backend as the web tier sees it (resin-spec 2.5): its {@link Lifecycle}, its
 * failure and busy windows and its slow start. Every answer depends only on the events reported
 * and the injected clock, in milliseconds.
 *
 * <h2>Failures</h2>
 * A failed connect ({@link #failConnect}) or read/write ({@link #failSocket}), dated by when the
 * attempt started, counts only if it is newer than the last failure. It then moves the backend to
 * {@link Lifecycle#FAIL}, cancels its warm-up, and doubles the <em>recover window</em> (1 s
 * after a success, so 2 s, 4 s, 8 s... up to {@code load-balance-recover-time}). The
 * consecutive-failure count, which slows the next warm-up, grows at most once per 100 ms of
 * failures. The backend is {@linkplain #isFailed() failed} while the window lasts, unless the
 * failure was a read/write and a request has succeeded since.
 *
 * <p>A 503 ({@link #busy}) moves it to {@link Lifecycle#BUSY}, keeps it {@linkplain #isBusy() busy}
 * for {@code load-balance-busy-recover-time} and adds one to the failure count (two when the last
 * failure is 100 ms old or more). A {@link #success()} clears the count and resets the window.
 *
 * <h2>Warm-up</h2>
 * From the first success, the warm-up time is cut into 16 chunks; in chunk {@code w} (less the
 * failure count) the backend may hold at most {@code MAX[w]} connections:
 * <pre>
 *   w       0  1  2  3  4  5  6  7  8  9  10 11 12  13  14  15   16+
 *   MAX[w]  1  1  1  1  2  2  2  2  4  4  8  8  16  32  64  128  any
 * </pre>
 * When the failure count makes {@code w} negative, no new connection is allowed until
 * {@code |w|} chunks of the recover time ({@code load-balance-recover-time / 16}) have passed since
 * the last failure. After 16 chunks the backend is promoted to {@link Lifecycle#ACTIVE}; the
 * promotion is applied whenever the state is read.
 *
 * <p>Thread-safe: every method holds the object's lock for a few field reads and writes.
 */
public final class BackendState {

    /** Chunks in the warm-up and in the recover time. */
    static final int WARMUP_CHUNKS = 16;

    /** Connections allowed in each warm-up chunk. */
    static final int[] WARMUP_MAX = {1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 8, 8, 16, 32, 64, 128};

    /** The recover window after a success, in ms; each failure doubles it. */
    static final long INITIAL_RECOVER_WINDOW = 1000;

    /** Failures closer together than this many ms add one to the failure count only once. */
    static final long DEGRADE_INTERVAL = 100;

    /** A time that has not happened. */
    private static final long NEVER = Long.MIN_VALUE;

    private final InstantSource clock;
    private final long recoverTime;
    private final long busyRecoverTime;
    private final long warmupTime;
    private final long warmupChunk;
    private final long failChunk;

    private Lifecycle lifecycle = Lifecycle.NEW;
    private long failTime = NEVER;
    private long lastFailConnectTime = NEVER;
    private long lastSuccessTime = NEVER;
    private long lastBusyTime = NEVER;
    private long firstSuccessTime = NEVER;
    private long recoverWindow = INITIAL_RECOVER_WINDOW;
    private int failCount;

    /**
     * A backend in state {@link Lifecycle#NEW}.
     *
     * @param config the recover, busy-recover and warm-up times
     * @param clock  the time source
     */
    public BackendState(BackendConfig config, InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recoverTime = config.recoverTime().toMillis();
        this.busyRecoverTime = config.busyRecoverTime().toMillis();
        this.warmupTime = config.warmupTime().toMillis();
        this.warmupChunk = Math.max(1, warmupTime / WARMUP_CHUNKS);
        this.failChunk = Math.max(1, recoverTime / WARMUP_CHUNKS);
    }

    /** The state now, with a finished warm-up promoted to {@link Lifecycle#ACTIVE}. */
    public synchronized Lifecycle lifecycle() {
        return current(clock.millis());
    }

    // operator and heartbeat events

    /** Starts or re-enables the backend: to STARTING, except that WARMUP, ACTIVE and CLOSED stay. */
    public synchronized void start() {
        lifecycle = lifecycle.toStart();
    }

    /** Stops the backend (standby): no traffic, and the warm-up starts over after {@link #start()}. */
    public synchronized void stop() {
        lifecycle = lifecycle.toStandby();
        firstSuccessTime = NEVER;
    }

    /** Drains the backend: sticky traffic only. */
    public synchronized void drain() {
        lifecycle = lifecycle.toSessionOnly();
    }

    /** Removes the backend for good. */
    public synchronized void close() {
        lifecycle = Lifecycle.CLOSED;
    }

    /** The backend was seen alive by other means: a failed backend starts again, its failure forgotten. */
    public synchronized void wake() {
        lifecycle = lifecycle.toWake();
        failTime = NEVER;
    }

    /** The backend was seen to go down by other means: failed now, without touching the recover window. */
    public synchronized void toFail() {
        failTime = clock.millis();
        firstSuccessTime = NEVER;
        lifecycle = lifecycle.toFail();
    }

    // connection events

    /** A new connection to the backend was opened: a first one starts the warm-up. */
    public synchronized void connected() {
        if (firstSuccessTime == NEVER && lifecycle.isStarting()) {
            lifecycle = lifecycle.toConnected(warmupTime > 0);
            firstSuccessTime = clock.millis();
        }
    }

    /** Opening a connection that started at {@code startedAt} failed. */
    public synchronized void failConnect(long startedAt) {
        if (fail(startedAt)) {
            lastFailConnectTime = startedAt;
        }
    }

    /** Reading from or writing to a connection failed, in an attempt that started at {@code startedAt}. */
    public synchronized void failSocket(long startedAt) {
        fail(startedAt);
    }

    /** The backend answered 503 at {@code time}. */
    public synchronized void busy(long time) {
        degrade(time);
        failCount++;
        lastBusyTime = time;
        firstSuccessTime = NEVER;
        lifecycle = lifecycle.toBusy();
    }

    /** A request completed and its connection went back to the pool. */
    public synchronized void success() {
        long now = clock.millis();
        failCount = 0;
        if (firstSuccessTime == NEVER) {
            firstSuccessTime = now;
        }
        lastSuccessTime = now;
        recoverWindow = INITIAL_RECOVER_WINDOW;
        current(now);
    }

    // predicates

    /**
     * Whether the backend is inside its recover window after a connect failure, or after a
     * read/write failure not followed by a success.
     */
    public synchronized boolean isFailed() {
        return failed(clock.millis());
    }

    /** Whether a 503 was answered less than {@code load-balance-busy-recover-time} ago. */
    public synchronized boolean isBusy() {
        return lastBusyTime != NEVER && clock.millis() < lastBusyTime + busyRecoverTime;
    }

    /**
     * Whether the warm-up allows one more connection (resin-spec 2.5, {@code canOpenWarm}).
     *
     * @param connections the backend's connections now: active, being opened and idle
     */
    public synchronized boolean mayOpenWarm(int connections) {
        long now = clock.millis();
        Lifecycle state = current(now);
        if (state == Lifecycle.ACTIVE) {
            return true;
        }
        if (!state.takesTraffic() || failed(now)) {
            return false;
        }
        int chunk = warmupChunk(now) - failCount;
        if (chunk < 0) {
            return now > failTime - chunk * failChunk;
        }
        return chunk >= WARMUP_CHUNKS || connections < WARMUP_MAX[chunk];
    }

    /** The consecutive-failure count that holds back the warm-up. */
    public synchronized int failCount() {
        return failCount;
    }

    /** How long, in ms, the last failure keeps the backend out (1 s after a success, doubling). */
    public synchronized long recoverWindow() {
        return recoverWindow;
    }

    /** When the backend last failed, in the clock's milliseconds, or -1 if it never did. */
    public synchronized long lastFailure() {
        return failTime == NEVER ? -1 : failTime;
    }

    /** How many more milliseconds the last failure keeps the backend out; 0 when it does not. */
    public synchronized long recoverTimeLeft() {
        long now = clock.millis();
        return failed(now) ? failTime + recoverWindow - now : 0;
    }

    @Override
    public synchronized String toString() {
        return lifecycle.name() + (failCount > 0 ? " failures=" + failCount : "");
    }

    private boolean fail(long startedAt) {
        if (failTime != NEVER && failTime >= startedAt) {
            return false;
        }
        degrade(startedAt);
        firstSuccessTime = NEVER;
        failTime = startedAt;
        recoverWindow = Math.min(2 * recoverWindow, recoverTime);
        lifecycle = lifecycle.toFail();
        return true;
    }

    private void degrade(long time) {
        if (failTime == NEVER || time - failTime >= DEGRADE_INTERVAL) {
            failCount++;
        }
    }

    private boolean failed(long now) {
        if (failTime == NEVER || now > failTime + recoverWindow) {
            return false;
        }
        return failTime <= lastFailConnectTime || lastSuccessTime <= failTime;
    }

    private int warmupChunk(long now) {
        if (firstSuccessTime == NEVER) {
            return 0;
        }
        return (int) Math.max(0, Math.min(WARMUP_CHUNKS, (now - firstSuccessTime) / warmupChunk));
    }

    private Lifecycle current(long now) {
        if (lifecycle.takesTraffic() && firstSuccessTime != NEVER) {
            recoverWindow = INITIAL_RECOVER_WINDOW;
            if (warmupChunk(now) >= WARMUP_CHUNKS) {
                lifecycle = lifecycle.toActive();
            }
        }
        return lifecycle;
    }
}

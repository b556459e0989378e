package dev.turnpike.balance;

import java.time.InstantSource;
import java.util.Objects;

/**
 * The two load signals least-connection adds to a backend's connection count (resin-spec 2.4,
 * 2.9): its latency factor and the CPU load it reports.
 *
 * <ul>
 *   <li>Latency factor: at each completed request while other requests are still active, the
 *       time since the previous completion is folded in as {@code 0.95 * old + 0.05 * gap}. It is
 *       read back scaled down linearly to 0 over the 60 s after the last completion.</li>
 *   <li>CPU load: the backend's last reported load average, as reported for 10 s, then scaled by
 *       {@code 10 s / age}.</li>
 * </ul>
 * Thread-safe.
 */
public final class LoadMeter {

    /** How long, in ms, the latency factor takes to decay to 0 after the last completion. */
    static final long LATENCY_DECAY = 60_000;

    /** How long, in ms, a CPU load report is used as it is. */
    static final long CPU_FRESH = 10_000;

    private static final long NEVER = Long.MIN_VALUE;

    private final InstantSource clock;

    private double latencyFactor;
    private long previousCompletion = NEVER;
    private long lastCompletion = NEVER;
    private double cpuLoad;
    private long cpuReported = NEVER;

    public LoadMeter(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A request completed.
     *
     * @param stillActive the backend's active connections after this one went back to the pool
     */
    public synchronized void completed(int stillActive) {
        long now = clock.millis();
        if (previousCompletion != NEVER) {
            latencyFactor = 0.95 * latencyFactor + 0.05 * (now - previousCompletion);
        }
        previousCompletion = stillActive > 0 ? now : NEVER;
        lastCompletion = now;
    }

    /** The latency factor now. */
    public synchronized double latencyFactor() {
        if (lastCompletion == NEVER) {
            return 0;
        }
        long left = LATENCY_DECAY - (clock.millis() - lastCompletion);
        return left <= 0 ? 0 : latencyFactor * left / LATENCY_DECAY;
    }

    /** The backend reported its load average (the HMUX {@code cpu-load} meta header divided by 1000). */
    public synchronized void reportCpuLoad(double load) {
        cpuLoad = load;
        cpuReported = clock.millis();
    }

    /** The reported CPU load now, 0 if none was reported. */
    public synchronized double cpuLoad() {
        if (cpuReported == NEVER) {
            return 0;
        }
        long age = clock.millis() - cpuReported;
        return age < CPU_FRESH ? cpuLoad : cpuLoad * CPU_FRESH / age;
    }
}

package dev.turnpike.balance;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a backend has served, for the metrics: every attempt sent to it with its duration
 * ({@link LatencyHistogram}), and the failed ones by {@link FailureKind}. Recorded by the
 * forwarder, the one place where HMUX, HTTP and FastCGI exchanges end; lock-free.
 *
 * <p>A meter outlives its {@link Backend} when a reload replaces the backend with one for the same
 * server ({@link Backend#Backend(dev.turnpike.rules.BackendConfig, java.time.InstantSource, BackendMeter)}),
 * so the counts only ever grow while the server stays configured.
 */
public final class BackendMeter {

    private final LatencyHistogram latency = new LatencyHistogram();
    private final LongAdder[] failures = new LongAdder[FailureKind.values().length];

    public BackendMeter() {
        for (int i = 0; i < failures.length; i++) {
            failures[i] = new LongAdder();
        }
    }

    /** An attempt ended with a relayed response, or the browser went away during it. */
    public void served(long nanos) {
        latency.record(nanos);
    }

    /** An attempt failed. */
    public void failed(FailureKind kind, long nanos) {
        latency.record(nanos);
        failures[kind.ordinal()].increment();
    }

    /** The latency histogram; its count is the number of attempts. */
    public LatencyHistogram.Snapshot latency() {
        return latency.snapshot();
    }

    /** Failed attempts of one kind so far. */
    public long failures(FailureKind kind) {
        return failures[kind.ordinal()].sum();
    }

    /** Failed attempts of every kind so far. */
    public long failures() {
        long total = 0;
        for (LongAdder adder : failures) {
            total += adder.sum();
        }
        return total;
    }

    /**
     * Failed attempts by kind, every kind present. Read before {@link #latency()}, it never counts
     * more failures than the histogram counts attempts, since a failure is counted after its
     * duration.
     */
    public Map<FailureKind, Long> failuresByKind() {
        Map<FailureKind, Long> byKind = new EnumMap<>(FailureKind.class);
        for (FailureKind kind : FailureKind.values()) {
            byKind.put(kind, failures(kind));
        }
        return byKind;
    }
}

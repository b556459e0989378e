package dev.turnpike.balance;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free histogram of exchange durations with fixed buckets suited to proxying, in seconds:
 * <pre>
 *   le   0.005  0.01  0.025  0.05  0.1  0.25  0.5  1  2.5  5  10  +Inf
 * </pre>
 * A duration falls in the first bucket whose bound it does not exceed ({@code le}: "less than or
 * equal"), so exactly 5 ms counts in {@code 0.005}. Each recording adds one to one slot of an
 * {@link AtomicLongArray} and the nanoseconds to a {@link LongAdder}; a {@link #snapshot()} adds
 * the slots up into the cumulative counts Prometheus wants, its count being the last of them.
 * A snapshot taken while recordings run may see a duration in the sum and not yet in the counts,
 * or the reverse; each count is exact once recordings stop.
 */
public final class LatencyHistogram {

    /** The finite bucket bounds, in seconds, ascending. */
    public static final double[] BOUNDS_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private static final long[] BOUNDS_NANOS = Arrays.stream(BOUNDS_SECONDS)
            .mapToLong(seconds -> Math.round(seconds * TimeUnit.SECONDS.toNanos(1))).toArray();

    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS_NANOS.length + 1);
    private final LongAdder sumNanos = new LongAdder();

    /**
     * The counts so far.
     *
     * @param cumulative for each bound of {@link #BOUNDS_SECONDS}, then for +Inf, the durations at
     *                   most that long
     * @param sumNanos   all durations added up, in nanoseconds
     */
    public record Snapshot(long[] cumulative, long sumNanos) {

        /** Durations recorded: the +Inf bucket. */
        public long count() {
            return cumulative[cumulative.length - 1];
        }

        /** {@link #sumNanos} in seconds. */
        public double sumSeconds() {
            return sumNanos / 1e9;
        }
    }

    /** Records one duration; a negative one (a clock step) counts as 0. */
    public void record(long nanos) {
        long duration = Math.max(0, nanos);
        buckets.incrementAndGet(bucket(duration));
        sumNanos.add(duration);
    }

    /** The bucket of a duration: the first whose bound it does not exceed, else the last (+Inf). */
    static int bucket(long nanos) {
        int index = Arrays.binarySearch(BOUNDS_NANOS, nanos);
        return index >= 0 ? index : -index - 1;
    }

    /** The cumulative counts and the sum now. */
    public Snapshot snapshot() {
        long[] cumulative = new long[buckets.length()];
        long running = 0;
        for (int i = 0; i < cumulative.length; i++) {
            running += buckets.get(i);
            cumulative[i] = running;
        }
        return new Snapshot(cumulative, sumNanos.sum());
    }
}

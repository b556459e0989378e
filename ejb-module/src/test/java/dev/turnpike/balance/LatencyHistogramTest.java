package dev.turnpike.balance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The latency histogram's buckets, cumulative counts and sum, and the meter around it. */
class LatencyHistogramTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    static Stream<Arguments> buckets() {
        return Stream.of(
                // a bound belongs to its own bucket ("le"): a wrong result is the next bucket
                Arguments.of(0L, 0),
                Arguments.of(5 * MS, 0),
                Arguments.of(5 * MS + 1, 1),
                Arguments.of(10 * MS, 1),
                Arguments.of(25 * MS, 2),
                Arguments.of(50 * MS, 3),
                Arguments.of(99 * MS, 4),
                Arguments.of(250 * MS, 5),
                Arguments.of(500 * MS, 6),
                Arguments.of(1000 * MS, 7),
                Arguments.of(2500 * MS, 8),
                Arguments.of(5000 * MS, 9),
                Arguments.of(10_000 * MS, 10),
                // beyond the last bound: +Inf
                Arguments.of(10_000 * MS + 1, 11),
                Arguments.of(Long.MAX_VALUE, 11));
    }

    @ParameterizedTest
    @MethodSource
    void buckets(long nanos, int bucket) {
        assertEquals(bucket, LatencyHistogram.bucket(nanos));
    }

    @Test
    void countsAreCumulativeAndEndWithTheTotal() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(3 * MS);
        histogram.record(5 * MS);
        histogram.record(7 * MS);
        histogram.record(300 * MS);
        histogram.record(12_000 * MS);
        LatencyHistogram.Snapshot snapshot = histogram.snapshot();
        //                        .005 .01 .025 .05 .1 .25 .5 1  2.5 5  10 +Inf
        assertArrayEquals(new long[] {2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5}, snapshot.cumulative());
        assertEquals(5, snapshot.count());
        assertEquals((3 + 5 + 7 + 300 + 12_000) * MS, snapshot.sumNanos());
        assertEquals(12.315, snapshot.sumSeconds(), 1e-9);
    }

    @Test
    void aNegativeDurationCountsAsZero() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-5);
        assertEquals(1, histogram.snapshot().cumulative()[0]);
        assertEquals(0, histogram.snapshot().sumNanos());
    }

    @Test
    void anEmptyHistogramCountsNothing() {
        LatencyHistogram.Snapshot snapshot = new LatencyHistogram().snapshot();
        assertEquals(LatencyHistogram.BOUNDS_SECONDS.length + 1, snapshot.cumulative().length);
        assertEquals(0, snapshot.count());
        assertEquals(0, snapshot.sumNanos());
    }

    @Test
    void theMeterCountsEveryAttemptAndTheFailedOnesByKind() {
        BackendMeter meter = new BackendMeter();
        meter.served(2 * MS);
        meter.failed(FailureKind.CONNECT, MS);
        meter.failed(FailureKind.CONNECT, MS);
        meter.failed(FailureKind.BUSY, 40 * MS);
        assertEquals(4, meter.latency().count());
        assertEquals(3, meter.failures());
        assertEquals(Map.of(FailureKind.CONNECT, 2L, FailureKind.STALE_POOLED, 0L, FailureKind.IO, 0L,
                FailureKind.BUSY, 1L), meter.failuresByKind());
    }

    @Test
    void recordingFromManyThreadsLosesNothing() throws InterruptedException {
        LatencyHistogram histogram = new LatencyHistogram();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    histogram.record(i % 2 == 0 ? MS : 20 * MS);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        LatencyHistogram.Snapshot snapshot = histogram.snapshot();
        assertEquals(40_000, snapshot.count());
        assertEquals(20_000, snapshot.cumulative()[0]);
        assertEquals(20_000 * MS + 20_000 * 20 * MS, snapshot.sumNanos());
    }
}

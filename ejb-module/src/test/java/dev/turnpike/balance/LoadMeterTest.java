package dev.turnpike.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The latency factor and the CPU load least-connection reads, over time. */
class LoadMeterTest {

    private final ManualClock clock = new ManualClock(5_000_000);
    private final LoadMeter meter = new LoadMeter(clock);

    @Test
    void nothingMeasuredIsZero() {
        assertEquals(0, meter.latencyFactor());
        assertEquals(0, meter.cpuLoad());
    }

    @Test
    void latencyIsSmoothedOnlyWhileOtherRequestsAreActive() {
        // a completion with nothing else active starts no measure
        meter.completed(0);
        clock.advance(200);
        meter.completed(1);
        assertEquals(0, meter.latencyFactor());
        // 400 ms after a completion that left requests active: 0.05 * 400
        clock.advance(400);
        meter.completed(1);
        assertEquals(20, meter.latencyFactor(), 1e-9);
        clock.advance(100);
        meter.completed(0);
        assertEquals(0.95 * 20 + 0.05 * 100, meter.latencyFactor(), 1e-9);
        // the last completion left nothing active: the next one starts no measure
        clock.advance(1000);
        meter.completed(3);
        assertEquals(0.95 * 20 + 0.05 * 100, meter.latencyFactor(), 1e-9);
    }

    @Test
    void latencyDecaysToZeroOverAMinute() {
        meter.completed(1);
        clock.advance(400);
        meter.completed(1);
        clock.advance(15_000);
        assertEquals(20 * 0.75, meter.latencyFactor(), 1e-9);
        clock.advance(45_000);
        assertEquals(0, meter.latencyFactor());
    }

    @Test
    void cpuLoadIsUsedForTenSecondsThenFades() {
        meter.reportCpuLoad(2.5);
        clock.advance(9_999);
        assertEquals(2.5, meter.cpuLoad());
        clock.advance(10_001);
        assertEquals(1.25, meter.cpuLoad(), 1e-9);
    }
}

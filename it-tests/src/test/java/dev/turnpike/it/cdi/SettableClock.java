package dev.turnpike.it.cdi;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock the samples get in the integration tests: an alternative to their system clock,
 * showing the instant {@link ClockServlet} last set (in UTC).
 */
@Alternative
@Priority(100)
@Dependent
public class SettableClock extends Clock {

    private static volatile Instant now = Instant.parse("2030-01-07T10:00:00Z");

    public static void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}

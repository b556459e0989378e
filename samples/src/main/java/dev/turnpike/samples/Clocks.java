package dev.turnpike.samples;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock the samples inject: the system's. An application may replace it with an alternative. */
@Dependent
public class Clocks {

    @Produces
    @Dependent
    Clock systemClock() {
        return Clock.systemDefaultZone();
    }
}

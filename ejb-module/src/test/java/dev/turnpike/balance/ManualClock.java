package dev.turnpike.balance;

import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test moves it, in milliseconds. */
final class ManualClock implements InstantSource {

    private long millis;

    ManualClock(long millis) {
        this.millis = millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
        return millis;
    }

    void advance(long delta) {
        millis += delta;
    }

    void set(long value) {
        millis = value;
    }
}

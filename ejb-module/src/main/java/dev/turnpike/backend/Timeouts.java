package dev.turnpike.backend;

import java.time.Duration;
import java.util.Objects;

/** How connector settings check and show their timeouts. */
public final class Timeouts {

    private Timeouts() {
    }

    /**
     * Checks that a timeout is a whole number of milliseconds a socket accepts.
     *
     * @param min the smallest value allowed, in milliseconds
     * @throws IllegalArgumentException naming the setting, the value and the range
     */
    public static void checkMillis(String name, Duration value, long min) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0 || value.toMillis() < min) {
            throw new IllegalArgumentException(name + ": " + text(value) + " (expected: " + min + "ms-"
                    + Integer.MAX_VALUE + "ms)");
        }
    }

    /** A duration in Resin's period syntax: whole seconds as {@code 5s}, anything else in {@code ms}. */
    public static String text(Duration value) {
        if (!value.isNegative() && value.toMillis() % 1000 == 0 && value.toNanos() % 1_000_000 == 0) {
            return value.toSeconds() + "s";
        }
        return value.toMillis() + "ms";
    }
}

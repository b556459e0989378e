package dev.turnpike.config;

import java.time.Duration;

/**
 * Resin's period syntax: a non-negative whole number followed by a unit, {@code ms}, {@code s},
 * {@code m}, {@code h} or {@code D}; a number alone is milliseconds.
 */
public final class Period {

    private Period() {
    }

    /**
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip();
        int digits = 0;
        while (digits < value.length() && Character.isDigit(value.charAt(digits)) && digits < 12) {
            digits++;
        }
        if (digits == 0 || (digits < value.length() && Character.isDigit(value.charAt(digits)))) {
            throw invalid(text);
        }
        long amount = Long.parseLong(value.substring(0, digits));
        switch (value.substring(digits)) {
            case "", "ms" -> {
                return Duration.ofMillis(amount);
            }
            case "s" -> {
                return Duration.ofSeconds(amount);
            }
            case "m" -> {
                return Duration.ofMinutes(amount);
            }
            case "h" -> {
                return Duration.ofHours(amount);
            }
            case "D" -> {
                return Duration.ofDays(amount);
            }
            default -> throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid period \"" + text
                + "\" (expected a whole number followed by ms, s, m, h or D, e.g. 2s)");
    }
}

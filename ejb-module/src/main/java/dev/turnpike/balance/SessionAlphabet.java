package dev.turnpike.balance;

/**
 * The 64-character alphabet in which Resin writes numbers into session ids, six bits per
 * character (resin-spec 2.1):
 * <pre>
 *   value   0 ..25   26..51   52..61   62   63
 *   char    a ..z    A ..Z    0 ..9    _    -
 * </pre>
 * A Resin 4 id starts with its owner's server code, e.g. {@code baa...} for the second server of
 * the first pod; a Resin 3 id starts with the owner's index, one character for up to 64 servers
 * and two (high six bits, then low six bits) beyond.
 */
public final class SessionAlphabet {

    /** What {@link #decode(char)} answers for a character outside the alphabet. */
    public static final int NOT_IN_ALPHABET = -1;

    private static final String CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, NOT_IN_ALPHABET);
        for (int value = 0; value < CHARS.length(); value++) {
            VALUES[CHARS.charAt(value)] = value;
        }
    }

    private SessionAlphabet() {
    }

    /**
     * The character for a six-bit value.
     *
     * @throws IllegalArgumentException if the value is outside 0-63
     */
    public static char encode(int value) {
        if (value < 0 || value > 63) {
            throw new IllegalArgumentException("session alphabet value: " + value + " (expected: 0-63)");
        }
        return CHARS.charAt(value);
    }

    /**
     * The six-bit value of a character, or {@link #NOT_IN_ALPHABET}. (Resin's Java code reads
     * such a character as 0 and its C plugins as -1; Turnpike keeps the difference visible.)
     */
    public static int decode(char c) {
        return c < VALUES.length ? VALUES[c] : NOT_IN_ALPHABET;
    }
}

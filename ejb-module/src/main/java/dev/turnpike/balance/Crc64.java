package dev.turnpike.balance;

/**
 * The 64-bit CRC Resin's load balancer hashes session ids with, to pick the servers that adopt a
 * session whose owner is unavailable (resin-spec 2.3).
 *
 * <p>It is the reflected CRC of polynomial {@code 0xd800000000000000}, table-driven and starting
 * from 0:
 * <pre>
 *   crc = (crc >>> 8) ^ T[(crc ^ byte) &amp; 0xff]
 * </pre>
 * A {@code char} above {@code 0xff} contributes two bytes, its high byte first; any other
 * contributes one.
 */
public final class Crc64 {

    private static final long POLYNOMIAL = 0xd800000000000000L;

    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long v = i;
            for (int bit = 0; bit < 8; bit++) {
                v = (v & 1) != 0 ? (v >>> 1) ^ POLYNOMIAL : v >>> 1;
            }
            TABLE[i] = v;
        }
    }

    private Crc64() {
    }

    /** The CRC of a text, from 0. */
    public static long of(CharSequence text) {
        long crc = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xff) {
                crc = next(crc, c >> 8);
            }
            crc = next(crc, c);
        }
        return crc;
    }

    /** The CRC after one more byte (the low eight bits of {@code b}). */
    public static long next(long crc, int b) {
        return (crc >>> 8) ^ TABLE[((int) crc ^ b) & 0xff];
    }
}

package dev.turnpike.balance;

import java.util.Objects;

/**
 * What a request says about the backend it belongs to: the text it is known by (a session id or
 * a route cookie's value) and, when that text names one, the owner's position in the cluster.
 *
 * <p>When the owner cannot take the request, Resin's load balancer moves the session to a
 * server chosen from the key alone, so every web tier node moves it to the same place
 * (resin-spec 2.3): {@link #fallbackIndexes(int)}.
 *
 * @param key   the text the request carries, never empty
 * @param owner the position of the owning backend in the cluster's list, or {@link #NO_OWNER}
 */
public record StickyKey(String key, int owner) {

    /** The owner of a key that names no backend of the cluster. */
    public static final int NO_OWNER = -1;

    /** How many servers the fallback tries. */
    public static final int FALLBACK_ATTEMPTS = 3;

    public StickyKey {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("sticky key: \"\" (expected: a non-empty text)");
        }
        if (owner < NO_OWNER) {
            throw new IllegalArgumentException("sticky owner: " + owner + " (expected: a position or -1)");
        }
    }

    /**
     * The positions, out of {@code size} backends, that adopt this key's session in turn when its
     * owner cannot take it. Worked through for a key whose hash is {@code h}:
     * <pre>
     *   h = CRC64(key); h = h ^ reverse_bits(h)
     *   attempt 1: |h| mod size
     *   attempt 2: |h &gt;&gt; 6| mod size      (arithmetic shift of h, not of |h|)
     *   attempt 3: |h &gt;&gt; 12| mod size
     * </pre>
     * The positions may repeat, and one may be the owner's.
     *
     * <p><b>Quirk</b>, kept so that Turnpike and Resin web tiers move a session to the same
     * server: {@code h ^ reverse_bits(h)} is a bit palindrome, and every 64-bit palindrome is a
     * multiple of 3, so the first attempt modulo 3 (or 6) gives 0, or 1 when the sign bit is set.
     * In a cluster of three, the first attempt never picks the third server.
     *
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public int[] fallbackIndexes(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("cluster size: " + size + " (expected: at least 1)");
        }
        long hash = Crc64.of(key);
        hash ^= Long.reverse(hash);
        int[] indexes = new int[FALLBACK_ATTEMPTS];
        for (int attempt = 0; attempt < FALLBACK_ATTEMPTS; attempt++) {
            indexes[attempt] = index(hash, size);
            hash >>= 6;
        }
        return indexes;
    }

    /** {@code |hash| mod size}; for {@code Long.MIN_VALUE}, whose magnitude a long cannot hold, the floor modulus. */
    private static int index(long hash, int size) {
        long magnitude = hash < 0 ? -hash : hash;
        return (int) Math.floorMod(magnitude, (long) size);
    }
}

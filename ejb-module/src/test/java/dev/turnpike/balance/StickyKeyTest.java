package dev.turnpike.balance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hash fallback: which servers adopt a session whose owner is unavailable. */
class StickyKeyTest {

    /** The fallback written out step by step from resin-spec 2.3. */
    private static int[] spelledOut(String key, int size) {
        long h = Crc64.of(key);
        h = h ^ Long.reverse(h);
        int[] indexes = new int[3];
        for (int i = 0; i < 3; i++) {
            indexes[i] = (int) (Math.abs(h) % size);
            h = h >> 6;
        }
        return indexes;
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("baaQ8wjm3tGFxKPsNy1Wr", 3),
                Arguments.of("baaQ8wjm3tGFxKPsNy1Wr", 4),
                Arguments.of("aaaZZZZZZZZZZZZZZZZZZ", 7),
                Arguments.of("ABC123.node-2", 2),
                Arguments.of("web-b", 64),
                Arguments.of("x", 1));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void fallbackFollowsTheSpecStepByStep(String key, int size) {
        assertArrayEquals(spelledOut(key, size), new StickyKey(key, StickyKey.NO_OWNER).fallbackIndexes(size));
    }

    /** Counts, per attempt and position, where 30 000 random 21-character Resin ids fall back among {@code size}. */
    private static int[][] spread(int size) {
        java.util.Random random = new java.util.Random(21);
        int[][] counts = new int[3][size];
        for (int i = 0; i < 30_000; i++) {
            StringBuilder id = new StringBuilder();
            for (int c = 0; c < 21; c++) {
                id.append(SessionAlphabet.encode(random.nextInt(64)));
            }
            int[] indexes = new StickyKey(id.toString(), 0).fallbackIndexes(size);
            for (int attempt = 0; attempt < 3; attempt++) {
                counts[attempt][indexes[attempt]]++;
            }
        }
        return counts;
    }

    private static void assertEven(int[] counts, int total) {
        int expected = total / counts.length;
        for (int count : counts) {
            assertTrue(Math.abs(count - expected) < expected / 10, java.util.Arrays.toString(counts));
        }
    }

    @Test
    void fallbackIsSpreadOverFiveServers() {
        for (int[] attempt : spread(5)) {
            assertEven(attempt, 30_000);
        }
    }

    @Test
    void firstFallbackAmongThreeNeverPicksTheThird() {
        // Quirk kept from Resin: h ^ reverse(h) is a bit palindrome, and a 64-bit palindrome is a
        // multiple of 3 (bits i and 63 - i weigh 1 and 2 mod 3), so |h| mod 3 is 0, or 1 when the
        // sign bit is set; the later attempts, after the shift, are even.
        int[][] counts = spread(3);
        assertEquals(0, counts[0][2]);
        assertEven(new int[] {counts[0][0], counts[0][1]}, 30_000);
        assertEven(counts[1], 30_000);
        assertEven(counts[2], 30_000);
    }

    @Test
    void fallbackOfOneServerIsThatServer() {
        assertArrayEquals(new int[] {0, 0, 0}, new StickyKey("abc", 0).fallbackIndexes(1));
    }

    @Test
    void refusals() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StickyKey("", 0));
        assertEquals("sticky key: \"\" (expected: a non-empty text)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StickyKey("abc", -2));
        assertEquals("sticky owner: -2 (expected: a position or -1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StickyKey("abc", 0).fallbackIndexes(0));
        assertEquals("cluster size: 0 (expected: at least 1)", e.getMessage());
    }
}

package dev.turnpike.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The table-driven CRC against a bit-by-bit one written from the definition, against Resin's own
 * table construction (with its "keep bit 32" step), and against the published check value of
 * the same polynomial.
 */
class Crc64Test {

    private static final long POLYNOMIAL = 0xd800000000000000L;

    /** The reflected CRC one bit at a time, over bytes. */
    private static long bitwise(long crc, byte[] bytes) {
        for (byte b : bytes) {
            crc ^= b & 0xff;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
            }
        }
        return crc;
    }

    /** The bytes a text contributes: a char above 0xff gives its high byte, then its low byte. */
    private static byte[] bytesOf(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (char c : text.toCharArray()) {
            if (c > 0xff) {
                out.write(c >> 8);
            }
            out.write(c);
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "baaXYZ0123456789abcde", "aaaQ8wjm3tGFxKPsNy1Wr", "\u00ff\u00fe",
            "caa\u0141\u20ac\uffff", "ABC123.node-2"})
    void tableMatchesTheBitwiseDefinition(String text) {
        assertEquals(bitwise(0, bytesOf(text)), Crc64.of(text), text);
    }

    @Test
    void charAboveFfContributesItsHighByteFirst() {
        // U+0141 is bytes 0x01 0x41; 'A' alone is 0x41
        assertEquals(Crc64.next(Crc64.next(0, 0x01), 0x41), Crc64.of("\u0141"));
        assertEquals(Crc64.next(0, 0x41), Crc64.of("A"));
    }

    @Test
    void resinsTableConstructionGivesTheSameTable() {
        for (int i = 0; i < 256; i++) {
            long v = i;
            for (int j = 0; j < 8; j++) {
                long shifted = v >>> 1;
                if ((v & 0x100000000L) != 0) {
                    shifted |= 0x100000000L;
                }
                if ((v & 1) != 0) {
                    shifted ^= POLYNOMIAL;
                }
                v = shifted;
            }
            assertEquals(v, Crc64.next(0, i), "entry " + i);
        }
    }

    @Test
    void publishedCheckValueOfThePolynomial() {
        // CRC-64/GO-ISO: this polynomial with all-ones start and final xor; check "123456789"
        long crc = -1;
        for (byte b : "123456789".getBytes(StandardCharsets.US_ASCII)) {
            crc = Crc64.next(crc, b);
        }
        assertEquals(0xb90956c775a41001L, crc ^ -1);
    }

    @Test
    void startsFromZero() {
        assertEquals(0, Crc64.of(""));
        // from 0, a zero byte leaves it 0: there is no start or final xor
        assertEquals(0, Crc64.of("\u0000\u0000"));
    }
}

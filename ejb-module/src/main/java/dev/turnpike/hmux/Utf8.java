package dev.turnpike.hmux;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for text payloads: malformed input is an error, never a replacement character,
 * so what is decoded encodes back to the same bytes. ASCII, nearly all of HMUX, takes a fast path.
 */
final class Utf8 {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** A problem in the input, described for an error message. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String detail) {
            super(detail, null, false, false);
        }
    }

    /** The text of {@code length} bytes at {@code offset}. */
    String decode(byte[] bytes, int offset, int length) throws Malformed {
        if (isAscii(bytes, offset, length)) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length);
        decoder.reset();
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position() - offset;
            StringBuilder sequence = new StringBuilder();
            for (int i = 0; i < result.length(); i++) {
                sequence.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[offset + at + i] & 0xff));
            }
            throw new Malformed("payload bytes " + sequence + " at index " + at + " are not UTF-8 (expected: UTF-8 text)");
        }
        return out.flip().toString();
    }

    /** The UTF-8 bytes of a text; an unpaired surrogate cannot be encoded and is refused. */
    static byte[] encode(String text) {
        if (isAscii(text)) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        int surrogate = unpairedSurrogate(text);
        if (surrogate >= 0) {
            throw new IllegalArgumentException(String.format(
                    "text has an unpaired surrogate U+%04X at index %d, which UTF-8 cannot encode",
                    (int) text.charAt(surrogate), surrogate));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}

package dev.turnpike.proxy.fastcgi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The name-value pairs of {@code PARAMS}, {@code GET_VALUES} and {@code GET_VALUES_RESULT}
 * content: each pair is the name's length, the value's length, the name, the value. A length
 * under 128 takes one byte; a longer one takes four, big-endian, with the top bit set (so at most
 * 2<sup>31</sup>-1). Names and values are bytes; FastCGI gives them no charset.
 *
 * <p>Decoding trusts no length: each is checked against the bytes left in the content before
 * anything is copied, so a hostile 2 GiB length costs nothing.
 */
public final class FastCgiNameValues {

    private FastCgiNameValues() {
    }

    /** Appends one pair. */
    public static void write(ByteArrayOutputStream out, byte[] name, byte[] value) {
        writeLength(out, name.length);
        writeLength(out, value.length);
        out.writeBytes(name);
        out.writeBytes(value);
    }

    /** How many bytes a pair takes. */
    public static int size(byte[] name, byte[] value) {
        return lengthSize(name.length) + lengthSize(value.length) + name.length + value.length;
    }

    /** Pairs of UTF-8 text as bytes, in the map's order. */
    public static byte[] encode(Map<String, String> pairs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pairs.forEach((name, value) -> write(out, name.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8)));
        return out.toByteArray();
    }

    /**
     * The pairs in a record's content, names and values read as ISO-8859-1 so every byte maps to
     * one char and back.
     *
     * @throws FastCgiProtocolException if a length runs past the end of the content
     */
    public static List<Map.Entry<String, String>> decode(byte[] content) throws FastCgiProtocolException {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        int[] position = {0};
        while (position[0] < content.length) {
            int pairStart = position[0];
            long nameLength = readLength(content, position, pairStart);
            long valueLength = readLength(content, position, pairStart);
            long left = content.length - position[0];
            if (nameLength + valueLength > left) {
                throw new FastCgiProtocolException(-1, "name-value pair at byte " + pairStart + ": name of "
                        + nameLength + " and value of " + valueLength + " bytes, but only " + left + " bytes left");
            }
            String name = new String(content, position[0], (int) nameLength, StandardCharsets.ISO_8859_1);
            position[0] += (int) nameLength;
            String value = new String(content, position[0], (int) valueLength, StandardCharsets.ISO_8859_1);
            position[0] += (int) valueLength;
            pairs.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        }
        return pairs;
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else {
            out.write(length >>> 24 | 0x80);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
        }
    }

    private static int lengthSize(int length) {
        return length < 0x80 ? 1 : 4;
    }

    private static long readLength(byte[] content, int[] position, int pairStart) throws FastCgiProtocolException {
        int at = position[0];
        if (at >= content.length) {
            throw new FastCgiProtocolException(-1, "name-value pair at byte " + pairStart + ": cut short in its lengths");
        }
        int first = content[at] & 0xff;
        if (first < 0x80) {
            position[0] = at + 1;
            return first;
        }
        if (at + 4 > content.length) {
            throw new FastCgiProtocolException(-1, "name-value pair at byte " + pairStart
                    + ": four-byte length cut short");
        }
        position[0] = at + 4;
        return (long) (first & 0x7f) << 24 | (content[at + 1] & 0xff) << 16 | (content[at + 2] & 0xff) << 8
                | content[at + 3] & 0xff;
    }
}

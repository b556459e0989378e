package dev.turnpike.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decoded text of a configuration file, used to point at the exact place of a tag or an
 * attribute. StAX reports only where a start tag ends; the text tells where it began and where
 * each attribute name stands.
 */
final class SourceText {

    private final String text;
    private final int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean newline = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (newline) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** The offset of a 1-based line and column, clamped to the text. */
    int offset(int line, int column) {
        if (line < 1) {
            return 0;
        }
        if (line > lineStarts.length) {
            return text.length();
        }
        return Math.min(text.length(), lineStarts[line - 1] + Math.max(column, 1) - 1);
    }

    Position position(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        int line = index >= 0 ? index : -index - 2;
        return new Position(line + 1, offset - lineStarts[line] + 1);
    }

    /**
     * The offset of the {@code <} that opens the tag ending just before {@code end}. An attribute
     * value cannot contain {@code <}, so the nearest one back is the tag's.
     */
    int tagStart(int end) {
        int start = text.lastIndexOf('<', Math.max(0, end - 1));
        return Math.max(start, 0);
    }

    /** The offset of the first character that is not XML white space, at or after {@code from}. */
    int skipSpace(int from) {
        int i = from;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The offsets of each attribute name (as written, with prefix) in the start tag that begins at
     * {@code start}. The tag is known to be well-formed: the parser has read it already.
     */
    Map<String, Integer> attributeOffsets(int start) {
        Map<String, Integer> offsets = new LinkedHashMap<>();
        int i = start + 1;
        while (i < text.length() && !isSpace(text.charAt(i)) && text.charAt(i) != '>' && text.charAt(i) != '/') {
            i++;
        }
        while (i < text.length()) {
            i = skipSpace(i);
            if (i >= text.length() || text.charAt(i) == '>' || text.charAt(i) == '/') {
                break;
            }
            int nameStart = i;
            while (i < text.length() && text.charAt(i) != '=' && !isSpace(text.charAt(i))) {
                i++;
            }
            offsets.put(text.substring(nameStart, i), nameStart);
            i = text.indexOf('=', i) + 1;
            if (i <= 0) {
                break;
            }
            i = skipSpace(i);
            if (i >= text.length()) {
                break;
            }
            char quote = text.charAt(i);
            int close = text.indexOf(quote, i + 1);
            if (close < 0) {
                break;
            }
            i = close + 1;
        }
        return offsets;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}

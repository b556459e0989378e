package dev.turnpike.rules;

import java.nio.charset.StandardCharsets;

/** Percent-encodes, as UTF-8, the characters of a text that a caller says may not stay as they are. */
public final class PercentEncoding {

    /** Decides whether the character at an index may stay as it is. */
    @FunctionalInterface
    public interface Keep {
        boolean keep(String text, int index);
    }

    private PercentEncoding() {
    }

    /**
     * The text with every character {@code keep} refuses written as UTF-8 {@code %xx} escapes (a
     * surrogate pair as one code point); the text itself when nothing needs escaping.
     *
     * @param upperCase whether the hex digits are upper case ({@code %C3}) or lower case ({@code %c3})
     */
    public static String encode(String text, Keep keep, boolean upperCase) {
        String hex = upperCase ? "0123456789ABCDEF" : "0123456789abcdef";
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            if (keep.keep(text, i)) {
                if (out != null) {
                    out.append(text.charAt(i));
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            int end = i + 1;
            if (Character.isHighSurrogate(text.charAt(i)) && end < text.length()
                    && Character.isLowSurrogate(text.charAt(end))) {
                end++;
            }
            for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(hex.charAt((b >> 4) & 0xf)).append(hex.charAt(b & 0xf));
            }
            i = end - 1;
        }
        return out == null ? text : out.toString();
    }
}

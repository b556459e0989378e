package dev.turnpike.rules;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes, as UTF-8, the characters of a text that a caller says may not stay as they
 * are, and turns a percent-encoded text back into its bytes.
 */
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

    /**
     * The bytes a percent-encoded text stands for: each {@code %xx} (two ASCII hex digits) is its
     * byte, every other character its UTF-8 bytes; an escape that is not two hex digits stays as
     * written. Callers choose how to read the bytes (strict UTF-8, or with a fallback).
     */
    public static byte[] decodeToBytes(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 3;
            } else if (c < 0x80) {
                bytes.write(c);
                i++;
            } else {
                int end = i + Character.charCount(text.codePointAt(i));
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toByteArray();
    }

    /** The value of an ASCII hex digit, or -1. */
    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}

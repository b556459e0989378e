package dev.turnpike.web;

import java.nio.charset.StandardCharsets;

/**
 * Turns a rule's target, which holds decoded text (captured from the decoded path), into the
 * URI path a request dispatcher expects: characters a URI cannot carry are percent-encoded as
 * UTF-8, and a {@code %} that does not start an escape becomes {@code %25}.
 */
final class DispatchTargets {

    private static final String HEX = "0123456789ABCDEF";

    private DispatchTargets() {
    }

    static String encode(String target) {
        StringBuilder out = null;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean keep = c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0
                    && (c != '%' || isEscape(target, i));
            if (keep) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(target.length() + 16).append(target, 0, i);
            }
            int end = i + 1;
            if (Character.isHighSurrogate(c) && end < target.length() && Character.isLowSurrogate(target.charAt(end))) {
                end++;
            }
            for (byte b : target.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
            }
            i = end - 1;
        }
        return out == null ? target : out.toString();
    }

    private static boolean isEscape(String text, int at) {
        return at + 2 < text.length() && Character.digit(text.charAt(at + 1), 16) >= 0
                && Character.digit(text.charAt(at + 2), 16) >= 0;
    }
}

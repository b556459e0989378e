package dev.turnpike.web;

import dev.turnpike.rules.PercentEncoding;

/**
 * Turns a rule's target, which holds decoded text (captured from the decoded path), into the
 * URI path a request dispatcher expects: characters a URI cannot carry are percent-encoded as
 * UTF-8, and a {@code %} that does not start an escape becomes {@code %25}.
 */
final class DispatchTargets {

    private DispatchTargets() {
    }

    static String encode(String target) {
        return PercentEncoding.encode(target, DispatchTargets::allowed, true);
    }

    private static boolean allowed(String text, int index) {
        char c = text.charAt(index);
        return c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0 && (c != '%' || isEscape(text, index));
    }

    private static boolean isEscape(String text, int at) {
        return at + 2 < text.length() && Character.digit(text.charAt(at + 1), 16) >= 0
                && Character.digit(text.charAt(at + 2), 16) >= 0;
    }
}

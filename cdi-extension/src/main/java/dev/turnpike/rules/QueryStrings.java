package dev.turnpike.rules;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads parameters out of a raw query string. */
final class QueryStrings {

    private QueryStrings() {
    }

    /**
     * The first value of {@code name} in {@code query} ({@code a=1&b=2}), decoded as UTF-8 form
     * data; {@code ""} for a name without {@code =}; {@code null} when absent. A malformed escape
     * leaves the value undecoded rather than failing the request.
     */
    static String firstValue(String query, String name) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            int eq = query.indexOf('=', start);
            if (eq < 0 || eq > end) {
                eq = end;
            }
            if (decode(query.substring(start, eq)).equals(name)) {
                return eq == end ? "" : decode(query.substring(eq + 1, end));
            }
            start = end + 1;
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}

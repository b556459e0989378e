package dev.turnpike.it.differential;

import dev.turnpike.it.resin.RawResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * What a differential case compares of a response: status, {@code Location}, {@code Vary},
 * {@code Cache-Control}, the test headers rules set (the documentation's {@code Foo} among them),
 * and, when the echo servlet answered, the request it saw (which resource served it, with which
 * URI, query, parameters and security).
 * Error page bodies, dates, server names and framing differ between servers by design and are
 * not compared.
 */
record Observation(String text) {

    private static final List<String> ECHO_FIELDS = List.of("method", "requestURI", "servletPath", "pathInfo",
            "queryString", "forward.request_uri", "forward.servlet_path", "forward.path_info", "forward.query_string",
            "secure", "scheme", "serverName");

    static Observation of(RawResponse response) {
        List<String> parts = new ArrayList<>();
        parts.add(String.valueOf(response.status()));
        header(parts, response, "Location");
        header(parts, response, "Vary");
        header(parts, response, "Cache-Control");
        header(parts, response, "X-Turnpike-Test");
        header(parts, response, "X-Rule");
        header(parts, response, "Foo");
        String body = response.bodyText();
        if (response.status() == 200 && body.startsWith("method=")) {
            for (String line : body.split("\n")) {
                int eq = line.indexOf('=');
                String key = eq < 0 ? line : line.substring(0, eq);
                if (ECHO_FIELDS.contains(key) || key.startsWith("param.")) {
                    parts.add(line);
                }
            }
        }
        return new Observation(String.join(" | ", parts));
    }

    private static void header(List<String> parts, RawResponse response, String name) {
        List<String> values = response.headers(name);
        if (!values.isEmpty()) {
            parts.add(name + ": " + String.join(", ", values));
        }
    }

    int status() {
        int bar = text.indexOf(' ');
        return Integer.parseInt(bar < 0 ? text : text.substring(0, bar));
    }
}

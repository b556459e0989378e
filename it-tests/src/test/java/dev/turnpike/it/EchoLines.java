package dev.turnpike.it;

import java.util.HashMap;
import java.util.Map;

/** Reads the {@code name=value} lines the test backends (echo servlets, PHP scripts) answer with. */
public final class EchoLines {

    private EchoLines() {
    }

    /** Each name with the value of its first line; lines without {@code =} are skipped. */
    public static Map<String, String> parse(String body) {
        Map<String, String> lines = new HashMap<>();
        for (String line : body.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                lines.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return lines;
    }
}

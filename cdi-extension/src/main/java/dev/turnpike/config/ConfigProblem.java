package dev.turnpike.config;

import java.util.Objects;

/**
 * One problem in a configuration file, at a place.
 *
 * @param file    the file as the user named it
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param column  1-based column, or 0 when unknown
 * @param code    the stable message code, e.g. {@code TPC0102}
 * @param message what is wrong, the offending value, and what was expected
 */
public record ConfigProblem(String file, int line, int column, String code, String message) {

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: code message}; line and column are left out when unknown. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        return out.append(": ").append(code).append(' ').append(message).toString();
    }
}

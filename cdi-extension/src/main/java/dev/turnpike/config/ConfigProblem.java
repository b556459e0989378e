package dev.turnpike.config;

import java.util.Objects;

/**
 * One problem in a configuration file, at a place.
 *
 * @param file    the file as the user named it
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param column  1-based column, or 0 when unknown
 * @param code    the stable message code, e.g. {@code TPC0102}
 * @param message     what is wrong, the offending value, and what was expected
 * @param application whether the problem lies with an application class the configuration names
 *                    rather than with Turnpike's own tags: the class is missing or of the wrong
 *                    kind, its dependencies are unsatisfied or ambiguous, it cannot be made, or
 *                    its properties are unknown, invalid or break its constraints. Such problems
 *                    fail the deployment when the first configuration has them.
 */
public record ConfigProblem(String file, int line, int column, String code, String message, boolean application) {

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** A problem with the configuration's own tags. */
    public ConfigProblem(String file, int line, int column, String code, String message) {
        this(file, line, column, code, message, false);
    }

    /** This problem, marked as one with an application class. */
    public ConfigProblem inApplication() {
        return application ? this : new ConfigProblem(file, line, column, code, message, true);
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

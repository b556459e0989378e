package dev.turnpike.config.lint;

import java.util.Objects;

/**
 * Something a configuration does that loads and works but is risky or pointless.
 *
 * @param code    the stable code, {@code TPL01xx} (see {@link Lint})
 * @param origin  where the rule is declared, {@code file:line:column}
 * @param rule    the rule as written (without its children)
 * @param message what is wrong, why it matters and how to fix it
 */
public record LintWarning(String code, String origin, String rule, String message) {

    public LintWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: code message}, as configuration problems are printed. */
    @Override
    public String toString() {
        return origin + ": " + code + " " + message;
    }
}

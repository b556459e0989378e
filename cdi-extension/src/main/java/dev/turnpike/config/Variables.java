package dev.turnpike.config;

import java.util.Map;

/**
 * Resolves Resin's configuration-time variables, {@code ${host.name}} and the like, in attribute
 * values. Only plain variable names and the constants {@code true} and {@code false} are
 * understood; nothing is ever evaluated as an expression.
 */
final class Variables {

    private Variables() {
    }

    /**
     * Replaces each {@code ${name}} with its value.
     *
     * @return the resolved text, or {@code null} when a variable is unknown or the syntax is
     *         not a plain name
     */
    static String resolve(String text, Map<String, String> variables) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        while (true) {
            int start = text.indexOf("${", at);
            if (start < 0) {
                return out.append(text, at, text.length()).toString();
            }
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                return null;
            }
            String name = text.substring(start + 2, end).trim();
            String value = name.equals("true") || name.equals("false") ? name : variables.get(name);
            if (value == null) {
                return null;
            }
            out.append(text, at, start).append(value);
            at = end + 1;
        }
    }
}

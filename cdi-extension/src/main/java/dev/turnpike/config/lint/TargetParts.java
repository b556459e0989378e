package dev.turnpike.config.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule target split as {@link java.util.regex.Matcher#appendReplacement} reads it: literal
 * texts and group references, in order.
 *
 * @param parts each a {@link String} of literal text or an {@link Integer} group number
 */
record TargetParts(List<Object> parts) {

    /**
     * Splits a target.
     *
     * @param groupCount the groups of the rule's regexp; a {@code $} takes as many digits as still
     *                   name one of them
     * @param literal    whether the rule has no regexp, so the target is used as it is
     */
    static TargetParts of(String text, int groupCount, boolean literal) {
        List<Object> parts = new ArrayList<>();
        if (literal) {
            parts.add(text);
            return new TargetParts(List.copyOf(parts));
        }
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                run.append(text.charAt(++i));
            } else if (c == '$' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                int group = text.charAt(++i) - '0';
                while (i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))
                        && group * 10 + (text.charAt(i + 1) - '0') <= groupCount) {
                    group = group * 10 + (text.charAt(++i) - '0');
                }
                if (run.length() > 0) {
                    parts.add(run.toString());
                    run.setLength(0);
                }
                parts.add(group);
            } else {
                run.append(c);
            }
        }
        if (run.length() > 0) {
            parts.add(run.toString());
        }
        return new TargetParts(List.copyOf(parts));
    }

    /** The groups the target refers to, in order, each once. */
    List<Integer> groups() {
        return parts.stream().filter(Integer.class::isInstance).map(Integer.class::cast).distinct().toList();
    }

    /** The literal text before the first group reference. */
    String literalStart() {
        return !parts.isEmpty() && parts.get(0) instanceof String text ? text : "";
    }
}

package dev.turnpike.rules;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule target: text in Java replacement syntax ({@code $1} for a group, {@code \$} for a
 * literal dollar) that replaces the <em>first</em> match of the rule's regexp in the subject,
 * keeping the rest of the subject, as Resin's {@code matcher.replaceFirst(target)} does:
 * {@code regexp="^/foo" target="/bar"} maps {@code /foo/x} to {@code /bar/x}.
 *
 * <p>Group references are checked against the regexp when the target is built, so a rule can
 * never fail on its first request.
 */
public final class Target {

    private final String text;
    private final boolean literal;

    private Target(String text, boolean literal) {
        this.text = text;
        this.literal = literal;
    }

    /**
     * Builds a target for a rule with the given regexp.
     *
     * @param text   the target as configured
     * @param regexp the rule's regexp, or {@code null}: then the text is used as it is
     * @throws IllegalArgumentException when the text is not valid replacement syntax for the
     *                                  regexp; the message says why
     */
    public static Target of(String text, Pattern regexp) {
        Objects.requireNonNull(text, "text");
        if (regexp == null) {
            return new Target(text, true);
        }
        check(text, regexp.matcher("").groupCount());
        return new Target(text, false);
    }

    /**
     * The target for one request.
     *
     * @param matcher the rule's matcher, positioned on its first match, or {@code null} when the
     *                rule has no regexp
     */
    public String resolve(Matcher matcher, String subject) {
        if (literal || matcher == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(subject.length() + text.length());
        matcher.appendReplacement(out, text);
        matcher.appendTail(out);
        return out.toString();
    }

    /** Applies the parsing rules of {@link Matcher#appendReplacement} without a match. */
    private static void check(String text, int groupCount) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (++i == text.length()) {
                    throw new IllegalArgumentException("ends with a lone '\\'; write '\\\\' for a backslash");
                }
            } else if (c == '$') {
                if (i + 1 == text.length()) {
                    throw new IllegalArgumentException("ends with a lone '$'; write '\\$' for a dollar sign");
                }
                char next = text.charAt(i + 1);
                if (next == '{') {
                    throw new IllegalArgumentException("'${' at index " + i + " starts an EL expression or a "
                            + "named group, which are not supported; write '\\$' for a dollar sign");
                }
                if (next < '0' || next > '9') {
                    throw new IllegalArgumentException("'$' at index " + i + " is not followed by a group number;"
                            + " write '\\$' for a dollar sign");
                }
                if (next - '0' > groupCount) {
                    throw new IllegalArgumentException("'$" + next + "' at index " + i + " refers to group " + (next - '0')
                            + " but the regexp has " + (groupCount == 1 ? "1 group" : groupCount + " groups"));
                }
                i++;
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }
}

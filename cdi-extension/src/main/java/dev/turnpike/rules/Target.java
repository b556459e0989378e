package dev.turnpike.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule target: text in Java replacement syntax ({@code $1} for a group, {@code \$} for a
 * literal dollar) that replaces matches of the rule's regexp in the subject, keeping the rest of
 * the subject. Resin 4's target rules replace the <em>first</em> match
 * ({@code matcher.replaceFirst}); {@code resin:Forward} and every Resin 3.1 rule replace
 * <em>all</em> matches ({@code matcher.replaceAll}). Either way
 * {@code regexp="^/foo" target="/bar"} maps {@code /foo/x} to {@code /bar/x}.
 *
 * <p>Group references are checked against the regexp when the target is built, so a rule can
 * never fail on its first request.
 */
public final class Target {

    /** Which matches of the regexp a target replaces. */
    public enum Replace {
        /** Only the first match, as Resin 4's target rules. */
        FIRST,
        /** Every match, as {@code resin:Forward} and Resin 3.1's rules. */
        ALL
    }

    private final String text;
    private final boolean literal;
    private final Replace replace;
    /** The replacement, parsed once: per part a literal text, or {@code null} where {@link #groups} names a group. */
    private final String[] texts;
    private final int[] groups;

    private Target(String text, boolean literal, Replace replace, int groupCount) {
        this.text = text;
        this.literal = literal;
        this.replace = replace;
        List<String> textParts = new ArrayList<>();
        List<Integer> groupParts = new ArrayList<>();
        if (!literal) {
            parse(text, groupCount, textParts, groupParts);
        }
        this.texts = textParts.toArray(new String[0]);
        this.groups = groupParts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Splits replacement syntax into literal texts and group numbers as
     * {@link Matcher#appendReplacement} reads it: {@code \x} is {@code x}, and {@code $} takes as
     * many digits as still name a group of the regexp.
     */
    private static void parse(String text, int groupCount, List<String> texts, List<Integer> groups) {
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                run.append(text.charAt(++i));
            } else if (c == '$') {
                int group = text.charAt(++i) - '0';
                while (i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))
                        && group * 10 + (text.charAt(i + 1) - '0') <= groupCount) {
                    group = group * 10 + (text.charAt(++i) - '0');
                }
                if (run.length() > 0) {
                    texts.add(run.toString());
                    groups.add(-1);
                    run.setLength(0);
                }
                texts.add(null);
                groups.add(group);
            } else {
                run.append(c);
            }
        }
        if (run.length() > 0) {
            texts.add(run.toString());
            groups.add(-1);
        }
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
        return of(text, regexp, Replace.FIRST);
    }

    /** Builds a target that replaces the first or every match of the regexp. */
    public static Target of(String text, Pattern regexp, Replace replace) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(replace, "replace");
        checkHeaderSafe(text);
        if (regexp == null) {
            return new Target(text, true, replace, 0);
        }
        int groupCount = regexp.matcher("").groupCount();
        check(text, groupCount);
        return new Target(text, false, replace, groupCount);
    }

    /** Refuses control characters: a target ends up in a header or a request line. */
    private static void checkHeaderSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("contains the control character U+" + String.format("%04X", (int) c)
                        + " at index " + i + "; a target ends up in a header or request line");
            }
        }
    }

    /**
     * The target for one request.
     *
     * @param matcher the rule's matcher over {@code subject}, positioned on its first match, or
     *                {@code null} when the rule has no regexp
     */
    public String resolve(Matcher matcher, String subject) {
        if (literal || matcher == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(subject.length() + text.length());
        int tail = 0;
        do {
            out.append(subject, tail, matcher.start());
            for (int part = 0; part < groups.length; part++) {
                if (groups[part] < 0) {
                    out.append(texts[part]);
                } else {
                    String group = matcher.group(groups[part]);
                    if (group != null) {
                        out.append(group);
                    }
                }
            }
            tail = matcher.end();
        } while (replace == Replace.ALL && matcher.find());
        out.append(subject, tail, subject.length());
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

    public Replace replace() {
        return replace;
    }

    @Override
    public String toString() {
        return text;
    }
}

package dev.turnpike.config.lint;

import dev.turnpike.config.lint.Regex.Alt;
import dev.turnpike.config.lint.Regex.Anchor;
import dev.turnpike.config.lint.Regex.Chars;
import dev.turnpike.config.lint.Regex.Group;
import dev.turnpike.config.lint.Regex.GroupKind;
import dev.turnpike.config.lint.Regex.Node;
import dev.turnpike.config.lint.Regex.Repeat;
import dev.turnpike.config.lint.Regex.Seq;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the shapes that make {@link java.util.regex.Matcher} backtrack for an exponential time
 * on a crafted input: a repetition whose body can read the same text in more than one way.
 *
 * <ul>
 *   <li><b>Nested repetition</b> ({@value Lint#NESTED_QUANTIFIER}): inside a repeated part
 *       {@code O}, a part {@code I} that repeats a variable number of times and whose next
 *       character could just as well be read by what follows it &mdash; the rest of {@code O}'s
 *       body, or {@code O}'s next round. {@code (a+)+}, {@code (.*)*}, {@code (\w+\s?)*} and
 *       {@code (x+x+)+y} have that shape; {@code (/[^/]+)*} does not, since {@code [^/]} never
 *       reads the {@code /} that starts the next round.</li>
 *   <li><b>Overlapping alternatives</b> ({@value Lint#OVERLAPPING_ALTERNATION}): a repeated
 *       alternation two of whose alternatives can read the same text, or one of whose
 *       alternatives reads a start of another and the next round can read the rest:
 *       {@code (a|aa)+}, {@code (\w|\d)*}, but not {@code (a|ab)*} or {@code (jpg|png)+}.</li>
 * </ul>
 *
 * <p>{@code O} counts when it repeats without bound (or more than {@value #LARGE_BOUND}
 * times) and is not possessive (nor the whole of an atomic group); {@code I} counts when it can
 * read a variable number of rounds, more than one ({@code +}, {@code *}, {@code {1,5}}, not
 * {@code ?} or {@code {2}}), and is not possessive or inside an atomic group, which never give
 * back what they read.
 */
final class Backtracking {

    /** A bounded repetition above this many rounds counts as unbounded. */
    static final int LARGE_BOUND = 10;

    private static final int MAX_SEQUENCES = 64;
    private static final int MAX_LENGTH = 16;

    /**
     * One finding.
     *
     * @param code   {@value Lint#NESTED_QUANTIFIER} or {@value Lint#OVERLAPPING_ALTERNATION}
     * @param outer  the repeated part, as written
     * @param inner  the inner repetition, as written ({@code null} for overlapping alternatives)
     * @param sample a character both readings can take, for the message
     */
    record Finding(String code, String outer, String inner, String sample) {
    }

    private Backtracking() {
    }

    /** The findings for a pattern, outermost first; none when the pattern is not understood. */
    static List<Finding> find(Pattern pattern) {
        Regex regex = Regex.parse(pattern);
        List<Finding> findings = new ArrayList<>();
        if (regex != null) {
            visit(regex, regex.root(), false, findings);
        }
        return findings;
    }

    private static void visit(Regex regex, Node node, boolean wholeAtomic, List<Finding> findings) {
        if (node instanceof Repeat outer) {
            if (countsAsOuter(outer) && !wholeAtomic) {
                Finding finding = nested(regex, outer, outer.body(), CharSet.NONE, true);
                if (finding == null) {
                    finding = overlapping(regex, outer);
                }
                if (finding != null) {
                    findings.add(finding);
                    return;
                }
            }
            visit(regex, outer.body(), false, findings);
        } else if (node instanceof Seq seq) {
            seq.items().forEach(item -> visit(regex, item, false, findings));
        } else if (node instanceof Alt alt) {
            alt.branches().forEach(branch -> visit(regex, branch, false, findings));
        } else if (node instanceof Group group) {
            visit(regex, group.body(), group.kind() == GroupKind.ATOMIC, findings);
        }
    }

    private static boolean countsAsOuter(Repeat repeat) {
        return !repeat.possessive() && (repeat.unbounded() || repeat.max() > LARGE_BOUND);
    }

    /**
     * Looks for an inner repetition in {@code node}, a part of {@code outer}'s body, after which
     * can come a character of {@code follow} or, when {@code toNextRound}, whatever starts
     * {@code outer}'s body again.
     */
    private static Finding nested(Regex regex, Repeat outer, Node node, CharSet follow, boolean toNextRound) {
        if (node instanceof Seq seq) {
            List<Node> items = seq.items();
            for (int i = 0; i < items.size(); i++) {
                boolean restNullable = items.subList(i + 1, items.size()).stream().allMatch(Regex::nullable);
                CharSet after = Regex.first(items, i + 1, restNullable ? follow : CharSet.NONE);
                Finding finding = nested(regex, outer, items.get(i), after, restNullable && toNextRound);
                if (finding != null) {
                    return finding;
                }
            }
        } else if (node instanceof Alt alt) {
            for (Node branch : alt.branches()) {
                Finding finding = nested(regex, outer, branch, follow, toNextRound);
                if (finding != null) {
                    return finding;
                }
            }
        } else if (node instanceof Group group) {
            if (group.kind() == GroupKind.CAPTURE || group.kind() == GroupKind.PLAIN) {
                return nested(regex, outer, group.body(), follow, toNextRound);
            }
        } else if (node instanceof Repeat inner && !inner.possessive()) {
            boolean variable = inner.unbounded() || (inner.max() > 1 && inner.max() > inner.min());
            CharSet next = toNextRound ? follow.union(Regex.first(outer.body())) : follow;
            CharSet overlap = Regex.first(inner.body()).intersect(next);
            if (variable && !overlap.isEmpty()) {
                return new Finding(Lint.NESTED_QUANTIFIER, regex.text(outer), regex.text(inner), overlap.sample());
            }
            CharSet again = inner.max() < 0 || inner.max() > 1 ? Regex.first(inner.body()) : CharSet.NONE;
            return nested(regex, outer, inner.body(), follow.union(again), toNextRound);
        }
        return null;
    }

    /** Alternatives of a repeated alternation that can share text. */
    private static Finding overlapping(Regex regex, Repeat outer) {
        Node body = outer.body();
        while (body instanceof Group group && (group.kind() == GroupKind.CAPTURE || group.kind() == GroupKind.PLAIN)) {
            body = group.body();
        }
        if (!(body instanceof Alt alt)) {
            return null;
        }
        List<List<List<CharSet>>> branches = new ArrayList<>();
        for (Node branch : alt.branches()) {
            List<List<CharSet>> sequences = expand(branch);
            if (sequences == null) {
                return null;
            }
            branches.add(sequences);
        }
        CharSet nextRound = Regex.first(outer.body());
        for (int i = 0; i < branches.size(); i++) {
            for (int j = i + 1; j < branches.size(); j++) {
                CharSet shared = shared(branches.get(i), branches.get(j), nextRound);
                if (shared != null) {
                    return new Finding(Lint.OVERLAPPING_ALTERNATION, regex.text(outer), null, shared.sample());
                }
            }
        }
        return null;
    }

    /** A character two alternatives can both start with when they can share text, else {@code null}. */
    private static CharSet shared(List<List<CharSet>> left, List<List<CharSet>> right, CharSet nextRound) {
        for (List<CharSet> u : left) {
            for (List<CharSet> v : right) {
                if (u.isEmpty() || v.isEmpty()) {
                    continue;
                }
                List<CharSet> shorter = u.size() <= v.size() ? u : v;
                List<CharSet> longer = u.size() <= v.size() ? v : u;
                boolean prefix = true;
                for (int k = 0; k < shorter.size() && prefix; k++) {
                    prefix = shorter.get(k).intersects(longer.get(k));
                }
                if (prefix && (shorter.size() == longer.size() || longer.get(shorter.size()).intersects(nextRound))) {
                    return shorter.get(0).intersect(longer.get(0));
                }
            }
        }
        return null;
    }

    /**
     * The strings a part can match, as sequences of character sets, or {@code null} when it can
     * match unboundedly many or too many of them.
     */
    private static List<List<CharSet>> expand(Node node) {
        if (node instanceof Chars chars) {
            return List.of(List.of(chars.set()));
        }
        if (node instanceof Anchor) {
            return List.of(List.of());
        }
        if (node instanceof Seq seq) {
            List<List<CharSet>> out = List.of(List.of());
            for (Node item : seq.items()) {
                out = product(out, expand(item));
                if (out == null) {
                    return null;
                }
            }
            return out;
        }
        if (node instanceof Alt alt) {
            List<List<CharSet>> out = new ArrayList<>();
            for (Node branch : alt.branches()) {
                List<List<CharSet>> sequences = expand(branch);
                if (sequences == null) {
                    return null;
                }
                out.addAll(sequences);
            }
            return out.size() > MAX_SEQUENCES ? null : out;
        }
        if (node instanceof Group group) {
            return switch (group.kind()) {
                case CAPTURE, PLAIN -> expand(group.body());
                case LOOKAROUND -> List.of(List.of());
                case ATOMIC -> null;
            };
        }
        if (node instanceof Repeat repeat && !repeat.unbounded() && repeat.max() <= 4) {
            List<List<CharSet>> body = expand(repeat.body());
            if (body == null) {
                return null;
            }
            List<List<CharSet>> out = new ArrayList<>();
            List<List<CharSet>> power = List.of(List.of());
            for (int count = 0; count <= repeat.max(); count++) {
                if (power == null) {
                    return null;
                }
                if (count >= repeat.min()) {
                    out.addAll(power);
                }
                power = count < repeat.max() ? product(power, body) : power;
            }
            return out.size() > MAX_SEQUENCES ? null : out;
        }
        return null;
    }

    private static List<List<CharSet>> product(List<List<CharSet>> left, List<List<CharSet>> right) {
        if (left == null || right == null || left.size() * right.size() > MAX_SEQUENCES) {
            return null;
        }
        List<List<CharSet>> out = new ArrayList<>();
        for (List<CharSet> u : left) {
            for (List<CharSet> v : right) {
                if (u.size() + v.size() > MAX_LENGTH) {
                    return null;
                }
                List<CharSet> joined = new ArrayList<>(u);
                joined.addAll(v);
                out.add(List.copyOf(joined));
            }
        }
        return out;
    }
}

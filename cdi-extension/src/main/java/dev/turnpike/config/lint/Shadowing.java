package dev.turnpike.config.lint;

import dev.turnpike.config.lint.Regex.Alt;
import dev.turnpike.config.lint.Regex.Anchor;
import dev.turnpike.config.lint.Regex.Chars;
import dev.turnpike.config.lint.Regex.Group;
import dev.turnpike.config.lint.Regex.GroupKind;
import dev.turnpike.config.lint.Regex.Node;
import dev.turnpike.config.lint.Regex.Repeat;
import dev.turnpike.config.lint.Regex.Seq;
import dev.turnpike.rules.Action;
import dev.turnpike.rules.MatchRule;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.actions.Actions;
import dev.turnpike.rules.custom.CustomDispatch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds rules of a list that can never fire because an earlier rule of the same list always
 * decides first ({@value Lint#SHADOWED}). The earlier rule must decide whenever its regexp
 * matches: no conditions, no on/off switch or schedule, and an action that ends the evaluation
 * (not {@code rewrite}, {@code set}, a group or an import). Its regexp must then match every
 * subject the later rule's can, which is decided in these cases only:
 * <ul>
 *   <li>it has no regexp, or one that matches any string ({@code ^}, {@code .*}, {@code ^(.*)}):
 *       every later rule of the list is dead;</li>
 *   <li>both regexps are the same text with the same flags;</li>
 *   <li>it is {@code ^P} (optionally followed by parts that may match nothing, such as
 *       {@code (.*)}) for a literal {@code P}, and every alternative of the later regexp starts
 *       with {@code ^Q} for a literal {@code Q} that starts with {@code P}; unanchored, {@code P}
 *       need only occur in {@code Q}.</li>
 * </ul>
 * In the last two cases a rule between the two that may change the subject ({@code rewrite}, a
 * group, an import) means the later rule may see subjects the earlier one never saw, so nothing
 * is reported; so does a case-insensitive regexp on either side, or a {@code full-url-regexp}
 * on one side only.
 */
final class Shadowing {

    private Shadowing() {
    }

    /** For each rule of the list, the earlier rule that hides it, or {@code null}. */
    static List<MatchRule> hiders(List<Rule> rules) {
        int[] changersBefore = new int[rules.size() + 1];
        for (int k = 0; k < rules.size(); k++) {
            changersBefore[k + 1] = changersBefore[k] + (changesSubject(rules.get(k)) ? 1 : 0);
        }
        List<MatchRule> hiders = new ArrayList<>();
        for (int j = 0; j < rules.size(); j++) {
            MatchRule hider = null;
            if (rules.get(j) instanceof MatchRule later) {
                for (int i = 0; i < j && hider == null; i++) {
                    if (rules.get(i) instanceof MatchRule earlier && alwaysDecides(earlier)) {
                        boolean changerBetween = changersBefore[j] - changersBefore[i + 1] > 0;
                        if (matchesEverything(earlier) || (!changerBetween && covers(earlier, later))) {
                            hider = earlier;
                        }
                    }
                }
            }
            hiders.add(hider);
        }
        return hiders;
    }

    /** Whether the rule decides every request its regexp matches. */
    static boolean alwaysDecides(MatchRule rule) {
        MatchRule.Spec spec = rule.spec();
        return spec.conditions().isEmpty() && spec.toggle() == null && terminates(spec.action());
    }

    /** Whether an action always ends the evaluation with a decision. */
    static boolean terminates(Action action) {
        return action instanceof Actions.SendError || action instanceof Actions.Redirect
                || action instanceof Actions.Moved || action instanceof Actions.RedirectSecure
                || action instanceof Actions.Dispatch || action instanceof Actions.Forward
                || action instanceof Actions.Proxy || action instanceof CustomDispatch;
    }

    private static boolean changesSubject(Rule rule) {
        if (!(rule instanceof MatchRule match)) {
            return true;
        }
        Action action = match.spec().action();
        return !terminates(action) && !(action instanceof Actions.Set);
    }

    /** Whether the rule's regexp (if any) matches every subject. */
    static boolean matchesEverything(MatchRule rule) {
        Pattern pattern = rule.regexp();
        if (pattern == null) {
            return true;
        }
        Regex regex = Regex.parse(pattern);
        if (regex == null) {
            return false;
        }
        List<Node> items = items(regex.root());
        int from = 0;
        int to = items.size();
        if (to > 0 && items.get(0) instanceof Anchor anchor && anchor.kind() == '^') {
            from = 1;
        } else if (to > 0 && items.get(to - 1) instanceof Anchor anchor && anchor.kind() == '$') {
            to--;
        }
        return items.subList(from, to).stream().allMatch(Shadowing::emptyAnywhere);
    }

    private static boolean covers(MatchRule earlier, MatchRule later) {
        Pattern e = earlier.regexp();
        Pattern l = later.regexp();
        if (l == null || earlier.spec().fullUrl() != later.spec().fullUrl() || e.flags() != l.flags()) {
            return false;
        }
        if (e.pattern().equals(l.pattern())) {
            return true;
        }
        Regex er = Regex.parse(e);
        Regex lr = Regex.parse(l);
        if (er == null || lr == null || er.caseInsensitive() || lr.caseInsensitive()) {
            return false;
        }
        List<Node> items = items(er.root());
        boolean anchored = !items.isEmpty() && items.get(0) instanceof Anchor anchor && anchor.kind() == '^';
        StringBuilder literal = new StringBuilder();
        int at = anchored ? 1 : 0;
        while (at < items.size() && literal(items.get(at), literal)) {
            at++;
        }
        if (literal.length() == 0 || !items.subList(at, items.size()).stream().allMatch(Shadowing::emptyAnywhere)) {
            return false;
        }
        String prefix = literal.toString();
        List<Node> branches = lr.root() instanceof Alt alt ? alt.branches() : List.of(lr.root());
        for (Node branch : branches) {
            String other = anchoredPrefix(branch);
            if (other == null || !(anchored ? other.startsWith(prefix) : other.contains(prefix))) {
                return false;
            }
        }
        return true;
    }

    /** The literal text every match of an alternative starts the subject with, or {@code null} if not anchored. */
    private static String anchoredPrefix(Node branch) {
        List<Node> items = items(branch);
        if (items.isEmpty() || !(items.get(0) instanceof Anchor anchor && anchor.kind() == '^')) {
            return null;
        }
        StringBuilder prefix = new StringBuilder();
        for (Node item : items.subList(1, items.size())) {
            if (!literal(item, prefix)) {
                break;
            }
        }
        return prefix.toString();
    }

    /**
     * Appends the literal text of a part that matches exactly one string; returns {@code false}
     * (having appended what it could of the part's start) when the part is not such a literal.
     */
    private static boolean literal(Node node, StringBuilder out) {
        if (node instanceof Chars chars) {
            int c = chars.set().single();
            if (c >= 0) {
                out.append((char) c);
            }
            return c >= 0;
        }
        if (node instanceof Seq seq) {
            for (Node item : seq.items()) {
                if (!literal(item, out)) {
                    return false;
                }
            }
            return true;
        }
        if (node instanceof Group group && (group.kind() == GroupKind.CAPTURE || group.kind() == GroupKind.PLAIN)) {
            return literal(group.body(), out);
        }
        return false;
    }

    /** Whether a part can match the empty string wherever it is tried (no anchors, no characters needed). */
    private static boolean emptyAnywhere(Node node) {
        if (node instanceof Repeat repeat) {
            return repeat.min() == 0 || emptyAnywhere(repeat.body());
        }
        if (node instanceof Group group) {
            return group.kind() != GroupKind.LOOKAROUND && emptyAnywhere(group.body());
        }
        if (node instanceof Seq seq) {
            return seq.items().stream().allMatch(Shadowing::emptyAnywhere);
        }
        if (node instanceof Alt alt) {
            return alt.branches().stream().anyMatch(Shadowing::emptyAnywhere);
        }
        return false;
    }

    private static List<Node> items(Node node) {
        return node instanceof Seq seq ? seq.items() : List.of(node);
    }
}

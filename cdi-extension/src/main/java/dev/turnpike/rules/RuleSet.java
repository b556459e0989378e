package dev.turnpike.rules;

import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An immutable, ordered list of rules, shared by every request thread.
 *
 * <p>Evaluation is first-match-wins in document order: each rule's regexp is tried against the
 * subject (for web-app rules, the context-relative path); the first rule whose regexp matches
 * and whose conditions pass decides. A rule whose regexp matches but whose conditions fail
 * defers to the following rules. When no rule fires the decision is {@link Decision#PASS}.
 */
public final class RuleSet {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.rules");

    /** The rule set of a configuration without rules. */
    public static final RuleSet EMPTY = new RuleSet(List.of(), "(none)");

    private final Rule[] rules;
    private final String source;

    /**
     * @param rules  the rules in evaluation order
     * @param source a description of where the rules came from, e.g. the file path
     */
    public RuleSet(List<? extends Rule> rules, String source) {
        this.rules = rules.toArray(new Rule[0]);
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Decides what happens to a request. */
    public Decision evaluate(RequestView request) {
        String subject = request.path();
        for (Rule rule : rules) {
            Decision decision = rule.apply(request, subject);
            if (decision != null) {
                if (LOG.isLoggable(Level.FINER)) {
                    LOG.finer(rule + " (" + rule.origin() + ") matched " + subject + " -> " + decision);
                }
                return decision;
            }
        }
        if (LOG.isLoggable(Level.FINEST)) {
            LOG.finest("no rule matched " + subject);
        }
        return Decision.PASS;
    }

    public List<Rule> rules() {
        return List.of(rules);
    }

    public int size() {
        return rules.length;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "RuleSet[" + source + ", " + rules.length + " rules]";
    }
}

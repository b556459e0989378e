package dev.turnpike.rules;

import dev.turnpike.match.RuleIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An ordered list of rules evaluated with a current subject: rules are tried in order; a rule
 * that continues ({@code rewrite}, {@code set}, a group that did not decide) passes the possibly
 * rewritten subject to the following rules; the first decision ends the evaluation. Rules whose
 * regexp cannot match the current subject are skipped without being tried, as a
 * {@link RuleIndex} tells; the outcome is the same as trying each in turn.
 *
 * <p>Immutable and shared by every thread.
 */
public final class RuleList {

    /** A list without rules. */
    public static final RuleList EMPTY = new RuleList(List.of(), List.of());

    private final Rule[] rules;
    private final RuleFilter[] filters;
    private volatile RuleIndex index;

    /**
     * @param filters filters applied to every request before the rules, in order (the first
     *                declared is outermost)
     * @param rules   the rules in evaluation order
     */
    public RuleList(List<? extends RuleFilter> filters, List<? extends Rule> rules) {
        this.filters = filters.toArray(new RuleFilter[0]);
        this.rules = rules.toArray(new Rule[0]);
    }

    /**
     * Evaluates the list.
     *
     * @return the decision of the first rule that decided, or {@link Outcome.Continue} with the
     *         subject as the last continuing rule left it
     */
    public Outcome evaluate(Exchange exchange, String subject) {
        for (RuleFilter filter : filters) {
            filter.apply(exchange, subject);
        }
        String current = subject;
        RuleIndex index = index();
        int[] candidates = index.candidates(current);
        RuleTrace trace = exchange.trace();
        if (trace != null) {
            trace.candidates(this, candidates, current);
        }
        for (int at = 0; at < candidates.length; at++) {
            int rule = candidates[at];
            Outcome outcome = rules[rule].apply(exchange, current);
            if (outcome instanceof Outcome.Continue next) {
                if (!next.subject().equals(current)) {
                    current = next.subject();
                    candidates = index.candidates(current);
                    at = after(candidates, rule) - 1;
                    if (trace != null) {
                        trace.candidates(this, Arrays.copyOfRange(candidates, at + 1, candidates.length), current);
                    }
                }
            } else if (outcome != null) {
                return outcome;
            }
        }
        return new Outcome.Continue(current);
    }

    /** The position of the first candidate after rule {@code rule}. */
    private static int after(int[] candidates, int rule) {
        int position = Arrays.binarySearch(candidates, rule + 1);
        return position >= 0 ? position : -position - 1;
    }

    /** The index of the rules' patterns, built on first use (building it twice is harmless). */
    private RuleIndex index() {
        RuleIndex built = index;
        if (built == null) {
            List<Pattern> patterns = new ArrayList<>(rules.length);
            for (Rule rule : rules) {
                patterns.add(rule.selectionPattern());
            }
            built = RuleIndex.of(patterns);
            index = built;
        }
        return built;
    }

    public List<Rule> rules() {
        return List.of(rules);
    }

    public List<RuleFilter> filters() {
        return List.of(filters);
    }

    public boolean isEmpty() {
        return rules.length == 0 && filters.length == 0;
    }

    /** This list's filters and rules followed by another list's. */
    public RuleList then(RuleList next) {
        if (next.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return next;
        }
        List<RuleFilter> allFilters = new ArrayList<>(List.of(filters));
        allFilters.addAll(List.of(next.filters));
        List<Rule> allRules = new ArrayList<>(List.of(rules));
        allRules.addAll(List.of(next.rules));
        return new RuleList(allFilters, allRules);
    }

    @Override
    public String toString() {
        return "RuleList[" + filters.length + " filters, " + rules.length + " rules]";
    }
}

package dev.turnpike.rules;

import java.util.regex.Pattern;

/**
 * One dispatch rule: it either does not fire for a request, or it says what happens next.
 *
 * <p>Rules are immutable (apart from their on/off {@link RuleSwitch} and a once-only warning
 * flag) and shared by every thread. {@link Object#toString()} renders the rule in configuration
 * syntax.
 */
public interface Rule {

    /**
     * Applies this rule to a request.
     *
     * @param exchange the request and what earlier rules did to it
     * @param subject  the string the rule's regexp is matched against: the full URL at server
     *                 level, the full path at host level, the context-relative path at web-app
     *                 level, possibly rewritten by earlier rules
     * @return a decision, {@link Outcome.Continue} to go on with the following rules, or
     *         {@code null} when the rule does not fire
     */
    Outcome apply(Exchange exchange, String subject);

    /**
     * The pattern a subject must contain a match of for this rule to do anything, or
     * {@code null} when the rule may act on any subject. Rule lists use it to skip rules that
     * cannot match without trying them.
     */
    default Pattern selectionPattern() {
        return null;
    }

    /** Where the rule was declared, as {@code file:line:column}. */
    String origin();

    /** The rule's name, or {@code null} when it has none. */
    default String name() {
        return null;
    }
}

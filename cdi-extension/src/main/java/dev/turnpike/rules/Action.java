package dev.turnpike.rules;

import java.util.regex.Matcher;

/**
 * What a rule does once its regexp matched and its conditions passed.
 *
 * <p>Actions are immutable and shared by every thread.
 */
@FunctionalInterface
public interface Action {

    /**
     * Acts on a request.
     *
     * @param exchange the request and what earlier rules did to it
     * @param subject  the string the regexp matched
     * @param matcher  the successful match, positioned on the first match; {@code null} when the
     *                 rule has no regexp
     * @param rule     the rule that fired, named in the decision
     * @return a decision, or {@link Outcome.Continue} to go on with the following rules
     */
    Outcome act(Exchange exchange, String subject, Matcher matcher, Rule rule);
}

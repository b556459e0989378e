package dev.turnpike.rules;

import java.util.regex.Matcher;

/**
 * Listens to how the rules treat one request, step by step, to explain a decision without making
 * it: which level met the request with which subject, which rules the index made candidates, and
 * for each candidate whether it was switched off, what its regexp found, how each condition went
 * and what it did.
 *
 * <p>Set on an {@link Exchange} ({@link Exchange#trace(RuleTrace)}); evaluation is otherwise the
 * same as for a served request, except that a traced request counts no hits and an exception
 * thrown by a condition is reported here and taken as the condition failing. Used by one thread.
 */
public interface RuleTrace {

    /**
     * A level's rules meet the request.
     *
     * @param level   {@code server}, {@code host} or {@code web-app}
     * @param subject what the level's regexps are matched against
     */
    void level(String level, String subject);

    /**
     * A list of rules is about to be tried; rules not among the candidates cannot match the
     * subject, their patterns said so, and are not tried.
     *
     * @param rules      the list
     * @param candidates positions in {@code rules.rules()} that will be tried, ascending
     * @param subject    the subject they are tried on
     */
    void candidates(RuleList rules, int[] candidates, String subject);

    /** A rule is tried on a subject; the calls that follow for it say how it went. */
    void tried(Rule rule, String subject);

    /** A rule was skipped because its switch is off (its name or schedule). */
    void switchedOff(Rule rule);

    /**
     * A rule's regexp was tried.
     *
     * @param matched the text it was matched against
     * @param matcher the matcher after a successful find, with the groups; {@code null} when it
     *                did not find a match
     */
    void regexp(Rule rule, String matched, Matcher matcher);

    /** A rule's condition was tested. */
    void condition(Rule rule, Condition condition, boolean passed);

    /** A rule's condition threw instead of answering; the rule does not fire. */
    void conditionFailed(Rule rule, Condition condition, RuntimeException failure);

    /** A rule fired with this outcome. */
    void fired(Rule rule, Outcome outcome);
}

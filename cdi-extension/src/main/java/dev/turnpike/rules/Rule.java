package dev.turnpike.rules;

/**
 * One dispatch rule: it either does not apply to a request, or it decides what the request
 * becomes.
 *
 * <p>Rules are immutable and shared by every thread. {@link Object#toString()} renders the rule
 * in configuration syntax.
 */
public interface Rule {

    /**
     * Applies this rule to a request.
     *
     * @param request the request
     * @param subject the string the rule's regexp is matched against (for web-app rules, the
     *                context-relative path)
     * @return the decision, or {@code null} when the rule does not apply
     */
    Decision apply(RequestView request, String subject);

    /** Where the rule was declared, as {@code file:line:column}. */
    String origin();
}

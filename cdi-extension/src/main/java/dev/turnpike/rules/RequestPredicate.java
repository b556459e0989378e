package dev.turnpike.rules;

/**
 * A condition on a request, evaluated per request after a rule's regexp matched.
 *
 * <p>Implementations hold final fields only and keep no per-request state, so one instance
 * serves every thread. {@link Object#toString()} renders the condition as it is written in the
 * configuration.
 */
@FunctionalInterface
public interface RequestPredicate {

    /** Whether the request satisfies this condition. */
    boolean isMatch(RequestView request);
}

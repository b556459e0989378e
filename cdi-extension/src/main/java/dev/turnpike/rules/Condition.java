package dev.turnpike.rules;

/**
 * A test a rule makes on the request after its regexp matched, evaluated per request. A
 * condition sees the whole {@link Exchange}, so it can leave the response headers Resin's
 * conditions leave ({@code Vary}, {@code Cache-Control}); an application's predicate is adapted
 * by {@link dev.turnpike.rules.custom.CustomCondition}.
 *
 * <p>Conditions are immutable and shared by every thread; {@link Object#toString()} renders
 * them in configuration syntax.
 */
public interface Condition {

    /** Whether the request passes. */
    boolean test(Exchange exchange);

    /**
     * Whether the answer depends only on what a shared cache keys on (method, URI, query), so a
     * response decided by it may be cached publicly.
     */
    default boolean cacheable() {
        return false;
    }
}

package dev.turnpike.rules.actions;

/** How a rule's target gets the request's query string. */
public enum QueryAppend {
    /** Never: the request keeps its parameters through the dispatcher. */
    NONE,
    /** {@code ?query} when the target has no {@code ?} of its own (Resin 4 redirects, moves). */
    IF_ABSENT,
    /** {@code ?query}, or {@code &query} when the target already has a query (Resin 3.1 redirect). */
    ALWAYS;

    /** The target with the query string added by this policy. */
    public String apply(String target, String query) {
        if (query == null || this == NONE) {
            return target;
        }
        boolean hasQuery = target.indexOf('?') >= 0;
        if (this == IF_ABSENT) {
            return hasQuery ? target : target + '?' + query;
        }
        return target + (hasQuery ? '&' : '?') + query;
    }
}

package dev.turnpike.rules;

/**
 * What a rule set decided for one request.
 *
 * <p>{@link #PASS} means no rule fired and the request continues untouched; every other
 * decision names the rule that fired.
 */
public sealed interface Decision permits Decision.Pass, Decision.SendError, Decision.Redirect {

    /** No rule fired: the request continues to the application unchanged. */
    Decision PASS = new Pass();

    /** The rule that fired, or {@code null} for {@link #PASS}. */
    Rule rule();

    /** No rule fired. */
    record Pass() implements Decision {
        @Override
        public Rule rule() {
            return null;
        }
    }

    /** Answer with an error status (and the container's error page). */
    record SendError(Rule rule, int status) implements Decision {
    }

    /**
     * Answer with a redirect.
     *
     * @param rule     the rule that fired
     * @param status   301 or 302
     * @param location the {@code Location} header value, already escaped for a header
     */
    record Redirect(Rule rule, int status, String location) implements Decision {
    }
}

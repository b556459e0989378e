package dev.turnpike.rules;

import dev.turnpike.spi.AbstractTargetDispatchRule;

/**
 * What the rules decided for one request.
 *
 * <p>{@link #PASS} means no rule fired and the request continues untouched; every other
 * decision names the rule that made it.
 */
public sealed interface Decision extends Outcome permits Decision.Pass, Decision.Dispatch, Decision.Forward,
        Decision.SendError, Decision.Redirect, Decision.Proxy, Decision.Custom {

    /** No rule fired: the request continues to the application unchanged. */
    Decision PASS = new Pass(null);

    /** The rule that decided, or {@code null} for {@link #PASS}. */
    Rule rule();

    /**
     * The request continues to the application with its own URI. With a rule (a
     * {@code Dispatch} without target) no further rules, of this level or inner ones, run.
     */
    record Pass(Rule rule) implements Decision {
    }

    /**
     * Serve the request as if it had been made for {@code target} (a path inside the current
     * web-app, possibly with a query string that replaces the request's).
     */
    record Dispatch(Rule rule, String target) implements Decision {
    }

    /**
     * Forward the request to {@code target} with the servlet request dispatcher.
     *
     * @param viaRoot whether the target is resolved by the root web-app ({@code /}) rather than
     *                the current one
     */
    record Forward(Rule rule, String target, boolean viaRoot) implements Decision {
    }

    /** Answer with an error status (and the container's error page). */
    record SendError(Rule rule, int status, String message) implements Decision {
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

    /**
     * Hand the request to a backend.
     *
     * @param rule    the rule that fired
     * @param backend which backends and how to reach them
     * @param uri       the request URI the backend sees, decoded: the request's own path, or the
     *                  substituted target (which may carry a query string)
     * @param rewritten whether {@code uri} is a substituted target rather than the request's path
     */
    record Proxy(Rule rule, BackendRoute backend, String uri, boolean rewritten) implements Decision {
    }

    /**
     * Run the chain an application's rule makes for the request.
     *
     * @param rule        the rule that fired
     * @param handler     the application's rule object
     * @param uri         the path the rule matched
     * @param queryString the request's query string, or {@code null}
     * @param target      the substituted target, or the path when the rule has no target
     */
    record Custom(Rule rule, AbstractTargetDispatchRule handler, String uri, String queryString, String target)
            implements Decision {
    }
}

package dev.turnpike.admin;

import java.util.List;

/**
 * The answer of {@code POST /turnpike/api/explain}: the request as the rules saw it, each level's
 * rules with what happened to each, the decision and the effects rules asked for.
 *
 * @param request  the request as the rules see it
 * @param levels   the levels that met the request, in order
 * @param decision what the rules decided
 * @param effects  the response headers and request changes the rules asked for, as written
 */
public record Explanation(Seen request, List<Level> levels, Outcome decision, List<String> effects) {

    /**
     * The request as the rules see it.
     *
     * @param path the canonical context-relative path the web-app level matches
     */
    public record Seen(String method, String scheme, String host, int port, String path, String query,
                       String remoteAddr, boolean secure, String user) {
    }

    /**
     * One level's rules.
     *
     * @param level   {@code server}, {@code host} or {@code web-app}
     * @param subject what its regexps were matched against
     * @param rules   its rules (nested ones after their parent), each with what happened
     */
    public record Level(String level, String subject, List<Step> rules) {
    }

    /**
     * What happened to one rule.
     *
     * @param rule       the rule as written
     * @param origin     {@code file:line:column}
     * @param name       its name, or {@code null}
     * @param result     {@code not a candidate} (its pattern cannot match, so it is not tried),
     *                   {@code not reached} (an earlier rule decided), {@code switched off},
     *                   {@code no match}, {@code condition failed}, {@code condition error},
     *                   {@code matched} (it matched but did nothing), {@code continued} or
     *                   {@code decided}
     * @param subject    the text its regexp was matched against, when tried
     * @param groups     the regexp's groups, from group 0, when it matched
     * @param conditions each condition tested, with its result
     * @param outcome    what it did, when it fired
     */
    public record Step(String rule, String origin, String name, String result, String subject, List<String> groups,
                       List<ConditionResult> conditions, String outcome) {
    }

    /**
     * A condition and how it went.
     *
     * @param result {@code passed}, {@code failed} or {@code error: ...}
     */
    public record ConditionResult(String condition, String result) {
    }

    /**
     * The decision.
     *
     * @param kind   {@code pass}, {@code dispatch}, {@code forward}, {@code send-error},
     *               {@code redirect}, {@code proxy} or {@code application-rule}
     * @param rule   the rule that decided, as written, or {@code null} when none did
     * @param origin where that rule is declared
     * @param status the HTTP status, for an error or a redirect
     * @param target the target: a path, a Location, the backend URI
     * @param backend the backends a proxy decision goes to
     */
    public record Outcome(String kind, String rule, String origin, Integer status, String target, String backend) {
    }
}

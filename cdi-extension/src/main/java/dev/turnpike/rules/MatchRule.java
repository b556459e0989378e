package dev.turnpike.rules;

import dev.turnpike.match.BoundedSubject;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one shape of every configured rule: an optional regexp, conditions, child filters and an
 * action, optionally switched on and off by name or schedule.
 *
 * <p>The rule fires when it is on, its regexp is absent or {@link Matcher#find() finds} a match
 * in the subject (for a Resin 3.1 {@code full-url-regexp}: the subject plus {@code ?query}),
 * and every condition passes (in order, short-circuit). Then its filters apply and its action
 * decides. Evaluating the conditions of a rule with a condition a cache cannot key on (for Resin
 * 3.1 rules: any condition, as Resin 4 runs them) marks the response private unless it varies
 * (Resin's "no-cache unless Vary").
 */
public final class MatchRule implements Rule {

    private static final Logger RESIN4_LOG = Logger.getLogger("com.caucho.server.rewrite.MatchFilterChain");
    private static final Logger RESIN3_LOG = Logger.getLogger("com.caucho.server.rewrite.AbstractRule");
    private static final Logger BUDGET_LOG = Logger.getLogger("dev.turnpike.match");

    private final Spec spec;
    private final Condition[] conditions;
    private final RuleFilter[] filters;
    private final boolean marksPrivate;
    private final RuleCounters counters = new RuleCounters();
    private volatile boolean warnedAboutBudget;

    /**
     * What a rule is made of.
     *
     * @param syntax     the rule as written (without its children), for logs and listings
     * @param logPrefix  Resin's log prefix for the rule: the tag name plus the regexp
     * @param resin3     whether the rule comes from a Resin 3.1 {@code <rewrite-dispatch>}
     * @param regexp     the pattern, or {@code null} for a rule that always matches
     * @param fullUrl    whether the pattern matches the subject plus {@code ?query}
     * @param conditions conditions that must all pass
     * @param filters    filters applied when the rule fires
     * @param action     what the rule does
     * @param toggle     the rule's on/off switch, or {@code null} for a rule that is always on
     * @param name       the rule's name, or {@code null}
     * @param origin     {@code file:line:column}
     */
    public record Spec(String syntax, String logPrefix, boolean resin3, Pattern regexp, boolean fullUrl,
                       List<Condition> conditions, List<RuleFilter> filters, Action action, RuleSwitch toggle,
                       String name, String origin) {
        public Spec {
            Objects.requireNonNull(syntax, "syntax");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(origin, "origin");
            conditions = List.copyOf(conditions);
            filters = List.copyOf(filters);
        }
    }

    public MatchRule(Spec spec) {
        this.spec = spec;
        this.conditions = spec.conditions().toArray(new Condition[0]);
        this.filters = spec.filters().toArray(new RuleFilter[0]);
        boolean cacheable = true;
        for (Condition condition : conditions) {
            cacheable &= condition.cacheable();
        }
        this.marksPrivate = conditions.length > 0 && (spec.resin3() || !cacheable);
    }

    @Override
    public Outcome apply(Exchange exchange, String subject) {
        Outcome outcome;
        try {
            outcome = applyWithinBudget(exchange, subject);
        } catch (BoundedSubject.BudgetExceeded e) {
            counters.failed("gave up matching a subject of " + subject.length() + " characters: the pattern"
                    + " backtracks too much");
            if (!warnedAboutBudget) {
                warnedAboutBudget = true;
                BUDGET_LOG.warning(() -> this + " (" + spec.origin() + ") gave up matching a subject of "
                        + subject.length() + " characters after reading " + BoundedSubject.BASE_BUDGET + "+ characters;"
                        + " the rule is treated as not matching such subjects. The pattern backtracks too much:"
                        + " avoid nested repetition such as (a+)+ or (.*)*. (Logged once per rule; FINE for each.)");
            }
            BUDGET_LOG.fine(() -> this + " gave up on " + subject);
            if (exchange.trace() != null) {
                exchange.trace().regexp(this, subject, null);
            }
            return null;
        }
        if (outcome != null) {
            if (exchange.trace() == null) {
                counters.hit();
            } else {
                exchange.trace().fired(this, outcome);
            }
        }
        return outcome;
    }

    private Outcome applyWithinBudget(Exchange exchange, String subject) {
        RuleTrace trace = exchange.trace();
        if (spec.toggle() != null && !spec.toggle().isEnabled()) {
            if (spec.resin3() && RESIN3_LOG.isLoggable(Level.FINEST)) {
                RESIN3_LOG.finest(spec.logPrefix() + " not enabled, no match");
            }
            if (trace != null) {
                trace.switchedOff(this);
            }
            return null;
        }
        String matched = subject;
        if (spec.fullUrl() && exchange.queryString() != null) {
            matched = subject + '?' + exchange.queryString();
        }
        if (trace != null) {
            trace.tried(this, matched);
        }
        Matcher matcher = null;
        if (spec.regexp() != null) {
            BoundedSubject bounded = new BoundedSubject(matched);
            matcher = spec.regexp().matcher(bounded);
            boolean found = matcher.find();
            bounded.refill();
            if (trace != null) {
                trace.regexp(this, matched, found ? matcher : null);
            }
            if (!found) {
                if (spec.resin3() && RESIN3_LOG.isLoggable(Level.FINEST)) {
                    RESIN3_LOG.finest(spec.logPrefix() + " does not match " + matched);
                }
                return null;
            }
        }
        if (marksPrivate) {
            exchange.privateUnlessVary();
        }
        if (conditions.length > 0) {
            for (Condition condition : conditions) {
                if (!test(condition, exchange, trace)) {
                    log(Level.FINEST, "not match", matched);
                    return null;
                }
            }
            log(Level.FINEST, "match", matched);
        }
        for (RuleFilter filter : filters) {
            filter.apply(exchange, subject);
        }
        Outcome outcome = spec.action().act(exchange, matched, matcher, this);
        if (spec.resin3() && RESIN3_LOG.isLoggable(Level.FINER)) {
            RESIN3_LOG.finer(spec.logPrefix() + " '" + matched + "' --> '" + describe(outcome) + "'");
        }
        return outcome;
    }

    /**
     * Tests one condition. One that throws is recorded as the rule's failure; a served request
     * gets the exception, a traced one takes it as the condition failing.
     */
    private boolean test(Condition condition, Exchange exchange, RuleTrace trace) {
        boolean passed;
        try {
            passed = condition.test(exchange);
        } catch (RuntimeException e) {
            if (trace == null) {
                counters.failed(condition + " threw " + e);
                throw e;
            }
            trace.conditionFailed(this, condition, e);
            return false;
        }
        if (trace != null) {
            trace.condition(this, condition, passed);
        }
        return passed;
    }

    private void log(Level level, String what, String subject) {
        Logger log = spec.resin3() ? RESIN3_LOG : RESIN4_LOG;
        if (log.isLoggable(level)) {
            log.log(level, "MatchFilterChain[test=" + List.of(conditions) + ",rule=" + spec.syntax() + "] " + what
                    + " " + subject);
        }
    }

    private static String describe(Outcome outcome) {
        if (outcome instanceof Outcome.Continue next) {
            return next.subject();
        }
        if (outcome instanceof Decision.Dispatch dispatch) {
            return dispatch.target();
        }
        if (outcome instanceof Decision.Forward forward) {
            return forward.target();
        }
        if (outcome instanceof Decision.Redirect redirect) {
            return redirect.location();
        }
        if (outcome instanceof Decision.Proxy proxy) {
            return proxy.uri();
        }
        if (outcome instanceof Decision.SendError error) {
            return String.valueOf(error.status());
        }
        if (outcome instanceof Decision.Custom custom) {
            return custom.target();
        }
        return String.valueOf(outcome);
    }

    public Spec spec() {
        return spec;
    }

    /** How often this rule fired and its last failure. */
    public RuleCounters counters() {
        return counters;
    }

    public Pattern regexp() {
        return spec.regexp();
    }

    /** The regexp, except for a full-URL regexp, which also sees the query string. */
    @Override
    public Pattern selectionPattern() {
        return spec.fullUrl() ? null : spec.regexp();
    }

    public List<Condition> conditions() {
        return spec.conditions();
    }

    @Override
    public String origin() {
        return spec.origin();
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String toString() {
        return spec.syntax();
    }
}

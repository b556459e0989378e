package dev.turnpike.rules;

import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template of every regexp dispatch rule: it matches, then hands the match to the subclass,
 * which only acts.
 *
 * <p>A rule applies when its regexp is absent or {@link Matcher#find() finds} a match anywhere in
 * the subject (patterns anchor themselves with {@code ^} and {@code $}), and every condition
 * passes, evaluated in order with short-circuit, as Resin's {@code MatchFilterChain} does.
 */
public abstract class RegexpRule implements Rule {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.rules");

    private final Pattern regexp;
    private final RequestPredicate[] conditions;
    private final String origin;

    protected RegexpRule(Pattern regexp, List<? extends RequestPredicate> conditions, String origin) {
        this.regexp = regexp;
        this.conditions = conditions.toArray(new RequestPredicate[0]);
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    @Override
    public final Decision apply(RequestView request, String subject) {
        Matcher matcher = null;
        if (regexp != null) {
            matcher = regexp.matcher(subject);
            if (!matcher.find()) {
                return null;
            }
        }
        for (RequestPredicate condition : conditions) {
            if (!condition.isMatch(request)) {
                if (LOG.isLoggable(Level.FINEST)) {
                    LOG.finest(this + " not match: " + condition + " failed for " + subject);
                }
                return null;
            }
        }
        return fire(request, subject, matcher);
    }

    /**
     * Acts on a request this rule applies to.
     *
     * @param matcher the successful match, positioned on the first match; {@code null} when the
     *                rule has no regexp
     */
    protected abstract Decision fire(RequestView request, String subject, Matcher matcher);

    /** The configuration tag of this rule, e.g. {@code resin:Forbidden}. */
    protected abstract String tag();

    /** Attributes beyond {@code regexp}, rendered with {@link ConfigSyntax#attribute}. */
    protected String extraAttributes() {
        return "";
    }

    public final Pattern regexp() {
        return regexp;
    }

    public final List<RequestPredicate> conditions() {
        return List.of(conditions);
    }

    @Override
    public final String origin() {
        return origin;
    }

    @Override
    public final String toString() {
        return ConfigSyntax.element(tag(), ConfigSyntax.attribute("regexp", regexp) + extraAttributes(),
                List.of(conditions));
    }
}

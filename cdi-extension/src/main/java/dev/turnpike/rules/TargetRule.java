package dev.turnpike.rules;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** A regexp rule with a {@link Target}: the subject with its first match replaced. */
public abstract class TargetRule extends RegexpRule {

    private final Target target;

    protected TargetRule(Pattern regexp, Target target, List<? extends RequestPredicate> conditions,
                         String origin) {
        super(regexp, conditions, origin);
        this.target = Objects.requireNonNull(target, "target");
    }

    public final Target target() {
        return target;
    }

    /** The target with the query string appended when the target has none, as Resin redirects do. */
    protected static String withQuery(String target, RequestView request) {
        String query = request.queryString();
        if (query == null || target.indexOf('?') >= 0) {
            return target;
        }
        return target + '?' + query;
    }

    @Override
    protected String extraAttributes() {
        return ConfigSyntax.attribute("target", target);
    }
}

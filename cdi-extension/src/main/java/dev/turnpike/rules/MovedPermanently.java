package dev.turnpike.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers 301 Moved Permanently. As in Resin, the {@code Location} is the target as written
 * (with the query string appended when the target has none), not made absolute; it is escaped
 * for a header like every location.
 *
 * <pre>{@code <resin:MovedPermanently regexp="^/old/(.*)" target="/new/$1"/>}</pre>
 */
public final class MovedPermanently extends TargetRule {

    public MovedPermanently(Pattern regexp, Target target, List<? extends RequestPredicate> conditions,
                            String origin) {
        super(regexp, target, conditions, origin);
    }

    @Override
    protected Decision fire(RequestView request, String subject, Matcher matcher) {
        String target = withQuery(target().resolve(matcher, subject), request);
        return new Decision.Redirect(this, 301, RedirectLocation.escape(target));
    }

    @Override
    protected String tag() {
        return "resin:MovedPermanently";
    }
}

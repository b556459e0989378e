package dev.turnpike.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers 403 Forbidden.
 *
 * <pre>{@code <resin:Forbidden regexp="^/private/"/>}</pre>
 */
public final class Forbidden extends RegexpRule {

    public Forbidden(Pattern regexp, List<? extends RequestPredicate> conditions, String origin) {
        super(regexp, conditions, origin);
    }

    @Override
    protected Decision fire(RequestView request, String subject, Matcher matcher) {
        return new Decision.SendError(this, 403);
    }

    @Override
    protected String tag() {
        return "resin:Forbidden";
    }
}

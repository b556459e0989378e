package dev.turnpike.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers 302 Found with an absolute {@code Location} built from the target, as Resin's
 * {@code sendRedirect} does (see {@link RedirectLocation}). The request's query string is
 * appended when the target has none.
 *
 * <pre>{@code <resin:Redirect regexp="^/blog/(\d+)$" target="/posts/$1"/>}</pre>
 */
public final class Redirect extends TargetRule {

    public Redirect(Pattern regexp, Target target, List<? extends RequestPredicate> conditions, String origin) {
        super(regexp, target, conditions, origin);
    }

    @Override
    protected Decision fire(RequestView request, String subject, Matcher matcher) {
        String target = withQuery(target().resolve(matcher, subject), request);
        return new Decision.Redirect(this, 302, RedirectLocation.absolute(target, request));
    }

    @Override
    protected String tag() {
        return "resin:Redirect";
    }
}

package dev.turnpike.rules.custom;

import dev.turnpike.rules.Action;
import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.Outcome;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.Target;
import dev.turnpike.spi.AbstractTargetDispatchRule;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * The action of an application's {@link AbstractTargetDispatchRule}: the web tier runs the
 * chain the rule makes for the request.
 *
 * @param handler the configured rule
 * @param target  the target, or {@code null} to hand the rule the matched path
 */
public record CustomDispatch(AbstractTargetDispatchRule handler, Target target) implements Action {

    public CustomDispatch {
        Objects.requireNonNull(handler, "handler");
    }

    @Override
    public Outcome act(Exchange exchange, String subject, Matcher matcher, Rule rule) {
        String resolved = target == null ? subject : target.resolve(matcher, subject);
        return new Decision.Custom(rule, handler, subject, exchange.queryString(), resolved);
    }
}

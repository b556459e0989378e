package dev.turnpike.rules.custom;

import dev.turnpike.rules.Condition;
import dev.turnpike.rules.Exchange;
import dev.turnpike.spi.RequestPredicate;
import java.util.Objects;

/**
 * An application's {@link RequestPredicate} as a rule condition.
 *
 * @param predicate the configured predicate
 * @param syntax    the element as written, for listings and logs
 */
public record CustomCondition(RequestPredicate predicate, String syntax) implements Condition {

    public CustomCondition {
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(syntax, "syntax");
    }

    @Override
    public boolean test(Exchange exchange) {
        return predicate.isMatch(ServletRequests.of(exchange));
    }

    @Override
    public String toString() {
        return syntax;
    }
}

package dev.turnpike.rules.conditions;

import dev.turnpike.rules.Condition;
import dev.turnpike.rules.Exchange;

/**
 * A Resin 3.1 condition ({@code <when>}) with the response header it leaves whenever it is evaluated, pass or
 * fail: {@code Vary: <header>} so caches keep one copy per value, or {@code Cache-Control:
 * private} when the answer depends on something a cache cannot key on.
 *
 * @param condition the test
 * @param vary      the header name to merge into {@code Vary}, or {@code null}
 * @param privately whether to mark the response {@code Cache-Control: private}
 * @param syntax    the condition as written, for {@code toString()}
 */
public record When(Condition condition, String vary, boolean privately, String syntax) implements Condition {

    @Override
    public boolean test(Exchange exchange) {
        if (vary != null) {
            exchange.vary(vary);
        }
        if (privately) {
            exchange.cacheControlPrivate();
        }
        return condition.test(exchange);
    }

    @Override
    public boolean cacheable() {
        return condition.cacheable();
    }

    @Override
    public String toString() {
        return syntax;
    }
}

package dev.turnpike.rules;

/**
 * A change a rule makes to the request or response on its way (Resin 4's rewrite filters:
 * {@code resin:SetHeader}, {@code resin:SetRequestSecure}, ...). As a child of a rule it applies
 * when the rule fires; at the top of a container it applies to every request whose path matches
 * its regexp and whose conditions pass, before any rule runs.
 *
 * <p>Filters are immutable and shared by every thread.
 */
@FunctionalInterface
public interface RuleFilter {

    /**
     * Records the filter's effect on the exchange.
     *
     * @param subject the path the filter's own regexp (if it has one) is matched against
     */
    void apply(Exchange exchange, String subject);
}

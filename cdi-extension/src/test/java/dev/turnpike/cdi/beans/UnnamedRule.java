package dev.turnpike.cdi.beans;

import dev.turnpike.spi.AbstractTargetDispatchRule;
import dev.turnpike.spi.TurnpikeRule;
import jakarta.enterprise.context.Dependent;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;

/** A rule declared in Java without a name, of the same order as {@link LateRule}. */
@TurnpikeRule(regexp = "^/unnamed", order = 5)
@Dependent
public class UnnamedRule extends AbstractTargetDispatchRule {

    @Override
    protected FilterChain createDispatch(DispatcherType type, String uri, String queryString, String target,
                                         FilterChain next) {
        return next;
    }
}

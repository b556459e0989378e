package dev.turnpike.cdi.beans;

import dev.turnpike.spi.AbstractTargetDispatchRule;
import dev.turnpike.spi.TurnpikeRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;

/** A rule declared in Java, after the configuration's rules; application-scoped, so used through its proxy. */
@TurnpikeRule(regexp = "^/", order = 5, name = "late")
@ApplicationScoped
public class LateRule extends AbstractTargetDispatchRule {

    @Override
    protected FilterChain createDispatch(DispatcherType type, String uri, String queryString, String target,
                                         FilterChain next) {
        return next;
    }
}

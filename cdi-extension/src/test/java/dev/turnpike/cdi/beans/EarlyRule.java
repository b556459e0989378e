package dev.turnpike.cdi.beans;

import dev.turnpike.spi.AbstractTargetDispatchRule;
import dev.turnpike.spi.TurnpikeRule;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;

/** A rule declared in Java, before the configuration's rules. */
@TurnpikeRule(regexp = "^/java/(.*)", target = "/early/$1", order = -1, name = "early")
@Dependent
public class EarlyRule extends AbstractTargetDispatchRule {

    @Inject
    Switchboard board;

    @PostConstruct
    void ready() {
        board.event("PostConstruct early");
    }

    @PreDestroy
    void gone() {
        board.event("PreDestroy early");
    }

    @Override
    protected FilterChain createDispatch(DispatcherType type, String uri, String queryString, String target,
                                         FilterChain next) {
        return next;
    }
}

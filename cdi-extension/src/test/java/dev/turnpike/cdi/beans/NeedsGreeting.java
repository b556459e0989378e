package dev.turnpike.cdi.beans;

import dev.turnpike.spi.AbstractTargetDispatchRule;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;

/** Not a bean; its constructor needs a greeting, of which there are two. */
public class NeedsGreeting extends AbstractTargetDispatchRule {

    @Inject
    public NeedsGreeting(Greeting greeting) {
    }

    @Override
    protected FilterChain createDispatch(DispatcherType type, String uri, String queryString, String target,
                                         FilterChain next) {
        return next;
    }
}

package dev.turnpike.it.cdi;

import dev.turnpike.spi.AbstractTargetDispatchRule;
import dev.turnpike.spi.TurnpikeRule;
import jakarta.enterprise.context.Dependent;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;

/** A rule declared in Java: answers its path with what it was handed. */
@TurnpikeRule(regexp = "^/declared/(.*)", target = "/in-java/$1", order = -5, name = "declared-in-java")
@Dependent
public class DeclaredInJava extends AbstractTargetDispatchRule {

    @Override
    protected FilterChain createDispatch(DispatcherType type, String uri, String queryString, String target,
                                         FilterChain next) {
        return (request, response) -> {
            response.setContentType("text/plain");
            response.getWriter().print("declared in Java: " + uri + " -> " + target);
        };
    }
}

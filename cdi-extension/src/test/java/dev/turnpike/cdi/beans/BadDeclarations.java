package dev.turnpike.cdi.beans;

import dev.turnpike.spi.AbstractTargetDispatchRule;
import dev.turnpike.spi.RequestPredicate;
import dev.turnpike.spi.TurnpikeRule;
import jakarta.enterprise.context.Dependent;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;

/** Rule declarations that must fail the deployment. */
public final class BadDeclarations {

    private BadDeclarations() {
    }

    /** Its regexp does not compile. */
    @TurnpikeRule(regexp = "^/(unclosed", name = "bad")
    @Dependent
    public static class BadRegexp extends AbstractTargetDispatchRule {
        @Override
        protected FilterChain createDispatch(DispatcherType type, String uri, String queryString, String target,
                                             FilterChain next) {
            return next;
        }
    }

    /** A predicate is no rule. */
    @TurnpikeRule(regexp = "^/")
    @Dependent
    public static class NotARule implements RequestPredicate {
        @Override
        public boolean isMatch(HttpServletRequest request) {
            return true;
        }
    }
}

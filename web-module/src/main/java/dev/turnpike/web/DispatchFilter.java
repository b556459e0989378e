package dev.turnpike.web;

import dev.turnpike.cdi.LiveRules;
import dev.turnpike.rules.Decision;
import dev.turnpike.rules.RuleSet;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Applies the live rule set to every request dispatched from the client (not to forwards or
 * includes, as Resin's {@code resin:*} rules).
 *
 * <p>Each request reads one rule-set snapshot. When no rule fires the request continues down the
 * chain untouched. When no configuration has loaded yet (the first load failed), every request
 * answers 503, except Turnpike's own status pages, which show why.
 */
@WebFilter(filterName = "TurnpikeDispatchFilter", urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST,
        asyncSupported = true)
public class DispatchFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LiveRules live;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RuleSet rules = live.current();
        if (rules == null) {
            if (StatusPaths.isStatus(request)) {
                chain.doFilter(request, response);
            } else {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "Turnpike has no rules loaded: the configuration has errors (see /caucho-status)");
            }
            return;
        }
        Decision decision = rules.evaluate(new ServletRequestView(request));
        if (decision == Decision.PASS) {
            chain.doFilter(request, response);
        } else {
            DecisionWriter.write(decision, response);
        }
    }
}

package dev.turnpike.web;

import dev.turnpike.cdi.EndpointTrust;
import dev.turnpike.cdi.LiveRules;
import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.spi.BackendHandler;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Applies the live rule set to every request dispatched from the client (not to forwards or
 * includes, as Resin's {@code resin:*} rules).
 *
 * <p>Each request reads one rule-set snapshot. The effects rules leave on the way (headers, a
 * secure flag) are applied, then the decision is carried out; when no rule decided the request
 * continues down the chain. When no configuration has loaded yet (the first load failed), every
 * request answers 503, except Turnpike's own status pages, which show why.
 *
 * <p>The subject web-app rules see is the context-relative path the container decoded and
 * normalised ({@link ServletRequestView#contextRelativePath}); a path that still holds a control
 * character, a backslash or bytes that were not UTF-8 is answered 400 before any rule runs
 * ({@link ServletRequestView#ambiguity}).
 */
@WebFilter(filterName = "TurnpikeDispatchFilter", urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST,
        asyncSupported = true)
public class DispatchFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("dev.turnpike.web");

    @Inject
    transient LiveRules live;

    @Inject
    transient Instance<BackendHandler> connectors;

    @Inject
    transient EndpointTrust trust;

    private transient volatile BackendHandler backends;

    /** The connectors' handler when they are deployed (the EJB module), else one that answers 503. */
    private BackendHandler backends() {
        BackendHandler found = backends;
        if (found == null) {
            found = connectors.isResolvable() ? connectors.get() : new UnavailableBackends();
            backends = found;
        }
        return found;
    }

    @Override
    protected void doFilter(HttpServletRequest received, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = EndpointRequests.of(received, trust);
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
        ServletRequestView view = new ServletRequestView(request, getServletContext());
        String ambiguity = ServletRequestView.ambiguity(view.path());
        if (ambiguity != null) {
            LOG.fine(() -> "refused " + request.getRequestURI() + " with 400: " + ambiguity);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Exchange exchange = new Exchange(view);
        Decision decision = rules.evaluate(exchange);
        HttpServletRequest effectiveRequest = Effects.request(request, exchange);
        HttpServletResponse effectiveResponse = Effects.response(response, exchange);
        FilterChain handling = decision instanceof Decision.Pass ? chain
                : (req, res) -> DecisionWriter.write(decision, (HttpServletRequest) req, (HttpServletResponse) res,
                chain, backends());
        ApplicationFilters.around(exchange.wrappers(), getServletContext(), handling)
                .doFilter(effectiveRequest, effectiveResponse);
        Effects.finish(effectiveResponse);
    }
}

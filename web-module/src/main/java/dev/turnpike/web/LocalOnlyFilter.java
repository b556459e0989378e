package dev.turnpike.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps {@code /caucho-status} and the status API to clients on this machine, as mod_caucho's
 * status page is by default: they show the configuration, which is nobody else's business.
 */
@WebFilter(filterName = "TurnpikeLocalOnlyFilter", urlPatterns = {"/caucho-status", "/turnpike/api/*"},
        asyncSupported = true)
public class LocalOnlyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.REQUEST && !StatusPaths.fromLoopback(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Turnpike status is available from this machine only");
            return;
        }
        chain.doFilter(request, response);
    }
}

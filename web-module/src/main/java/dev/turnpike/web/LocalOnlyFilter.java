package dev.turnpike.web;

import dev.turnpike.cdi.EndpointTrust;
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
 * Keeps {@code /caucho-status} and Turnpike's page and API to clients on this machine, as mod_caucho's
 * status page is by default: they show the configuration, which is nobody else's business.
 * {@value StatusAccess#PROPERTY} opens them to other networks ({@link StatusAccess}); a value
 * that names no network is logged and leaves them to this machine.
 */
@WebFilter(filterName = "TurnpikeLocalOnlyFilter", urlPatterns = {"/caucho-status", "/turnpike/*"},
        asyncSupported = true)
public class LocalOnlyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("dev.turnpike.web");

    private transient StatusAccess access = StatusAccess.LOOPBACK_ONLY;

    @Inject
    transient EndpointTrust trust;

    @Override
    public void init() {
        try {
            access = StatusAccess.of(System.getProperty(StatusAccess.PROPERTY));
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage() + "; the status pages answer clients on this machine only");
            access = StatusAccess.LOOPBACK_ONLY;
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String client = EndpointRequests.of(request, trust).getRemoteAddr();
        if (request.getDispatcherType() == DispatcherType.REQUEST && (client == null || !access.allows(client))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Turnpike status is available from "
                    + access.description() + " (" + StatusAccess.PROPERTY + " opens it to other networks)");
            return;
        }
        chain.doFilter(request, response);
    }
}

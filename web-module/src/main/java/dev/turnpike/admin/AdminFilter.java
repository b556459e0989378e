package dev.turnpike.admin;

import dev.turnpike.cdi.EndpointTrust;
import dev.turnpike.net.IpNetworks;
import dev.turnpike.web.EndpointRequests;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets only administrators use Turnpike's page and API ({@link AdminAccess}): asks the container
 * to authenticate the client (HTTP Basic, {@code WEB-INF/web.xml}), answers 403 to a user without
 * the role, and refuses a state-changing call without its CSRF token ({@link CsrfGuard}).
 *
 * <p>Reading calls are GET and HEAD, and the POSTs that change nothing: explaining a request and
 * checking a configuration. Which network may reach the API at all is the status filter's
 * business ({@code turnpike.status.allow}).
 */
@WebFilter(filterName = "TurnpikeAdminFilter", urlPatterns = "/turnpike/*", asyncSupported = true)
public class AdminFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("dev.turnpike.admin");
    private static final IpNetworks LOOPBACK = IpNetworks.parse("127.0.0.0/8 ::1/128");
    private static final Set<String> READING_POSTS = Set.of("/turnpike/api/explain", "/turnpike/api/config/check");
    private static final String API = "/turnpike/api/";
    private static final String CSRF_PATH = API + "csrf";
    /** The realm of {@code WEB-INF/web.xml}'s login configuration. */
    private static final String REALM = "Turnpike";

    private transient AdminAccess access = AdminAccess.of(null);

    @Inject
    transient EndpointTrust trust;

    @Inject
    transient CsrfGuard csrf;

    @Override
    public void init() {
        String setting = System.getProperty(AdminAccess.ANONYMOUS_READ,
                getServletContext().getInitParameter(AdminAccess.ANONYMOUS_READ));
        try {
            access = AdminAccess.of(setting);
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage() + "; Turnpike's page and API ask everybody to log in");
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean reading = reading(request.getMethod(), path);
        String client = EndpointRequests.of(request, trust).getRemoteAddr();
        boolean loopback = client != null && LOOPBACK.contains(client);
        Principal user = request.getUserPrincipal();
        AdminAccess.Verdict verdict = access.decide(user != null, user != null && request.isUserInRole(AdminAccess.ROLE),
                reading && !path.equals(CSRF_PATH), loopback);
        if (verdict == AdminAccess.Verdict.AUTHENTICATE) {
            if (!authenticate(request, response)) {
                return;
            }
            user = request.getUserPrincipal();
            verdict = access.decide(true, request.isUserInRole(AdminAccess.ROLE), reading, loopback);
        }
        if (verdict == AdminAccess.Verdict.FORBIDDEN) {
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "Turnpike's page and API need the role "
                    + AdminAccess.ROLE + "; " + user.getName() + " does not have it");
            return;
        }
        if (!reading) {
            String refusal = user == null ? "a state-changing call needs a logged-in administrator"
                    : csrf.refusal(request, user.getName());
            if (refusal != null) {
                LOG.warning(() -> "refused " + request.getMethod() + " " + path + " from " + client + ": " + refusal);
                refuse(request, response, HttpServletResponse.SC_FORBIDDEN, refusal);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Asks the container to authenticate; {@code false} when it answered the client (401 with the
     * Basic challenge of {@code WEB-INF/web.xml}, added here when the container left it out).
     */
    private static boolean authenticate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (request.authenticate(response) && request.getUserPrincipal() != null) {
                return true;
            }
        } catch (ServletException e) {
            LOG.log(Level.FINE, "the container did not authenticate the client", e);
        }
        if (!response.isCommitted()) {
            if (!response.containsHeader("WWW-Authenticate")) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            }
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Turnpike's page and API need a login");
        }
        return false;
    }

    /**
     * Answers a refusal: for the API the same JSON body as its own errors ({@link ApiError}), so
     * a client and the page can show the reason; for the page the container's error page.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(API)) {
            response.sendError(status, message);
            return;
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder().add("status", status).add("message", message)
                .add("details", Json.createArrayBuilder()).build().toString());
    }

    static boolean reading(String method, String path) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || method.equals("POST") && READING_POSTS.contains(path);
    }
}

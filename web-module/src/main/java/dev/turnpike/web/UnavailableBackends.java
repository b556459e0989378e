package dev.turnpike.web;

import dev.turnpike.spi.BackendHandler;
import dev.turnpike.rules.BackendRoute;
import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Rule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The backend handler used while no backend connector is installed: answers 503 and says why,
 * once per rule at WARNING and then at FINE.
 */
final class UnavailableBackends implements BackendHandler {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.web");

    private final Set<Rule> warned = ConcurrentHashMap.newKeySet();

    @Override
    public void handle(Decision.Proxy decision, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Rule rule = decision.rule();
        String message = rule + " (" + rule.origin() + ") would send " + decision.uri() + " to "
                + decision.backend().kind() + " backend " + describe(decision) + ", but this Turnpike build has no "
                + decision.backend().kind() + " connector; answering 503";
        LOG.log(warned.add(rule) ? Level.WARNING : Level.FINE, message);
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "No " + decision.backend().kind()
                + " connector is installed for this rule");
    }

    private static String describe(Decision.Proxy decision) {
        if (decision.backend() instanceof BackendRoute.Http http) {
            return String.join(" ", http.addresses());
        }
        if (decision.backend() instanceof BackendRoute.FastCgi fastCgi) {
            return String.join(" ", fastCgi.addresses());
        }
        return "cluster " + ((BackendRoute.Cluster) decision.backend()).cluster();
    }
}

package dev.turnpike.proxy;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.balance.Backend;
import dev.turnpike.balance.BackendState;
import dev.turnpike.balance.RetryPolicy;
import dev.turnpike.cdi.LiveRules;
import dev.turnpike.rules.BackendConfig;
import dev.turnpike.rules.BackendRoute;
import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.spi.BackendHandler;
import dev.turnpike.spi.BackendStatus;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turnpike's backend connectors behind one {@link BackendHandler}: the dispatch filter hands
 * every proxying decision here, and the decision's route says which connector serves it.
 *
 * <ul>
 *   <li>{@code resin:LoadBalance} / {@code <load-balance>}: the named HMUX cluster of the
 *       configuration ({@link ClusterRegistry}), balanced and retried by the {@link Forwarder};</li>
 *   <li>{@code resin:HttpProxy}: the rule's HTTP/1.1 backends ({@link ProxyGroups}), balanced and
 *       retried the same way, without stickiness;</li>
 *   <li>{@code resin:FastCgiProxy}: the rule's FastCGI applications (php-fpm, php-cgi), the same
 *       way, each request mapped to a script by its path ({@link CgiMapping}).</li>
 * </ul>
 * Failures the browser must hear about are answered with the status the forwarder chose and a
 * message with a stable code, logged at WARNING.
 */
@ApplicationScoped
public class Connectors implements BackendHandler {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.proxy");

    @Inject
    LiveRules live;

    private final ClusterRegistry clusters = new ClusterRegistry(InstantSource.system());
    private final ProxyGroups proxies = new ProxyGroups(InstantSource.system());
    private final Forwarder forwarder = new Forwarder(RetryPolicy.RECOMMENDED, InstantSource.system());
    private final Set<Rule> warned = ConcurrentHashMap.newKeySet();

    /** The clusters serving now, updated to the live configuration. */
    public ClusterRegistry clusters() {
        RuleSet rules = live.current();
        if (rules != null) {
            clusters.update(rules.clusters());
        }
        return clusters;
    }

    @Override
    public void handle(Decision.Proxy decision, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (decision.backend() instanceof BackendRoute.Cluster route) {
            balance(decision, route, request, response);
        } else {
            proxy(decision, request, response);
        }
    }

    private void proxy(Decision.Proxy decision, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        BackendRequest backendRequest = ServletRequests.backendRequest(request, decision);
        if (decision.backend() instanceof BackendRoute.FastCgi) {
            String problem = CgiMapping.problem(backendRequest.path());
            if (problem != null) {
                LOG.fine(() -> backendRequest + ": not sent to FastCGI: " + problem);
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "TPF0006 no script for this path: " + problem);
                return;
            }
        }
        BalancedCluster group;
        try {
            group = proxies.group(live.current(), decision.backend(), () -> webApp(request));
        } catch (IllegalArgumentException e) {
            unavailable(decision, response, e.getMessage());
            return;
        }
        forward(group, backendRequest, request, response);
    }

    private static ProxyGroups.WebApp webApp(HttpServletRequest request) {
        return new ProxyGroups.WebApp(request.getContextPath(), request.getServletContext().getRealPath("/"));
    }

    private void balance(Decision.Proxy decision, BackendRoute.Cluster route, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        BalancedCluster cluster;
        try {
            cluster = clusters().route(route);
        } catch (IllegalArgumentException e) {
            unavailable(decision, response, e.getMessage());
            return;
        }
        forward(cluster, ServletRequests.backendRequest(request, decision), request, response);
    }

    private void forward(BalancedCluster cluster, BackendRequest backendRequest, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Forwarded result = forwarder.forward(cluster, backendRequest,
                cluster.cluster().stickyKey(ServletRequests.stickyRequest(request)), new ServletResponseSink(response));
        answer(result, backendRequest, response);
    }

    static void answer(Forwarded result, BackendRequest request, HttpServletResponse response) throws IOException {
        if (result instanceof Forwarded.Failed failed) {
            LOG.warning(() -> request + ": " + failed.message() + "; answering " + failed.status());
            if (!response.isCommitted()) {
                response.resetBuffer();
                response.sendError(failed.status(), failed.message());
            }
        } else if (result instanceof Forwarded.Broken broken) {
            LOG.warning(() -> request + ": " + broken.message() + "; the response had started, cutting it");
            throw new IOException("TPB0008 the backend failed during the response: " + broken.message());
        } else if (result instanceof Forwarded.ClientGone gone) {
            LOG.fine(() -> request + ": the browser went away: " + gone.message());
        }
    }

    private void unavailable(Decision.Proxy decision, HttpServletResponse response, String why) throws IOException {
        Rule rule = decision.rule();
        LOG.log(warned.add(rule) ? Level.WARNING : Level.FINE, () -> rule + " (" + rule.origin() + ") sends "
                + decision.uri() + " to " + decision.backend().kind() + " backends, but " + why + "; answering 503");
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, why);
    }

    @Override
    public List<BackendStatus> backends() {
        List<BackendStatus> all = new ArrayList<>();
        Map<String, List<Backend>> groups = new LinkedHashMap<>(clusters().backends());
        groups.putAll(proxies.backends());
        for (Map.Entry<String, List<Backend>> cluster : groups.entrySet()) {
            int index = 0;
            for (Backend backend : cluster.getValue()) {
                BackendConfig config = backend.config();
                BackendState state = backend.state();
                all.add(new BackendStatus(cluster.getKey(), index++, config.id(), config.address(), config.port(),
                        config.backup(), state.lifecycle().name(), state.isFailed(), backend.pool().active(),
                        backend.pool().idle(), state.failCount(), state.lastFailure(),
                        Duration.ofMillis(state.recoverTimeLeft()), config.connectTimeout(), config.idleTime(),
                        config.recoverTime(), config.socketTimeout()));
            }
        }
        return all;
    }

    @PreDestroy
    void close() {
        clusters.close();
        proxies.close();
    }
}

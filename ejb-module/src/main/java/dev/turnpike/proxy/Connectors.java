package dev.turnpike.proxy;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.balance.Backend;
import dev.turnpike.balance.BackendMeter;
import dev.turnpike.balance.BackendState;
import dev.turnpike.balance.FailureKind;
import dev.turnpike.balance.LatencyHistogram;
import dev.turnpike.balance.RetryPolicy;
import dev.turnpike.cdi.LiveRules;
import dev.turnpike.rules.BackendConfig;
import dev.turnpike.rules.BackendRoute;
import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.spi.BackendChange;
import dev.turnpike.spi.BackendControl;
import dev.turnpike.spi.BackendHandler;
import dev.turnpike.spi.BackendMetrics;
import dev.turnpike.spi.BackendStatus;
import dev.turnpike.spi.NoSuchBackendException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>As the {@link BackendControl}, it shows every backend with its counts and applies the
 * operator's changes (see that interface for how servers are named and what survives a reload),
 * and keeps a {@link BackendMXBean} registered for each backend ({@link BackendMBeans}).
 */
@ApplicationScoped
public class Connectors implements BackendHandler, BackendControl {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.proxy");

    /** The failure kinds as {@link BackendMetrics#failuresByKind()} names them, in its order. */
    private static final Map<FailureKind, String> KIND_NAMES = Map.of(FailureKind.CONNECT, "connect",
            FailureKind.IO, "io", FailureKind.BUSY, "busy", FailureKind.STALE_POOLED, "stale-pooled");
    private static final List<FailureKind> KIND_ORDER = List.of(FailureKind.CONNECT, FailureKind.IO,
            FailureKind.BUSY, FailureKind.STALE_POOLED);
    private static final List<Double> BOUNDS = Arrays.stream(LatencyHistogram.BOUNDS_SECONDS).boxed().toList();

    @Inject
    LiveRules live;

    private final BackendMBeans mbeans = new BackendMBeans(this);
    private final ClusterRegistry clusters = new ClusterRegistry(InstantSource.system(), this::backendsChanged);
    private final ProxyGroups proxies = new ProxyGroups(InstantSource.system(), this::backendsChanged);
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
        String refusal = ServletRequests.refusal(request);
        if (refusal != null) {
            LOG.warning(() -> "TPB0012 " + request.getMethod() + " " + request.getRequestURI() + " from "
                    + request.getRemoteAddr() + " is not forwarded: " + refusal + "; answering 400");
            response.sendError(HttpServletResponse.SC_BAD_REQUEST,
                    "TPB0012 the request cannot be forwarded unambiguously");
            return;
        }
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
        for (Map.Entry<String, List<Backend>> cluster : groups().entrySet()) {
            int index = 0;
            for (Backend backend : cluster.getValue()) {
                all.add(status(cluster.getKey(), index++, backend));
            }
        }
        return all;
    }

    @Override
    public Optional<BackendStatus> backend(String cluster, String server) {
        try {
            return Optional.of(locate(cluster, server).get(0).status());
        } catch (NoSuchBackendException e) {
            return Optional.empty();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>When proxy rules with the same addresses but other settings make two groups of one name,
     * the change applies to the server in each.
     */
    @Override
    public BackendStatus change(String cluster, String server, BackendChange change) {
        List<Located> found = locate(cluster, server);
        for (Located located : found) {
            Backend backend = located.backend();
            String before = backend.state().lifecycle() + " weight " + backend.weight();
            apply(backend, change);
            LOG.info(() -> "server '" + backend.config().id() + "' of cluster '" + cluster + "': " + change
                    + " (was " + before + ", now " + backend.state().lifecycle() + " weight " + backend.weight() + ")");
        }
        return found.get(0).status();
    }

    private static void apply(Backend backend, BackendChange change) {
        if (change instanceof BackendChange.Enable) {
            backend.start();
        } else if (change instanceof BackendChange.Disable) {
            backend.stop();
        } else if (change instanceof BackendChange.Drain) {
            backend.drain();
        } else if (change instanceof BackendChange.Weight weight) {
            backend.weight(weight.weight());
        }
    }

    @Override
    public List<BackendMetrics> metrics() {
        List<BackendMetrics> all = new ArrayList<>();
        for (Map.Entry<String, List<Backend>> cluster : groups().entrySet()) {
            for (Backend backend : cluster.getValue()) {
                all.add(metrics(cluster.getKey(), backend));
            }
        }
        return all;
    }

    /** The serving clusters, then the proxy groups in use, by name. */
    private Map<String, List<Backend>> groups() {
        Map<String, List<Backend>> groups = new LinkedHashMap<>(clusters().backends());
        groups.putAll(proxies.backends());
        return groups;
    }

    /** A server found by name: its cluster, its position there and its backend. */
    private record Located(String cluster, int index, Backend backend) {
        BackendStatus status() {
            return Connectors.status(cluster, index, backend);
        }
    }

    /**
     * Every backend named {@code server} in the clusters or proxy groups named {@code cluster}: by
     * server id, or by {@code address:port} when no server has that id.
     *
     * @throws NoSuchBackendException if there is none, naming the clusters or servers there are
     */
    private List<Located> locate(String cluster, String server) {
        List<List<Backend>> lists = new ArrayList<>();
        List<Backend> members = clusters().backends().get(cluster);
        if (members != null) {
            lists.add(members);
        }
        lists.addAll(proxies.named(cluster));
        if (lists.isEmpty()) {
            throw new NoSuchBackendException(cluster, null, "TPB0009 no cluster '" + cluster
                    + "' serves now (known: " + String.join(", ", groups().keySet()) + ")");
        }
        List<Located> byId = new ArrayList<>();
        List<Located> byAddress = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (List<Backend> list : lists) {
            for (int i = 0; i < list.size(); i++) {
                BackendConfig config = list.get(i).config();
                if (config.id().equals(server)) {
                    byId.add(new Located(cluster, i, list.get(i)));
                } else if ((config.address() + ":" + config.port()).equals(server)) {
                    byAddress.add(new Located(cluster, i, list.get(i)));
                }
                known.add(config.id());
            }
        }
        if (!byId.isEmpty()) {
            return byId;
        }
        if (!byAddress.isEmpty()) {
            return byAddress;
        }
        throw new NoSuchBackendException(cluster, server, "TPB0010 no server '" + server + "' in cluster '" + cluster
                + "' (known: " + String.join(", ", known.stream().distinct().toList()) + ")");
    }

    static BackendStatus status(String cluster, int index, Backend backend) {
        BackendConfig config = backend.config();
        BackendState state = backend.state();
        BackendMeter meter = backend.meter();
        long failures = meter.failures();
        long requests = meter.latency().count();
        return new BackendStatus(cluster, index, config.id(), config.address(), config.port(),
                config.backup(), state.lifecycle().name(), state.isFailed(), backend.pool().active(),
                backend.pool().idle(), state.failCount(), state.lastFailure(),
                Duration.ofMillis(state.recoverTimeLeft()), config.connectTimeout(), config.idleTime(),
                config.recoverTime(), config.socketTimeout(), backend.weight(), requests, failures);
    }

    static BackendMetrics metrics(String cluster, Backend backend) {
        Map<FailureKind, Long> failures = backend.meter().failuresByKind();
        LatencyHistogram.Snapshot latency = backend.meter().latency();
        Map<String, Long> byKind = new LinkedHashMap<>();
        long total = 0;
        for (FailureKind kind : KIND_ORDER) {
            byKind.put(KIND_NAMES.get(kind), failures.get(kind));
            total += failures.get(kind);
        }
        return new BackendMetrics(cluster, backend.config().id(), backend.pool().active(), latency.count(), total,
                byKind, BOUNDS, Arrays.stream(latency.cumulative()).boxed().toList(), latency.sumSeconds());
    }

    /** Follows the backends with their MBeans; called under the lock of whichever changed them. */
    private void backendsChanged() {
        synchronized (mbeans) {
            List<BackendMBeans.ServerName> names = new ArrayList<>();
            Map<String, List<Backend>> groups = new LinkedHashMap<>(clusters.backends());
            groups.putAll(proxies.backends());
            groups.forEach((cluster, backends) -> backends.forEach(
                    backend -> names.add(new BackendMBeans.ServerName(cluster, backend.config().id()))));
            mbeans.sync(names);
        }
    }

    @PreDestroy
    void close() {
        clusters.close();
        proxies.close();
        mbeans.unregisterAll();
    }
}

package dev.turnpike.proxy;

import dev.turnpike.balance.Backend;
import dev.turnpike.balance.Cluster;
import dev.turnpike.balance.LeastConnection;
import dev.turnpike.balance.RoundRobin;
import dev.turnpike.balance.Stickiness;
import dev.turnpike.config.Period;
import dev.turnpike.proxy.fastcgi.FastCgiClient;
import dev.turnpike.proxy.fastcgi.FastCgiSettings;
import dev.turnpike.proxy.http.HttpBackendClient;
import dev.turnpike.proxy.http.HttpProxySettings;
import dev.turnpike.rules.BackendConfig;
import dev.turnpike.rules.BackendRoute;
import dev.turnpike.rules.RuleSet;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The backends of the {@code resin:HttpProxy} and {@code resin:FastCgiProxy} rules: each rule's
 * address list, with its settings, is one group balanced like a cluster, without stickiness. Rules
 * with equal addresses and settings share a group.
 *
 * <p>Groups live as long as rules use them: when the rule set changes, a group the new rules ask
 * for is carried over with its state and connections; groups left unused through a whole rule
 * set generation are closed when the next one starts. A group is named by its kind and addresses
 * ({@code http 10.0.0.1:8080 10.0.0.2:8080}); a new group named like a live one (the same addresses
 * with other settings) starts each server with the live one's counts and operator changes
 * ({@link Backend#takeOver}).
 */
final class ProxyGroups implements AutoCloseable {

    /** Resin's HTTP proxy defaults (resin-spec 2.6): connect 5 s, read 30 s, idle 2 s. */
    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration SOCKET = Duration.ofSeconds(30);
    private static final Duration IDLE = Duration.ofSeconds(2);

    private final InstantSource clock;
    private final Runnable changed;
    private volatile Generation generation = new Generation(null);
    private Map<BackendRoute, BalancedCluster> previous = new HashMap<>();

    /**
     * The web-app the proxy rules serve, for FastCGI scripts: its context path and its directory
     * ({@code null} when it has none on disk).
     */
    record WebApp(String contextPath, String directory) {
    }

    /** The groups the rules of one rule set asked for so far. */
    private record Generation(RuleSet rules, Map<BackendRoute, BalancedCluster> groups) {
        Generation(RuleSet rules) {
            this(rules, new ConcurrentHashMap<>());
        }
    }

    ProxyGroups(InstantSource clock) {
        this(clock, () -> {
        });
    }

    /**
     * @param changed run, under the lock of this object, after a group was opened or closed: what
     *                follows the backends (their MBeans)
     */
    ProxyGroups(InstantSource clock, Runnable changed) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    /**
     * The group of an HTTP or FastCGI proxy rule of {@code rules}; without a lock once the group is
     * made.
     *
     * @param webApp where the rules serve, asked for when a FastCGI group is made
     * @throws IllegalArgumentException if a FastCGI group has no document root to send
     */
    BalancedCluster group(RuleSet rules, BackendRoute route, Supplier<WebApp> webApp) {
        Generation current = generation;
        if (current.rules() == rules) {
            BalancedCluster group = current.groups().get(route);
            if (group != null) {
                return group;
            }
        }
        return make(rules, route, webApp);
    }

    private synchronized BalancedCluster make(RuleSet rules, BackendRoute route, Supplier<WebApp> webApp) {
        Generation current = generation;
        boolean closed = false;
        if (current.rules() != rules) {
            closed = !previous.isEmpty();
            previous.values().forEach(ProxyGroups::closeAll);
            previous = new HashMap<>(current.groups());
            current = new Generation(rules);
            generation = current;
        }
        BalancedCluster group = current.groups().get(route);
        if (group == null) {
            group = previous.remove(route);
            if (group == null) {
                group = route instanceof BackendRoute.FastCgi fastCgi ? openFastCgi(fastCgi, webApp.get())
                        : openHttp((BackendRoute.Http) route);
            }
            current.groups().put(route, group);
            changed.run();
        } else if (closed) {
            changed.run();
        }
        return group;
    }

    /** Every member of every group in use, by a name made of its addresses. */
    Map<String, List<Backend>> backends() {
        Map<String, List<Backend>> all = new LinkedHashMap<>();
        for (BalancedCluster group : generation.groups().values()) {
            all.put(group.cluster().id(), group.cluster().backends());
        }
        return all;
    }

    /**
     * The members of every open group named {@code id}, group by group: those of the current rule
     * set first, then those of the previous one that the current rules have not asked for yet.
     */
    synchronized List<List<Backend>> named(String id) {
        List<List<Backend>> found = new ArrayList<>();
        for (BalancedCluster group : generation.groups().values()) {
            if (group.id().equals(id)) {
                found.add(group.cluster().backends());
            }
        }
        for (BalancedCluster group : previous.values()) {
            if (group.id().equals(id)) {
                found.add(group.cluster().backends());
            }
        }
        return found;
    }

    @Override
    public synchronized void close() {
        generation.groups().values().forEach(ProxyGroups::closeAll);
        previous.values().forEach(ProxyGroups::closeAll);
        generation = new Generation(null);
        previous = new HashMap<>();
        changed.run();
    }

    private BalancedCluster openHttp(BackendRoute.Http route) {
        Map<String, String> settings = route.settings();
        HttpProxySettings.Builder http = HttpProxySettings.builder()
                .connectTimeout(period(settings, "connect-timeout", CONNECT))
                .socketTimeout(period(settings, "socket-timeout", SOCKET))
                .idleTime(period(settings, "idle-time", IDLE))
                .preserveHost(Boolean.parseBoolean(settings.getOrDefault("preserve-host", "true")));
        if (settings.containsKey("trusted-proxies")) {
            http.trustedProxies(settings.get("trusted-proxies"));
        }
        HttpProxySettings clientSettings = http.build();
        return balanced("http", route.addresses(), settings, clientSettings.connectTimeout(),
                clientSettings.socketTimeout(), clientSettings.idleTime(), socket -> {
                    HttpBackendClient client = new HttpBackendClient(socket, clientSettings);
                    return new PooledConnector(client.pool(),
                            (request, sink) -> !client.exchange(request, sink).reusedConnection(), client.toString());
                });
    }

    private BalancedCluster openFastCgi(BackendRoute.FastCgi route, WebApp webApp) {
        Map<String, String> settings = route.settings();
        String root = settings.getOrDefault("document-root", webApp.directory());
        if (root == null) {
            throw new IllegalArgumentException("the rule gives no document-root and the web-app has no directory"
                    + " on disk to send as one; set document-root to the directory the FastCGI server reads"
                    + " scripts from");
        }
        CgiMapping mapping = new CgiMapping(root, webApp.contextPath(),
                settings.getOrDefault("script-extension", ".php"), settings.getOrDefault("index", "index.php"));
        FastCgiSettings clientSettings = FastCgiSettings.builder()
                .connectTimeout(period(settings, "connect-timeout", CONNECT))
                .socketTimeout(period(settings, "socket-timeout", SOCKET))
                .idleTime(period(settings, "idle-time", FastCgiSettings.DEFAULT.idleTime()))
                .build();
        return balanced("fastcgi", route.addresses(), settings, clientSettings.connectTimeout(),
                clientSettings.socketTimeout(), clientSettings.idleTime(), socket -> {
                    FastCgiClient client = new FastCgiClient(socket, clientSettings);
                    return new PooledConnector(client.pool(), (request, sink) -> !client
                            .exchange(request, mapping.params(request), sink).reusedConnection(), client.toString());
                });
    }

    /** One connector per address, balanced by the rule's strategy, as the group named by its kind. */
    private BalancedCluster balanced(String kind, List<String> addresses, Map<String, String> settings,
            Duration connectTimeout, Duration socketTimeout, Duration idleTime,
            Function<InetSocketAddress, Connector> connector) {
        String id = kind + " " + String.join(" ", addresses);
        List<List<Backend>> predecessors = named(id);
        Map<Backend, Member> members = new LinkedHashMap<>();
        for (String address : addresses) {
            InetSocketAddress socket = socketAddress(address);
            BackendConfig.Builder config = BackendConfig.builder(address, socket.getHostString(), socket.getPort())
                    .connectTimeout(connectTimeout)
                    .socketTimeout(socketTimeout)
                    .idleTime(idleTime)
                    .recoverTime(period(settings, "recover-time",
                            period(settings, "fail-recover-time", Duration.ofSeconds(15))))
                    .busyRecoverTime(period(settings, "busy-recover-time", Duration.ofSeconds(15)))
                    .warmupTime(period(settings, "warmup-time", Duration.ofSeconds(60)));
            if (settings.containsKey("weight")) {
                config.weight(Integer.parseInt(settings.get("weight").trim()));
            }
            Backend previous = predecessor(predecessors, address);
            Backend backend = previous == null ? new Backend(config.build(), clock)
                    : new Backend(config.build(), clock, previous.meter());
            backend.start();
            if (previous != null) {
                backend.takeOver(previous);
            }
            members.put(backend, new Member(backend, connector.apply(socket)));
        }
        String strategy = settings.getOrDefault("strategy", "round-robin");
        Cluster cluster = new Cluster(id, new ArrayList<>(members.keySet()),
                strategy.equals("least-connection") ? new LeastConnection() : new RoundRobin(), Stickiness.OFF, false);
        return new BalancedCluster(cluster, members);
    }

    /** The server {@code address} of the first live group with the same name, or {@code null}. */
    private static Backend predecessor(List<List<Backend>> groups, String address) {
        for (List<Backend> group : groups) {
            for (Backend backend : group) {
                if (backend.config().id().equals(address)) {
                    return backend;
                }
            }
        }
        return null;
    }

    private static Duration period(Map<String, String> settings, String name, Duration fallback) {
        String value = settings.get(name);
        return value == null ? fallback : Period.parse(value);
    }

    /** {@code host:port} or {@code [v6]:port}, as the configuration checked it. */
    static InetSocketAddress socketAddress(String address) {
        int colon = address.lastIndexOf(':');
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host, Integer.parseInt(address.substring(colon + 1)));
    }

    private static void closeAll(BalancedCluster group) {
        group.members().values().forEach(Member::close);
    }
}

package dev.turnpike.proxy;

import dev.turnpike.balance.Backend;
import dev.turnpike.balance.Cluster;
import dev.turnpike.balance.LeastConnection;
import dev.turnpike.balance.RoundRobin;
import dev.turnpike.balance.Stickiness;
import dev.turnpike.balance.StickySource;
import dev.turnpike.balance.Strategy;
import dev.turnpike.hmux.HmuxClient;
import dev.turnpike.hmux.HmuxClientSettings;
import dev.turnpike.rules.BackendConfig;
import dev.turnpike.rules.BackendRoute;
import dev.turnpike.rules.ClusterConfig;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The HMUX clusters of the configuration serving now, with their backends' states and
 * connections.
 *
 * <p>Each configuration load that changes the clusters ({@link #update}) publishes a new
 * immutable snapshot with one volatile write. A server whose settings did not change keeps its
 * {@link Backend} (state, failure windows, warm-up) and its pooled connections across the reload;
 * a changed or removed server is closed. A changed server that is still the same server (same
 * cluster id, server id, address and port) gets a new backend that keeps the old one's counts
 * ({@link dev.turnpike.balance.BackendMeter}) and what an operator did to it
 * ({@link Backend#takeOver}). Each proxying rule gets a {@link BalancedCluster} built from its own
 * strategy and stickiness over the shared members, made once per snapshot.
 */
public final class ClusterRegistry implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.proxy");

    private final InstantSource clock;
    private final Runnable changed;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of());

    public ClusterRegistry(InstantSource clock) {
        this(clock, () -> {
        });
    }

    /**
     * @param clock   the balancer's clock
     * @param changed run after each new snapshot is published and after {@link #close()}, under
     *                the registry's lock: what follows the backends (their MBeans)
     */
    public ClusterRegistry(InstantSource clock, Runnable changed) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    /** The configured clusters and their members; routes are built on demand. */
    private record Snapshot(List<ClusterConfig> configs, Map<String, List<Member>> members,
                            Map<BackendRoute.Cluster, BalancedCluster> routes) {
        Snapshot(List<ClusterConfig> configs, Map<String, List<Member>> members) {
            this(configs, members, new ConcurrentHashMap<>());
        }
    }

    /**
     * Serves these clusters from now on. Cheap when they are the very list already serving, so it
     * may be called with every request's rule set.
     */
    public void update(List<ClusterConfig> configs) {
        if (snapshot.configs() == configs) {
            return;
        }
        synchronized (this) {
            Snapshot old = snapshot;
            if (old.configs() == configs) {
                return;
            }
            Map<MemberKey, Member> reusable = new HashMap<>();
            Map<ServerKey, Member> predecessors = new HashMap<>();
            for (Map.Entry<String, List<Member>> cluster : old.members().entrySet()) {
                for (Member member : cluster.getValue()) {
                    reusable.put(key(cluster.getKey(), member.backend().config()), member);
                    predecessors.put(ServerKey.of(cluster.getKey(), member.backend().config()), member);
                }
            }
            Map<String, List<Member>> members = new LinkedHashMap<>();
            for (ClusterConfig config : configs) {
                List<Member> list = new ArrayList<>();
                for (BackendConfig server : config.servers()) {
                    Member kept = reusable.remove(key(config.id(), server));
                    list.add(kept != null ? kept : open(server, predecessors.get(ServerKey.of(config.id(), server))));
                }
                members.put(config.id(), List.copyOf(list));
            }
            snapshot = new Snapshot(configs, members);
            for (Member gone : reusable.values()) {
                LOG.info(() -> "closing " + gone.backend() + ": no longer configured as it was");
                gone.close();
            }
            changed.run();
        }
    }

    /**
     * The cluster a rule sends to, with the rule's strategy and stickiness.
     *
     * @throws IllegalArgumentException if no cluster has the rule's id, naming those there are
     */
    public BalancedCluster route(BackendRoute.Cluster route) {
        Snapshot current = snapshot;
        BalancedCluster found = current.routes().get(route);
        if (found != null) {
            return found;
        }
        List<Member> members = current.members().get(route.cluster());
        if (members == null) {
            throw new IllegalArgumentException("TPB0007 no <cluster id=\"" + route.cluster() + "\"> with <server>"
                    + " elements is configured" + (current.members().isEmpty() ? ""
                    : "; configured: " + String.join(", ", current.members().keySet())));
        }
        return current.routes().computeIfAbsent(route, r -> build(r, members));
    }

    /** Every member of every cluster, for the status page. */
    public Map<String, List<Backend>> backends() {
        Map<String, List<Backend>> all = new LinkedHashMap<>();
        snapshot.members().forEach((id, list) -> all.put(id, list.stream().map(Member::backend).toList()));
        return all;
    }

    /** Closes every member's connections. */
    @Override
    public synchronized void close() {
        for (List<Member> list : snapshot.members().values()) {
            list.forEach(Member::close);
        }
        snapshot = new Snapshot(List.of(), Map.of());
        changed.run();
    }

    /**
     * A member for a server that has none yet.
     *
     * @param previous the member of the same server before its settings changed, or {@code null}
     */
    private Member open(BackendConfig server, Member previous) {
        HmuxClientSettings settings = HmuxClientSettings.builder()
                .connectTimeout(server.connectTimeout())
                .socketTimeout(server.socketTimeout())
                .idleTime(server.idleTime())
                .build();
        HmuxClient client = new HmuxClient(new InetSocketAddress(server.address(), server.port()), settings);
        Backend backend = previous == null ? new Backend(server, clock)
                : new Backend(server, clock, previous.backend().meter());
        backend.start();
        if (previous != null) {
            backend.takeOver(previous.backend());
        }
        return new Member(backend, HmuxRequests.connector(client));
    }

    private static BalancedCluster build(BackendRoute.Cluster route, List<Member> members) {
        Map<Backend, Member> byBackend = new LinkedHashMap<>();
        for (Member member : members) {
            byBackend.put(member.backend(), member);
        }
        Map<String, String> settings = route.settings();
        Cluster cluster = new Cluster(route.cluster(), new ArrayList<>(byBackend.keySet()), strategy(route.strategy()),
                stickiness(route), Boolean.parseBoolean(settings.getOrDefault("force-sticky", "false")));
        return new BalancedCluster(cluster, byBackend);
    }

    private static Strategy strategy(String name) {
        return name.equals("round-robin") ? new RoundRobin() : new LeastConnection();
    }

    /** The stickiness a rule asks for; the attribute values were checked when the configuration loaded. */
    static Stickiness stickiness(BackendRoute.Cluster route) {
        if (!route.stickySessions()) {
            return Stickiness.OFF;
        }
        Map<String, String> settings = route.settings();
        if (settings.containsKey("route-cookie")) {
            return new Stickiness.RouteCookie(settings.get("route-cookie"));
        }
        String cookie = settings.getOrDefault("session-cookie", StickySource.DEFAULT.sessionCookie());
        StickySource source = new StickySource(cookie, settings.getOrDefault("ssl-session-cookie", cookie),
                settings.getOrDefault("session-url-prefix", StickySource.DEFAULT.urlPrefix()));
        return switch (settings.getOrDefault("session-id", "resin")) {
            case "jvm-route" -> new Stickiness.JvmRoute(source);
            case "resin-3" -> new Stickiness.ServerCode(Stickiness.IdLayout.RESIN_3, source);
            default -> new Stickiness.ServerCode(Stickiness.IdLayout.RESIN_4, source);
        };
    }

    private static MemberKey key(String cluster, BackendConfig server) {
        return new MemberKey(cluster, server);
    }

    /** A server as configured in a cluster: equal keys keep their member across a reload. */
    private record MemberKey(String cluster, BackendConfig server) {
    }

    /**
     * A server whatever its settings: a changed server with an equal key is the same server, whose
     * new member keeps the old one's counts and operator changes.
     */
    private record ServerKey(String cluster, String id, String address, int port) {
        static ServerKey of(String cluster, BackendConfig server) {
            return new ServerKey(cluster, server.id(), server.address(), server.port());
        }
    }
}

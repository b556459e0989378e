package dev.turnpike.hmux.endpoint;

import dev.turnpike.config.Period;
import dev.turnpike.rules.BackendConfig;
import dev.turnpike.rules.ClusterConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where and as whom the endpoint serves, from system properties and the configuration's clusters,
 * as Resin picks its identity: every tier reads the same {@code <cluster>} definitions and
 * {@value #SERVER} names this server among them, like Resin's {@code -server} option.
 * <pre>
 *   turnpike.server=b                  this server is &lt;server id="b"&gt; of a &lt;cluster&gt;: it listens on
 *                                      that server's address and port, and its index in the cluster
 *                                      gives its session code (b = index 1 = "baa")
 *   turnpike.endpoint=off              no endpoint
 *   turnpike.endpoint.address          without turnpike.server: the address (127.0.0.1)
 *   turnpike.endpoint.port             without turnpike.server: the port (6800 + WildFly's port offset)
 *   turnpike.endpoint.server-index     without turnpike.server: the index for the session code (0)
 *   turnpike.endpoint.forward-to       this server's HTTP listener, host:port
 *                                      (127.0.0.1 and WildFly's HTTP port plus offset, else 8080)
 *   turnpike.endpoint.max-connections  connections served at once (256)
 *   turnpike.endpoint.keepalive-timeout, .socket-timeout   Resin periods (120s, 65s)
 *   turnpike.endpoint.session-cookie, .ssl-session-cookie, .session-url-prefix
 *                                      the names session ids travel under (JSESSIONID, ;jsessionid=)
 * </pre>
 *
 * @param enabled whether the endpoint runs
 * @param settings how it listens and serves
 * @param httpServer this server's HTTP listener, where requests are bridged to
 * @param cluster the cluster this server belongs to, as the dispatch query reports it
 */
public record EndpointConfig(boolean enabled, EndpointSettings settings, InetSocketAddress httpServer,
        ClusterConfig cluster) {

    /** System property: this server's id among the {@code <server>}s of the configuration's clusters. */
    public static final String SERVER = "turnpike.server";
    /** System property: {@code off} (or {@code false}) runs no endpoint. */
    public static final String ENABLED = "turnpike.endpoint";

    private static final String PREFIX = "turnpike.endpoint.";

    /**
     * Reads the properties.
     *
     * @param properties the system properties (or any map of them)
     * @param clusters the clusters of the configuration loaded
     * @throws IllegalArgumentException naming the property and the value if one is invalid, or if
     *     {@value #SERVER} names no server of the clusters
     */
    public static EndpointConfig of(Map<String, String> properties, List<ClusterConfig> clusters) {
        String switchValue = properties.getOrDefault(ENABLED, "on").strip();
        boolean enabled = !switchValue.equalsIgnoreCase("off") && !switchValue.equalsIgnoreCase("false");
        int offset = integer(properties, "jboss.socket.binding.port-offset", 0, 0, 65535);
        String serverId = properties.get(SERVER);
        ClusterConfig cluster;
        int index;
        InetSocketAddress listen;
        if (serverId != null && !serverId.isBlank()) {
            cluster = clusterOf(serverId.strip(), clusters).orElseThrow(() -> new IllegalArgumentException(
                    "system property " + SERVER + "=\"" + serverId + "\" names no <server> of the configuration's"
                    + " clusters (servers: " + serverIds(clusters) + ")"));
            index = indexOf(serverId.strip(), cluster);
            BackendConfig self = cluster.servers().get(index);
            listen = new InetSocketAddress(self.address(), self.port());
        } else {
            String address = properties.getOrDefault(PREFIX + "address", "127.0.0.1").strip();
            int port = integer(properties, PREFIX + "port", EndpointSettings.DEFAULT_PORT + offset, 0, 65535);
            index = integer(properties, PREFIX + "server-index", 0, 0, ServerCode.MAX_INDEX);
            listen = new InetSocketAddress(address, port);
            cluster = new ClusterConfig("", List.of(BackendConfig.builder("self", address, Math.max(port, 1)).build()),
                    "system properties");
        }
        ServerCode code = ServerCode.of(index);
        String cookie = properties.getOrDefault(PREFIX + "session-cookie", "JSESSIONID").strip();
        SessionIds sessions;
        try {
            sessions = new SessionIds(code, cookie, properties.getOrDefault(PREFIX + "ssl-session-cookie", cookie).strip(),
                    properties.getOrDefault(PREFIX + "session-url-prefix", ";jsessionid=").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("system properties " + PREFIX + "session-*: " + e.getMessage(), e);
        }
        EndpointSettings settings = EndpointSettings.of(listen, code)
                .withSessions(sessions)
                .withMaxConnections(integer(properties, PREFIX + "max-connections", 256, 1, 100_000))
                .withTimeouts(period(properties, PREFIX + "keepalive-timeout", "120s"),
                        period(properties, PREFIX + "socket-timeout", "65s"));
        return new EndpointConfig(enabled, settings, httpServer(properties, offset), cluster);
    }

    private static InetSocketAddress httpServer(Map<String, String> properties, int offset) {
        String forward = properties.get(PREFIX + "forward-to");
        if (forward == null || forward.isBlank()) {
            int port = integer(properties, "jboss.http.port", 8080, 1, 65535) + offset;
            String bind = properties.getOrDefault("jboss.bind.address", "127.0.0.1").strip();
            String host = bind.equals("0.0.0.0") || bind.equals("::") || bind.isEmpty() ? "127.0.0.1" : bind;
            return new InetSocketAddress(host, port);
        }
        int colon = forward.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("system property " + PREFIX + "forward-to=\"" + forward
                    + "\" (expected: host:port of this server's HTTP listener)");
        }
        int port = integer(Map.of("port", forward.substring(colon + 1)), "port", 0, 1, 65535);
        return new InetSocketAddress(forward.substring(0, colon).strip(), port);
    }

    private static Optional<ClusterConfig> clusterOf(String serverId, List<ClusterConfig> clusters) {
        return clusters.stream().filter(c -> c.servers().stream().anyMatch(s -> s.id().equals(serverId))).findFirst();
    }

    private static int indexOf(String serverId, ClusterConfig cluster) {
        for (int i = 0; i < cluster.servers().size(); i++) {
            if (cluster.servers().get(i).id().equals(serverId)) {
                return i;
            }
        }
        throw new IllegalStateException(serverId);
    }

    private static String serverIds(List<ClusterConfig> clusters) {
        StringBuilder ids = new StringBuilder();
        for (ClusterConfig cluster : clusters) {
            for (BackendConfig server : cluster.servers()) {
                ids.append(ids.length() == 0 ? "" : ", ").append(cluster.id()).append('/').append(server.id());
            }
        }
        return ids.length() == 0 ? "none" : ids.toString();
    }

    private static int integer(Map<String, String> properties, String name, int fallback, int min, int max) {
        String text = properties.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + name + "=\"" + text + "\" (expected: a number "
                + min + "-" + max + ")");
    }

    private static Duration period(Map<String, String> properties, String name, String fallback) {
        String text = properties.getOrDefault(name, fallback);
        try {
            return Period.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("system property " + name + "=\"" + text + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return enabled ? "HMUX endpoint on " + settings.listen().getHostString() + ":" + settings.listen().getPort()
                + " as " + settings.sessions().code() + ", bridging to " + httpServer : "no HMUX endpoint";
    }
}

package dev.turnpike.config;

import static dev.turnpike.config.AttributeSpec.optional;

import dev.turnpike.rules.BackendConfig;
import java.time.Duration;
import java.util.List;

/**
 * A {@code <server>} of a {@code <cluster>} as a backend: its address and the
 * {@code load-balance-*} settings a web tier uses (resin-spec 2.6), checked when the configuration
 * loads.
 *
 * <pre>{@code
 * <server id="b" address="10.0.0.2" port="6800" load-balance-weight="200" load-balance-recover-time="30s"/>
 * }</pre>
 * Without {@code address} the server is on {@code 127.0.0.1}, without {@code port} on 6800, and
 * without {@code id} it is named {@code address:port}.
 */
final class ClusterMembers {

    static final String DEFAULT_ADDRESS = "127.0.0.1";
    static final int DEFAULT_PORT = 6800;

    private static final List<String> PERIODS = List.of("load-balance-connect-timeout", "load-balance-idle-time",
            "load-balance-recover-time", "load-balance-busy-recover-time", "load-balance-socket-timeout",
            "load-balance-warmup-time");

    static final List<AttributeSpec> ATTRIBUTES = List.of(
            optional("id", "the server's name; also its route in .jvmRoute session ids and route cookies"),
            optional("address", "the server's host name or IP address (default 127.0.0.1)"),
            optional("port", "the server's HMUX port (default 6800)"),
            optional("backup", "true for a server used when the others cannot take a request"),
            optional("load-balance-weight", "relative capacity, 0 or more (default 100)"),
            optional("load-balance-connection-min", "the connections the server is always given (default 0)"),
            optional(PERIODS.get(0), "how long opening a connection may take (default 5s)"),
            optional(PERIODS.get(1), "how long an idle connection may be reused (default 60s)"),
            optional(PERIODS.get(2), "the longest a failure keeps the server out (default 15s)"),
            optional(PERIODS.get(3), "how long a 503 keeps the server out (default 15s)"),
            optional(PERIODS.get(4), "how long a read from the server may wait (default 600s)"),
            optional(PERIODS.get(5), "the slow-start duration after the server comes back (default 60s)"));

    private ClusterMembers() {
    }

    /** The backend a {@code <server>} element describes, or {@code null} when a setting is invalid. */
    static BackendConfig member(TagContext c) {
        String address = c.value("address", DEFAULT_ADDRESS).trim();
        int port = c.integer("port", 1, 65535, DEFAULT_PORT);
        String id = c.value("id", "").trim();
        BackendConfig.Builder builder = BackendConfig.builder(id.isEmpty() ? address + ":" + port : id, address, port)
                .backup(c.bool("backup", false));
        if (c.has("load-balance-weight")) {
            builder.weight(c.integer("load-balance-weight", 0, 1_000_000, BackendConfig.DEFAULT_WEIGHT));
        }
        builder.connectionMin(c.integer("load-balance-connection-min", 0, 1_000_000, 0));
        BackendConfig defaults = BackendConfig.builder("x", "x", 1).build();
        builder.connectTimeout(period(c, PERIODS.get(0), defaults.connectTimeout()))
                .idleTime(period(c, PERIODS.get(1), defaults.idleTime()))
                .recoverTime(period(c, PERIODS.get(2), defaults.recoverTime()))
                .busyRecoverTime(period(c, PERIODS.get(3), defaults.busyRecoverTime()))
                .socketTimeout(period(c, PERIODS.get(4), defaults.socketTimeout()))
                .warmupTime(period(c, PERIODS.get(5), defaults.warmupTime()));
        if (c.failed()) {
            return null;
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            c.problem("TPC0111", "invalid <server> in a cluster: " + e.getMessage());
            return null;
        }
    }

    private static Duration period(TagContext c, String name, Duration fallback) {
        return Duration.ofMillis(c.period(name, fallback.toMillis()));
    }
}

package dev.turnpike.hmux.endpoint;

import dev.turnpike.hmux.HmuxLimits;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the HMUX endpoint listens and serves.
 *
 * @param listen the address and port to listen on; port 0 picks a free one
 * @param sessions this server's code and the session names whose ids carry it
 * @param maxConnections most connections served at once, each on its own thread; more wait in the
 *     listen backlog until one closes
 * @param keepAliveTimeout how long a connection may wait for its next request (Resin 4: 120 s);
 *     longer than the web tiers' idle time (mod_caucho's {@code live-time}, 60 s from this server)
 * @param socketTimeout how long one read may wait in the middle of a request (Resin: 65 s), and
 *     each read from this server's HTTP listener
 * @param limits what the endpoint accepts in a request's frames
 */
public record EndpointSettings(InetSocketAddress listen, SessionIds sessions, int maxConnections,
        Duration keepAliveTimeout, Duration socketTimeout, HmuxLimits limits) {

    /** The port Resin 4 servers and its web tiers use by default. */
    public static final int DEFAULT_PORT = 6800;

    public EndpointSettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(limits, "limits");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections: " + maxConnections + " (expected: at least 1)");
        }
        checkPositive("keepAliveTimeout", keepAliveTimeout);
        checkPositive("socketTimeout", socketTimeout);
    }

    /** Settings for listening at {@code listen} as the server of code {@code code}, every other value Resin's. */
    public static EndpointSettings of(InetSocketAddress listen, ServerCode code) {
        return new EndpointSettings(listen, SessionIds.standard(code), 256, Duration.ofSeconds(120),
                Duration.ofSeconds(65), HmuxLimits.BACKEND);
    }

    public EndpointSettings withMaxConnections(int value) {
        return new EndpointSettings(listen, sessions, value, keepAliveTimeout, socketTimeout, limits);
    }

    public EndpointSettings withTimeouts(Duration keepAlive, Duration socket) {
        return new EndpointSettings(listen, sessions, maxConnections, keepAlive, socket, limits);
    }

    public EndpointSettings withSessions(SessionIds value) {
        return new EndpointSettings(listen, value, maxConnections, keepAliveTimeout, socketTimeout, limits);
    }

    private static void checkPositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.toMillis() < 1) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: at least 1 ms)");
        }
    }
}

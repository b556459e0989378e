package dev.turnpike.proxy.http;

import static dev.turnpike.backend.Timeouts.checkMillis;
import static dev.turnpike.backend.Timeouts.text;

import dev.turnpike.net.IpNetworks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How an {@link HttpBackendClient} talks to one HTTP/1.1 backend ({@code resin:HttpProxy}):
 * timeouts, connection reuse, what it accepts in responses and how it reports the browser to the
 * backend. Every value is checked when the settings are built.
 *
 * @param connectTimeout how long opening a connection may take
 * @param socketTimeout how long one read from the backend may wait
 * @param idleTime how long after the start of its last request a pooled connection may still be
 *     reused. Resin's HTTP proxy keeps its backend connections for 2 s: below the keep-alive
 *     timeout of every common server (Apache httpd 5 s, Tomcat and Jetty 20 s or more), so the
 *     backend rarely closes one the client is about to use. Zero means connections are never reused
 * @param maxIdle most idle connections kept for the backend
 * @param limits what the client accepts in a response head
 * @param trustedProxies the peers whose {@code X-Forwarded-*} and {@code Forwarded} headers are
 *     believed and extended; from any other peer they are dropped and replaced. None by default
 * @param preserveHost {@code true} to send the browser's {@code Host}, {@code false} to send the
 *     backend's own {@code host:port}
 */
public record HttpProxySettings(Duration connectTimeout, Duration socketTimeout, Duration idleTime, int maxIdle,
        HttpHeadLimits limits, IpNetworks trustedProxies, boolean preserveHost) {

    /** No trusted proxies: every forwarding header a browser sends is dropped. */
    public static final IpNetworks NO_PROXIES = IpNetworks.of(List.of());

    /**
     * Connect in 5 s, wait up to 30 s for each read, reuse connections for 2 s, keep at most 16
     * idle, {@link HttpHeadLimits#DEFAULT} limits, no trusted proxies, the browser's {@code Host}.
     */
    public static final HttpProxySettings DEFAULT = new HttpProxySettings(Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofSeconds(2), 16, HttpHeadLimits.DEFAULT, NO_PROXIES, true);

    public HttpProxySettings {
        checkMillis("connectTimeout", connectTimeout, 1);
        checkMillis("socketTimeout", socketTimeout, 1);
        checkMillis("idleTime", idleTime, 0);
        if (maxIdle < 0) {
            throw new IllegalArgumentException("maxIdle: " + maxIdle + " (expected: at least 0)");
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /** A builder starting from {@link #DEFAULT}. */
    public static Builder builder() {
        return new Builder(DEFAULT);
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String toString() {
        return "connect-timeout=\"" + text(connectTimeout) + "\" socket-timeout=\"" + text(socketTimeout)
                + "\" idle-time=\"" + text(idleTime) + "\" max-idle=\"" + maxIdle + "\" trusted-proxies=\""
                + trustedProxies + "\" preserve-host=\"" + preserveHost + "\"";
    }


    /** Changes some settings and checks them all together when built. */
    public static final class Builder {
        private Duration connectTimeout;
        private Duration socketTimeout;
        private Duration idleTime;
        private int maxIdle;
        private HttpHeadLimits limits;
        private IpNetworks trustedProxies;
        private boolean preserveHost;

        private Builder(HttpProxySettings from) {
            connectTimeout = from.connectTimeout;
            socketTimeout = from.socketTimeout;
            idleTime = from.idleTime;
            maxIdle = from.maxIdle;
            limits = from.limits;
            trustedProxies = from.trustedProxies;
            preserveHost = from.preserveHost;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder socketTimeout(Duration value) {
            socketTimeout = value;
            return this;
        }

        public Builder idleTime(Duration value) {
            idleTime = value;
            return this;
        }

        public Builder maxIdle(int value) {
            maxIdle = value;
            return this;
        }

        public Builder limits(HttpHeadLimits value) {
            limits = value;
            return this;
        }

        public Builder trustedProxies(IpNetworks value) {
            trustedProxies = value;
            return this;
        }

        /** The trusted proxies as CIDR text, e.g. {@code "10/8, 192.168/16 ::1"} ({@link IpNetworks#parse(String)}). */
        public Builder trustedProxies(String networks) {
            trustedProxies = IpNetworks.parse(networks);
            return this;
        }

        public Builder preserveHost(boolean value) {
            preserveHost = value;
            return this;
        }

        public HttpProxySettings build() {
            return new HttpProxySettings(connectTimeout, socketTimeout, idleTime, maxIdle, limits, trustedProxies,
                    preserveHost);
        }
    }
}

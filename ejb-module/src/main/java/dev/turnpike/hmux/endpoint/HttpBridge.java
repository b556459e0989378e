package dev.turnpike.hmux.endpoint;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ExchangeException;
import dev.turnpike.backend.ResponseSink;
import dev.turnpike.proxy.http.HttpBackendClient;
import dev.turnpike.proxy.http.HttpProxySettings;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Bridges requests to this server's HTTP listener over pooled keep-alive HTTP/1.1 connections on
 * loopback, with Turnpike's HTTP proxy client: the browser's {@code Host} is kept, so the server
 * picks the virtual host the browser asked for; hop-by-hop headers are dropped and
 * {@code X-Forwarded-*} and {@code Forwarded} describe the client (those sent by the web tier are
 * dropped, since a browser could have sent them).
 */
final class HttpBridge implements Bridge {

    /**
     * Connections idle for longer are not reused: below the 60 s after which WildFly closes an idle
     * connection ({@code no-request-timeout}), so the server rarely closes one about to be used.
     */
    static final Duration IDLE_TIME = Duration.ofSeconds(15);

    private final HttpBackendClient client;

    HttpBridge(InetSocketAddress server, Duration socketTimeout, int maxIdle) {
        this.client = new HttpBackendClient(server, HttpProxySettings.builder()
                .socketTimeout(socketTimeout)
                .idleTime(IDLE_TIME)
                .maxIdle(maxIdle)
                .preserveHost(true)
                .build());
    }

    @Override
    public void exchange(BackendRequest request, ResponseSink sink) throws ExchangeException {
        client.exchange(request, sink);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "HTTP to " + client.backend().getHostString() + ":" + client.backend().getPort();
    }
}

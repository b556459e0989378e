package dev.turnpike.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ResponseSink;
import dev.turnpike.balance.Backend;
import dev.turnpike.balance.RetryPolicy;
import dev.turnpike.metrics.PrometheusText;
import dev.turnpike.rules.BackendRoute;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.spi.BackendMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real requests over loopback sockets through an HTTP proxy group move its backends' counts: a
 * server that is down counts a connect failure, the one that answers counts every request and
 * their time.
 */
class BackendMetricsLoopbackTest {

    private static final long SLOW_MILLIS = 30;

    private final ProxyGroups groups = new ProxyGroups(InstantSource.system());
    private final Forwarder forwarder = new Forwarder(RetryPolicy.RECOMMENDED, InstantSource.system());
    private HttpServer server;

    @AfterEach
    void stop() {
        groups.close();
        if (server != null) {
            server.stop(0);
        }
    }

    private int startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server.getAddress().getPort();
    }

    /** A loopback port nothing listens on. */
    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static final class Statuses implements ResponseSink {
        final List<Integer> seen = new ArrayList<>();

        @Override
        public void status(int code, String reason) {
            seen.add(code);
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void body(byte[] bytes, int offset, int length) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void end() {
        }
    }

    private static BackendRequest get(String path) {
        return BackendRequest.builder("GET", path, path).header("Host", "localhost").build();
    }

    @Test
    void requestsFailuresAndLatencyAreCountedPerServer() throws IOException {
        String dead = "127.0.0.1:" + deadPort();
        String live = "127.0.0.1:" + startServer();
        // the dead server first: round-robin starts there, fails to connect and moves on
        BalancedCluster group = groups.group(RuleSet.EMPTY, new BackendRoute.Http(List.of(dead, live),
                Map.of("strategy", "round-robin")), () -> new ProxyGroups.WebApp("/", null));
        Statuses browser = new Statuses();
        for (String path : List.of("/", "/slow", "/", "/")) {
            assertInstanceOf(Forwarded.Served.class, forwarder.forward(group, get(path), null, browser));
        }
        assertEquals(List.of(200, 200, 200, 200), browser.seen);

        List<Backend> backends = group.cluster().backends();
        BackendMetrics down = Connectors.metrics(group.id(), backends.get(0));
        BackendMetrics up = Connectors.metrics(group.id(), backends.get(1));

        assertEquals(dead, down.server());
        assertEquals(1, down.requests(), "one attempt before it was marked failed");
        assertEquals(1, down.failures());
        assertEquals(1, down.failuresByKind().get("connect"));

        assertEquals(live, up.server());
        assertEquals(4, up.requests());
        assertEquals(0, up.failures());
        assertEquals(4, up.count());
        int le25ms = up.upperBounds().indexOf(0.025);
        assertTrue(up.cumulativeCounts().get(le25ms) <= 3, "the slow request took more than 25 ms: " + up);
        assertTrue(up.sumSeconds() >= SLOW_MILLIS / 1000.0, "sum " + up.sumSeconds());

        assertEquals(4, Connectors.status(group.id(), 1, backends.get(1)).requests());
        String text = PrometheusText.format(List.of(down, up), List.of());
        assertTrue(text.contains("turnpike_backend_failures_total{cluster=\"http " + dead + " " + live
                + "\",server=\"" + dead + "\"} 1\n"), text);
        assertTrue(text.contains("turnpike_backend_latency_seconds_count{cluster=\"http " + dead + " " + live
                + "\",server=\"" + live + "\"} 4\n"), text);
    }
}

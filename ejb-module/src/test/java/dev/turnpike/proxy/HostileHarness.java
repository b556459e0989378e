package dev.turnpike.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ResponseSink;
import dev.turnpike.balance.Backend;
import dev.turnpike.balance.Cluster;
import dev.turnpike.balance.FailureKind;
import dev.turnpike.balance.RetryPolicy;
import dev.turnpike.balance.RoundRobin;
import dev.turnpike.balance.Stickiness;
import dev.turnpike.hmux.HmuxClient;
import dev.turnpike.hmux.HmuxClientSettings;
import dev.turnpike.rules.BackendConfig;
import dev.turnpike.rules.BackendRoute;
import dev.turnpike.rules.RuleSet;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One backend behind the real {@link Forwarder} and the real protocol client, as the dispatch
 * filter uses them: what the browser would get ({@link Outcome}), how much the forwarding thread
 * allocated, and what the backend's meter and pool say afterwards.
 */
final class HostileHarness implements AutoCloseable {

    /** The socket timeout of every client in these tests: short, so a silent backend costs little. */
    static final Duration SOCKET_TIMEOUT = Duration.ofMillis(400);

    /**
     * Most bytes the forwarding thread may allocate for one hostile exchange that sends no body to
     * the browser: the clients' buffers and one frame or record are well below it, a payload a
     * backend merely announced (64 KiB lengths, megabytes of junk) is not.
     */
    static final long ALLOCATION_BOUND = 2 * 1024 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Forwarder forwarder = new Forwarder(RetryPolicy.RECOMMENDED, InstantSource.system());
    private final BalancedCluster cluster;
    private final AutoCloseable owner;

    private HostileHarness(BalancedCluster cluster, AutoCloseable owner) {
        this.cluster = cluster;
        this.owner = owner;
    }

    /**
     * One hostile backend case: the request, what the backend does with it, what the browser
     * gets ({@code "200 body"}, {@code "502"}...) and how many I/O failures the meter counts.
     */
    record Case(String name, Supplier<BackendRequest> request, ScriptedBackend.Script script, String seen, long io) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Runs a case against a backend whose next connection answers {@code fine} with
     * {@code 200 fine}: the exchange ends within the timeout with what the case says, a refused
     * one allocated within the bound and a silent one waited the socket timeout, the failures are
     * counted, the pool holds nothing, and the next request opens a second connection and works.
     */
    static void check(Case c, Function<ScriptedBackend, HostileHarness> connect, ScriptedBackend.Script fine,
                      String nextPath) throws Exception {
        try (ScriptedBackend backend = ScriptedBackend.start(c.script(), fine);
                HostileHarness harness = connect.apply(backend)) {
            Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> harness.forward(c.request().get()), c.name() + ": the exchange must end within the timeout");
            backend.release();
            assertEquals(c.seen(), outcome.seen(), outcome.problem());
            if (!c.seen().startsWith("200")) {
                outcome.assertBounded();
            }
            if (c.seen().equals("504")) {
                assertTrue(outcome.took().compareTo(SOCKET_TIMEOUT) >= 0, "gave up after " + outcome.took());
            }
            harness.assertFailuresAndEmptyPool(c.io(), 0);

            // the connection was not pooled: the next request opens the second connection
            Outcome next = harness.forward(get(nextPath));
            assertEquals("200 fine", next.seen(), next.problem());
            assertEquals(2, backend.connections());
            backend.awaitScripts();
        }
    }

    /** An HMUX cluster of one server, as {@code <cluster>} makes it. */
    static HostileHarness hmux(ScriptedBackend backend) {
        HmuxClientSettings settings = HmuxClientSettings.builder().connectTimeout(ScriptedBackend.TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT).build();
        HmuxClient client = new HmuxClient(backend.address(), settings);
        Backend server = new Backend(BackendConfig.builder("a", "127.0.0.1", backend.address().getPort())
                .socketTimeout(SOCKET_TIMEOUT).build(), InstantSource.system());
        server.start();
        Cluster cluster = new Cluster("hostile", List.of(server), new RoundRobin(), Stickiness.OFF, false);
        return new HostileHarness(new BalancedCluster(cluster, Map.of(server, new Member(server,
                HmuxRequests.connector(client)))), client);
    }

    /** An {@code resin:HttpProxy} group of one server. */
    static HostileHarness http(ScriptedBackend backend) {
        ProxyGroups groups = new ProxyGroups(InstantSource.system());
        BalancedCluster group = groups.group(RuleSet.EMPTY, new BackendRoute.Http(List.of(backend.hostPort()),
                Map.of("socket-timeout", SOCKET_TIMEOUT.toMillis() + "ms")), () -> new ProxyGroups.WebApp("/", null));
        return new HostileHarness(group, groups);
    }

    /** An {@code resin:FastCgiProxy} group of one server, scripts under {@code /srv}. */
    static HostileHarness fastCgi(ScriptedBackend backend) {
        ProxyGroups groups = new ProxyGroups(InstantSource.system());
        BalancedCluster group = groups.group(RuleSet.EMPTY, new BackendRoute.FastCgi(List.of(backend.hostPort()),
                Map.of("socket-timeout", SOCKET_TIMEOUT.toMillis() + "ms", "document-root", "/srv")),
                () -> new ProxyGroups.WebApp("/", null));
        return new HostileHarness(group, groups);
    }

    static BackendRequest get(String path) {
        return BackendRequest.builder("GET", path, path).header("Host", "www.example.com")
                .remote("192.0.2.7", "192.0.2.7", 40000).server("http", "www.example.com", 80).build();
    }

    static BackendRequest post(String path, InputStream body, long length) {
        return BackendRequest.builder("POST", path, path).header("Host", "www.example.com")
                .header("Content-Type", "application/octet-stream").header("Content-Length", Long.toString(length))
                .remote("192.0.2.7", "192.0.2.7", 40000).server("http", "www.example.com", 80)
                .body(body, length).build();
    }

    /** The only backend. */
    Backend backend() {
        return cluster.cluster().backends().get(0);
    }

    Connector connector() {
        return cluster.connector(backend());
    }

    /** Forwards one request and says what the browser got, with the allocation and time it cost. */
    Outcome forward(BackendRequest request) {
        Browser browser = new Browser();
        long thread = Thread.currentThread().getId();
        long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
        long started = System.nanoTime();
        Forwarded result = forwarder.forward(cluster, request, null, browser);
        long took = System.nanoTime() - started;
        long allocated = THREADS.getThreadAllocatedBytes(thread) - allocatedBefore;
        return new Outcome(result, browser, allocated, Duration.ofNanos(took));
    }

    /**
     * Asserts the backend's meter counted exactly these failures, and that no connection is left
     * handed out or pooled after a failed exchange.
     */
    void assertFailuresAndEmptyPool(long io, long busy) {
        Map<FailureKind, Long> byKind = backend().meter().failuresByKind();
        assertEquals(io, byKind.get(FailureKind.IO), "io failures " + byKind);
        assertEquals(busy, byKind.get(FailureKind.BUSY), "busy failures " + byKind);
        assertEquals(0, connector().active(), "connections still handed out");
        assertEquals(0, connector().idle(), "a connection was pooled after the failure");
    }

    @Override
    public void close() throws Exception {
        owner.close();
    }

    /**
     * What came of one forwarded request.
     *
     * @param result    the forwarder's verdict
     * @param browser   what reached the browser's response
     * @param allocated bytes the forwarding thread allocated
     * @param took      how long forwarding took
     */
    record Outcome(Forwarded result, Browser browser, long allocated, Duration took) {

        /**
         * What the browser sees, in one word: the error status the filter answers
         * ({@code 502}), {@code cut after 200} when the response had started and the connection
         * is cut, or {@code 200 body} for a relayed response.
         */
        String seen() {
            if (result instanceof Forwarded.Failed failed) {
                return Integer.toString(failed.status());
            }
            if (result instanceof Forwarded.Broken) {
                return "cut after " + browser.status;
            }
            if (result instanceof Forwarded.Served) {
                return browser.status + " " + browser.body();
            }
            return result.toString();
        }

        /** Why it failed: the message of a failure, empty for a response relayed whole. */
        String problem() {
            if (result instanceof Forwarded.Failed failed) {
                return failed.message();
            }
            if (result instanceof Forwarded.Broken broken) {
                return broken.message();
            }
            return "";
        }

        void assertBounded() {
            assertTrue(allocated < ALLOCATION_BOUND, "allocated " + allocated + " bytes (bound " + ALLOCATION_BOUND
                    + "): " + problem());
        }
    }

    /** The browser's response as the filter would write it. */
    static final class Browser implements ResponseSink {
        int status;
        final List<String> headers = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean ended;

        @Override
        public void status(int code, String reason) {
            status = code;
        }

        @Override
        public void header(String name, String value) {
            headers.add(name + ": " + value);
        }

        @Override
        public void body(byte[] bytes, int offset, int length) {
            if (body.size() < 4096) {
                body.write(bytes, offset, Math.min(length, 4096 - body.size()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void end() {
            ended = true;
        }

        String body() {
            return body.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}

package dev.turnpike.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ExchangeException;
import dev.turnpike.backend.ResponseSink;
import dev.turnpike.balance.Backend;
import dev.turnpike.balance.Cluster;
import dev.turnpike.balance.Lifecycle;
import dev.turnpike.balance.RetryPolicy;
import dev.turnpike.balance.RoundRobin;
import dev.turnpike.balance.Stickiness;
import dev.turnpike.balance.StickyKey;
import dev.turnpike.balance.StickyRequest;
import dev.turnpike.rules.BackendConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forwarder's decisions with scripted connectors: which backend each attempt goes to, what
 * the browser sees, and what each backend's state learns.
 */
class ForwarderTest {

    private final InstantSource clock = InstantSource.fixed(Instant.ofEpochMilli(10_000_000));
    private final Forwarder forwarder = new Forwarder(RetryPolicy.RECOMMENDED, clock);
    private final List<String> browser = new ArrayList<>();
    private final Map<String, Scripted> connectors = new LinkedHashMap<>();

    /** One scripted attempt: answers into the sink, or throws. */
    @FunctionalInterface
    interface Attempt {
        boolean run(BackendRequest request, ResponseSink sink) throws IOException;
    }

    /** A connector playing its attempts in order, recording each call. */
    static final class Scripted implements Connector {
        final Deque<Attempt> attempts = new ArrayDeque<>();
        int calls;

        Scripted then(Attempt attempt) {
            attempts.add(attempt);
            return this;
        }

        @Override
        public boolean exchange(BackendRequest request, ResponseSink sink) throws ExchangeException {
            calls++;
            if (attempts.isEmpty()) {
                throw new AssertionError("no attempt scripted for call " + calls);
            }
            try {
                return attempts.poll().run(request, sink);
            } catch (ExchangeException e) {
                throw e;
            } catch (IOException e) {
                throw new ExchangeException(ExchangeException.Stage.CLIENT, new InetSocketAddress("127.0.0.1", 1),
                        false, "sink failed", e);
            }
        }

        @Override
        public int active() {
            return 0;
        }

        @Override
        public int idle() {
            return 0;
        }

        @Override
        public void closeIdle() {
        }

        @Override
        public void close() {
        }
    }

    private BalancedCluster cluster(Stickiness stickiness, boolean force, String... ids) {
        Map<Backend, Member> members = new LinkedHashMap<>();
        for (String id : ids) {
            BackendConfig config = BackendConfig.builder(id, "127.0.0.1", 6800 + members.size())
                    .warmupTime(Duration.ZERO).build();
            Backend backend = new Backend(config, clock);
            backend.start();
            Scripted scripted = new Scripted();
            connectors.put(id, scripted);
            members.put(backend, new Member(backend, scripted));
        }
        return new BalancedCluster(new Cluster("app", new ArrayList<>(members.keySet()), new RoundRobin(), stickiness,
                force), members);
    }

    private static Attempt answer(int status, String body) {
        return (request, sink) -> {
            sink.status(status, status == 200 ? "OK" : "Service Unavailable");
            sink.header("Content-Type", "text/plain");
            sink.metaHeader("cpu-load", "1500");
            sink.headersEnd();
            byte[] bytes = body.getBytes();
            sink.body(bytes, 0, bytes.length);
            sink.end();
            return true;
        };
    }

    private static Attempt fail(ExchangeException.Stage stage) {
        return (request, sink) -> {
            throw new ExchangeException(stage, new InetSocketAddress("127.0.0.1", 6800), false, "TPX " + stage, null);
        };
    }

    private final ResponseSink recording = new ResponseSink() {
        @Override
        public void status(int code, String reason) {
            browser.add("status " + code);
        }

        @Override
        public void header(String name, String value) {
            browser.add(name + ": " + value);
        }

        @Override
        public void body(byte[] bytes, int offset, int length) {
            browser.add("body " + new String(bytes, offset, length));
        }

        @Override
        public void flush() {
        }

        @Override
        public void end() {
            browser.add("end");
        }
    };

    private static BackendRequest get() {
        return BackendRequest.builder("GET", "/echo/x", "/echo/x").build();
    }

    private static BackendRequest post() {
        return BackendRequest.builder("POST", "/echo/x", "/echo/x")
                .body(new ByteArrayInputStream(new byte[] {1, 2, 3}), 3).build();
    }

    private static Backend backend(BalancedCluster cluster, String id) {
        return cluster.cluster().backends().stream().filter(b -> b.config().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aConnectFailureGoesToTheNextServerAndMarksTheFirstFailed() {
        BalancedCluster cluster = cluster(Stickiness.OFF, false, "a", "b");
        connectors.get("a").then(fail(ExchangeException.Stage.CONNECT));
        connectors.get("b").then(answer(200, "from b"));
        Forwarded result = forwarder.forward(cluster, post(), null, recording);
        assertEquals("b", assertInstanceOf(Forwarded.Served.class, result).backend().config().id());
        assertEquals(2, ((Forwarded.Served) result).attempts());
        assertEquals(List.of("status 200", "Content-Type: text/plain", "body from b", "end"), browser);
        assertTrue(backend(cluster, "a").state().isFailed());
        assertEquals(Lifecycle.FAIL, backend(cluster, "a").state().lifecycle());
    }

    @Test
    void aGetThatFailedAfterSendingIsRetriedOnceThenAnswered502() {
        BalancedCluster cluster = cluster(Stickiness.OFF, false, "a", "b", "c");
        connectors.get("a").then(fail(ExchangeException.Stage.BEFORE_RESPONSE));
        connectors.get("b").then(fail(ExchangeException.Stage.BEFORE_RESPONSE));
        Forwarded result = forwarder.forward(cluster, get(), null, recording);
        Forwarded.Failed failed = assertInstanceOf(Forwarded.Failed.class, result);
        assertEquals(502, failed.status());
        assertTrue(failed.message().startsWith("TPB0006 server 'b'"), failed.message());
        assertEquals(0, connectors.get("c").calls, "one retry only");
        assertEquals(List.of(), browser);
    }

    private static Attempt timeOut() {
        return (request, sink) -> {
            throw new ExchangeException(ExchangeException.Stage.BEFORE_RESPONSE,
                    new InetSocketAddress("127.0.0.1", 6800), false, "TPX silent",
                    new java.io.IOException("nothing for 400ms", new java.net.SocketTimeoutException("Read timed out")));
        };
    }

    @Test
    void aBackendThatTookTheRequestAndWentSilentIsA504() {
        BalancedCluster cluster = cluster(Stickiness.OFF, false, "a", "b");
        connectors.get("a").then(timeOut());
        Forwarded.Failed failed = assertInstanceOf(Forwarded.Failed.class,
                forwarder.forward(cluster, post(), null, recording));
        assertEquals(504, failed.status());
        assertTrue(failed.message().startsWith("TPB0006 server 'a'"), failed.message());
        assertEquals(0, connectors.get("b").calls, "a POST is not sent twice");
    }

    @Test
    void aGetThatTimedOutEverywhereIsA504AndAnEarlierTimeoutDoesNotCount() {
        BalancedCluster cluster = cluster(Stickiness.OFF, false, "a", "b");
        connectors.get("a").then(timeOut());
        connectors.get("b").then(timeOut());
        assertEquals(504, assertInstanceOf(Forwarded.Failed.class,
                forwarder.forward(cluster, get(), null, recording)).status());

        BalancedCluster other = cluster(Stickiness.OFF, false, "c", "d");
        connectors.get("c").then(timeOut());
        connectors.get("d").then(fail(ExchangeException.Stage.BEFORE_RESPONSE));
        assertEquals(502, assertInstanceOf(Forwarded.Failed.class,
                forwarder.forward(other, get(), null, recording)).status());
    }

    @Test
    void aConnectTimeoutIsNoGatewayTimeout() {
        ExchangeException connect = new ExchangeException(ExchangeException.Stage.CONNECT,
                new InetSocketAddress("127.0.0.1", 6800), false, "TPX no connection",
                new java.net.SocketTimeoutException("connect timed out"));
        assertFalse(connect.timedOut());
    }

    @Test
    void aPostWhoseBodyWasSentIsNeverSentTwice() {
        BalancedCluster cluster = cluster(Stickiness.OFF, false, "a", "b");
        connectors.get("a").then(fail(ExchangeException.Stage.BEFORE_RESPONSE));
        Forwarded.Failed failed = assertInstanceOf(Forwarded.Failed.class,
                forwarder.forward(cluster, post(), null, recording));
        assertEquals(502, failed.status());
        assertTrue(failed.message().contains("failed after the POST request was sent, and it is not sent twice"),
                failed.message());
        assertEquals(0, connectors.get("b").calls);
    }

    @Test
    void a503IsHeldBackAndTheRequestRetriedWhenItHasNoBody() {
        BalancedCluster cluster = cluster(Stickiness.OFF, false, "a", "b");
        connectors.get("a").then(answer(503, "busy"));
        connectors.get("b").then(answer(200, "from b"));
        Forwarded result = forwarder.forward(cluster, get(), null, recording);
        assertEquals("b", assertInstanceOf(Forwarded.Served.class, result).backend().config().id());
        assertEquals(List.of("status 200", "Content-Type: text/plain", "body from b", "end"), browser,
                "nothing of the 503 reached the browser");
        assertTrue(backend(cluster, "a").state().isBusy());
    }

    @Test
    void a503ToARequestWithABodyIsPassedOnAndMarksTheServerBusy() {
        BalancedCluster cluster = cluster(Stickiness.OFF, false, "a", "b");
        connectors.get("a").then(answer(503, "busy"));
        Forwarded result = forwarder.forward(cluster, post(), null, recording);
        assertEquals("a", assertInstanceOf(Forwarded.Served.class, result).backend().config().id());
        assertEquals("status 503", browser.get(0));
        assertTrue(backend(cluster, "a").state().isBusy());
    }

    @Test
    void aFailureAfterTheResponseStartedBreaksTheBrowsersConnection() {
        BalancedCluster cluster = cluster(Stickiness.OFF, false, "a", "b");
        connectors.get("a").then((request, sink) -> {
            sink.status(200, "OK");
            sink.headersEnd();
            throw new ExchangeException(ExchangeException.Stage.DURING_RESPONSE,
                    new InetSocketAddress("127.0.0.1", 6800), true, "TPX mid-body", null);
        });
        Forwarded.Broken broken = assertInstanceOf(Forwarded.Broken.class,
                forwarder.forward(cluster, get(), null, recording));
        assertEquals("TPX mid-body", broken.message());
        assertEquals(0, connectors.get("b").calls);
    }

    @Test
    void aStaleConnectionIsTriedOnceMoreOnTheSameServerThenElsewhere() {
        BalancedCluster cluster = cluster(Stickiness.OFF, false, "a", "b");
        connectors.get("a").then(fail(ExchangeException.Stage.STALE_CONNECTION))
                .then(fail(ExchangeException.Stage.STALE_CONNECTION));
        connectors.get("b").then(answer(200, "from b"));
        StickyKey key = new StickyKey("aXYZ", 0);
        Forwarded result = forwarder.forward(cluster, post(), key, recording);
        assertEquals("b", assertInstanceOf(Forwarded.Served.class, result).backend().config().id());
        assertEquals(2, connectors.get("a").calls);
        assertEquals(Lifecycle.STARTING, backend(cluster, "a").state().lifecycle(), "a stale connection blames no one");
    }

    @Test
    void aSessionWhoseOwnerIsDownIsRefusedWithForceAndMovedWithout() {
        Stickiness stickiness = new Stickiness.ServerCode(Stickiness.IdLayout.RESIN_4,
                dev.turnpike.balance.StickySource.DEFAULT);
        StickyRequest request = new StickyRequest(Map.of("JSESSIONID", "bSESSION"), false, "/echo/x");

        BalancedCluster forced = cluster(stickiness, true, "a", "b");
        backend(forced, "b").stop();
        Forwarded.Failed refused = assertInstanceOf(Forwarded.Failed.class,
                forwarder.forward(forced, get(), forced.cluster().stickyKey(request), recording));
        assertEquals(503, refused.status());
        assertTrue(refused.message().startsWith("TPB0001"), refused.message());

        connectors.clear();
        BalancedCluster moving = cluster(stickiness, false, "a", "b");
        backend(moving, "b").stop();
        connectors.get("a").then(answer(200, "from a"));
        Forwarded result = forwarder.forward(moving, get(), moving.cluster().stickyKey(request), recording);
        assertEquals("a", assertInstanceOf(Forwarded.Served.class, result).backend().config().id());
    }

    @Test
    void aRouteCookieIsSetWhenTheRequestDidNotStickAndTheCpuLoadIsNeverRelayed() {
        BalancedCluster cluster = cluster(new Stickiness.RouteCookie("ROUTE"), false, "a", "b");
        connectors.get("a").then(answer(200, "one"));
        connectors.get("b").then(answer(200, "two"));
        forwarder.forward(cluster, get(), null, recording);
        assertTrue(browser.contains("Set-Cookie: ROUTE=a; Path=/; HttpOnly") || browser.contains(
                "Set-Cookie: ROUTE=b; Path=/; HttpOnly"), browser.toString());
        assertTrue(browser.stream().noneMatch(line -> line.contains("cpu-load")), browser.toString());
        Backend chosen = backend(cluster, browser.contains("body one") ? "a" : "b");
        assertEquals(1.5, chosen.load().cpuLoad(), 0.001);

        browser.clear();
        StickyKey sticky = cluster.cluster().stickyKey(new StickyRequest(Map.of("ROUTE", chosen.config().id()), false,
                "/"));
        connectors.get(chosen.config().id()).then(answer(200, "again"));
        forwarder.forward(cluster, get(), sticky, recording);
        assertTrue(browser.stream().noneMatch(line -> line.startsWith("Set-Cookie")), browser.toString());
    }

    @Test
    void aBrowserThatWentAwayBlamesNoBackend() {
        BalancedCluster cluster = cluster(Stickiness.OFF, false, "a");
        connectors.get("a").then(fail(ExchangeException.Stage.CLIENT));
        assertInstanceOf(Forwarded.ClientGone.class, forwarder.forward(cluster, get(), null, recording));
        assertEquals(Lifecycle.STARTING, backend(cluster, "a").state().lifecycle());
    }

    @Test
    void eachAttemptIsCountedOnItsServerWithItsFailureKind() {
        BalancedCluster busy = cluster(Stickiness.OFF, false, "a");
        connectors.get("a").then(answer(503, "busy"));
        forwarder.forward(busy, post(), null, recording);
        assertEquals("1 1 {CONNECT=0, STALE_POOLED=0, IO=0, BUSY=1}", counts(backend(busy, "a")),
                "a 503 passed on to the browser");

        BalancedCluster broken = cluster(Stickiness.OFF, false, "b");
        connectors.get("b").then(fail(ExchangeException.Stage.CONNECT))
                .then(fail(ExchangeException.Stage.BEFORE_RESPONSE));
        assertEquals(503, ((Forwarded.Failed) forwarder.forward(broken, post(), null, recording)).status());
        assertEquals(502, ((Forwarded.Failed) forwarder.forward(broken, post(), null, recording)).status());
        assertEquals("2 2 {CONNECT=1, STALE_POOLED=0, IO=1, BUSY=0}", counts(backend(broken, "b")));

        BalancedCluster served = cluster(Stickiness.OFF, false, "c");
        connectors.get("c").then(answer(200, "from c")).then(fail(ExchangeException.Stage.CLIENT));
        forwarder.forward(served, get(), null, recording);
        forwarder.forward(served, get(), null, recording);
        assertEquals("2 0 {CONNECT=0, STALE_POOLED=0, IO=0, BUSY=0}", counts(backend(served, "c")),
                "a browser that went away blames no server");
    }

    /** Attempts, failures and failures by kind. */
    private static String counts(Backend backend) {
        return backend.meter().latency().count() + " " + backend.meter().failures() + " "
                + backend.meter().failuresByKind();
    }

    @Test
    void withNoServerLeftTheAnswerIs503NamingEachState() {
        BalancedCluster cluster = cluster(Stickiness.OFF, false, "a", "b");
        backend(cluster, "a").stop();
        connectors.get("b").then(fail(ExchangeException.Stage.CONNECT));
        Forwarded.Failed failed = assertInstanceOf(Forwarded.Failed.class,
                forwarder.forward(cluster, get(), null, recording));
        assertEquals(503, failed.status());
        assertEquals("TPB0003 no server of cluster 'app' can take the request: a STANDBY, b FAIL failures=1;"
                + " last failure: TPX CONNECT", failed.message());
    }

}

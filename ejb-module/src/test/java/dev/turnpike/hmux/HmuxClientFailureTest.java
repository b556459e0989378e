package dev.turnpike.hmux;

import dev.turnpike.backend.PoolStats;
import static dev.turnpike.hmux.ClientRequests.SETTINGS;
import static dev.turnpike.hmux.ClientRequests.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.backend.ExchangeException.Stage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How far an exchange got when it failed, as the stage and the whole message report it, and the
 * one failure the client handles itself: a pooled connection the backend closed while it was idle.
 */
class HmuxClientFailureTest {

    private static final HmuxFrame QUIT = new HmuxFrame.Quit();

    /** One way for a backend to fail a fresh connection, and what the client must report. */
    record Case(String name, FakeBackend.Script script, Stage stage, boolean responseStarted, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> failures() {
        return Stream.of(
                // before the response: the backend may have run the request, nothing reached the sink
                new Case("closed after the request", peer -> {
                    peer.request();
                    peer.close();
                }, Stage.BEFORE_RESPONSE, false, "closed by the backend before any response byte (request sent)"),
                new Case("reset after the request", peer -> {
                    peer.request();
                    peer.reset();
                }, Stage.BEFORE_RESPONSE, false,
                        "reading the response failed before any response byte: Connection reset (request sent)"),
                new Case("X before the status, as a backend shutting down", peer -> {
                    peer.request();
                    peer.send(new HmuxFrame.Exit());
                }, Stage.BEFORE_RESPONSE, false, "bad response: 'X' frame at offset 0: the response ended before its"
                        + " status (expected: s first) (request sent)"),
                new Case("body before the status", peer -> {
                    peer.request();
                    peer.send(HmuxFrame.Data.of("x"), QUIT);
                }, Stage.BEFORE_RESPONSE, false, "bad response: 'D' frame at offset 0: frame before the status"
                        + " (expected: s first) (request sent)"),
                new Case("status without a code", peer -> {
                    peer.request();
                    peer.send(new HmuxFrame.Status("OK"), QUIT);
                }, Stage.BEFORE_RESPONSE, false, "bad response: 's' frame at offset 0: status line is not three digits"
                        + " and a reason (expected: e.g. \"200 OK\") (request sent)"),

                // during the response: the sink has the status, a retry would write into a started response
                new Case("closed in the middle of the body", peer -> {
                    peer.request();
                    peer.send(FakeBackend.Peer.ok());
                    peer.send(HmuxFrame.Data.of("part"));
                    peer.close();
                }, Stage.DURING_RESPONSE, true, "closed by the backend after 62 response bytes"),
                new Case("closed inside a data frame", peer -> {
                    peer.request();
                    peer.send(FakeBackend.Peer.ok());
                    peer.sendRaw(new byte[] {'D', 0, 10, 'a', 'b'});
                    peer.close();
                }, Stage.DURING_RESPONSE, true,
                        "bad response: 'D' frame at offset 55: stream ended after 2 of 10 payload bytes"),
                new Case("closed after the status, before the head ended", peer -> {
                    peer.request();
                    peer.send(new HmuxFrame.Status("200 OK"), new HmuxFrame.Header("X-A"),
                            new HmuxFrame.HeaderValue("1"));
                    peer.close();
                }, Stage.BEFORE_RESPONSE, false, "closed by the backend after 19 response bytes (request sent)"),
                new Case("header without its value", peer -> {
                    peer.request();
                    peer.send(new HmuxFrame.Status("200 OK"), new HmuxFrame.Header("X-A"), HmuxFrame.Data.of("x"));
                }, Stage.BEFORE_RESPONSE, false, "bad response: 'D' frame at offset 15: the value of header \"X-A\" is"
                        + " missing (expected: S) (request sent)"),
                new Case("second status", peer -> {
                    peer.request();
                    peer.send(new HmuxFrame.Status("200 OK"), new HmuxFrame.Status("500 Oops"));
                }, Stage.BEFORE_RESPONSE, false,
                        "bad response: 's' frame at offset 9: a second status (expected: one per response) (request sent)"),
                new Case("header value that would split the browser's response", peer -> {
                    peer.request();
                    peer.send(new HmuxFrame.Status("200 OK"), new HmuxFrame.Header("X-A"),
                            new HmuxFrame.HeaderValue("a\r\nSet-Cookie: evil=1"));
                }, Stage.BEFORE_RESPONSE, false, "bad response: 'S' frame at offset 15: the value of header \"X-A\""
                        + " holds control character 0xd (expected: text and tabs) (request sent)"),
                new Case("header name that is not a token", peer -> {
                    peer.request();
                    peer.send(new HmuxFrame.Status("200 OK"), new HmuxFrame.Header("X-A: b"));
                }, Stage.BEFORE_RESPONSE, false, "bad response: 'H' frame at offset 9: header name \"X-A: b\" is not a"
                        + " token (expected: letters, digits and !#$%&'*+-.^_`|~) (request sent)"),
                new Case("status reason with a NUL", peer -> {
                    peer.request();
                    peer.send(new HmuxFrame.Status("200 O\0K"));
                }, Stage.BEFORE_RESPONSE, false, "bad response: 's' frame at offset 0: the status reason holds control"
                        + " character 0x0 (expected: text) (request sent)"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void failureReportsHowFarTheExchangeGot(Case c) throws Exception {
        try (FakeBackend backend = FakeBackend.start(c.script());
                HmuxClient client = new HmuxClient(backend.address(), SETTINGS)) {
            HmuxExchangeException e = assertThrows(HmuxExchangeException.class,
                    () -> client.exchange(get("/a"), null, new RecordingSink()));
            backend.awaitScripts();

            assertEquals(HmuxExchangeException.code(c.stage()) + " 127.0.0.1:" + backend.address().getPort()
                    + " hmux#" + e.connectionId() + ": " + c.problem(), e.getMessage());
            assertEquals(c.stage(), e.stage());
            assertEquals(c.responseStarted(), e.responseStarted());
            assertFalse(e.nothingSent());
            assertFalse(e.reusedConnection());
            assertEquals(new PoolStats(0, 0, 1, 0, 0, 0), client.stats());
        }
    }

    @Test
    void silentBackendFailsAfterTheSocketTimeout() throws Exception {
        Duration timeout = FakeBackend.TIMEOUT.dividedBy(10);
        try (FakeBackend backend = FakeBackend.start(peer -> {
                    peer.request();
                    peer.readToEnd();
                });
                HmuxClient client = new HmuxClient(backend.address(),
                        SETTINGS.toBuilder().socketTimeout(timeout).build())) {
            HmuxExchangeException e = assertThrows(HmuxExchangeException.class,
                    () -> client.exchange(get("/a"), null, new RecordingSink()));
            backend.awaitScripts();

            assertEquals("TPH0003 127.0.0.1:" + backend.address().getPort() + " hmux#" + e.connectionId()
                    + ": nothing from the backend for " + timeout.toMillis() + "ms before any response byte"
                    + " (request sent)", e.getMessage());
        }
    }

    @Test
    void refusedConnectionSendsNothing() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket closedAgain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), closedAgain.getLocalPort());
        }
        try (HmuxClient client = new HmuxClient(nobody, SETTINGS)) {
            HmuxExchangeException e = assertThrows(HmuxExchangeException.class,
                    () -> client.exchange(get("/a"), null, new RecordingSink()));

            assertEquals("TPH0001 127.0.0.1:" + nobody.getPort() + " hmux#" + e.connectionId()
                    + ": cannot connect: Connection refused", e.getMessage());
            assertEquals(Stage.CONNECT, e.stage());
            assertTrue(e.nothingSent());
            assertEquals(new PoolStats(0, 0, 0, 0, 0, 0), client.stats());
        }
    }

    // a pooled connection that died while idle: retried on a new connection, the backend never saw it

    @Test
    void pooledConnectionClosedByTheBackendIsRetriedOnANewConnection() throws Exception {
        assertStaleConnectionIsRetried(FakeBackend.Peer::close);
    }

    @Test
    void pooledConnectionResetByTheBackendIsRetriedOnANewConnection() throws Exception {
        assertStaleConnectionIsRetried(FakeBackend.Peer::reset);
    }

    @Test
    void pooledConnectionWithBytesWaitingIsRetriedOnANewConnection() throws Exception {
        // a backend out of step, e.g. answering a Q it read as an empty request (resin-spec 1.5)
        assertStaleConnectionIsRetried(peer -> peer.send(QUIT));
    }

    @Test
    void reusedConnectionThatFailsAfterTheRequestWentOutIsNotRetried() throws Exception {
        try (FakeBackend backend = FakeBackend.start(peer -> {
                    peer.request();
                    peer.respond("one");
                    peer.request();
                    peer.close();
                });
                HmuxClient client = new HmuxClient(backend.address(), SETTINGS)) {
            client.exchange(get("/one"), null, new RecordingSink());
            HmuxExchangeException e = assertThrows(HmuxExchangeException.class,
                    () -> client.exchange(get("/two"), null, new RecordingSink()));
            backend.awaitScripts();

            assertEquals("TPH0003 127.0.0.1:" + backend.address().getPort() + " hmux#" + e.connectionId()
                    + " (reused): closed by the backend before any response byte (request sent)", e.getMessage());
            assertTrue(e.reusedConnection());
            // the backend may have run /two: one connection, two requests, no retry
            assertEquals(1, backend.connections());
            assertEquals(2, backend.peer(0).requests());
            assertEquals(new PoolStats(0, 0, 1, 1, 0, 0), client.stats());
        }
    }

    /**
     * The first connection answers one request, then {@code idleFailure} happens while the client
     * holds it idle; the next request must go out once, on a second connection.
     */
    private static void assertStaleConnectionIsRetried(FakeBackend.Script idleFailure) throws Exception {
        CountDownLatch firstAnswered = new CountDownLatch(1);
        CountDownLatch failed = new CountDownLatch(1);
        try (FakeBackend backend = FakeBackend.start(
                    peer -> {
                        peer.request();
                        peer.respond("one");
                        await(firstAnswered);
                        idleFailure.run(peer);
                        failed.countDown();
                        peer.readToEnd();
                    },
                    peer -> {
                        peer.request();
                        peer.respond("two");
                    });
                HmuxClient client = new HmuxClient(backend.address(), SETTINGS)) {
            assertTrue(client.exchange(get("/one"), null, new RecordingSink()).keepAlive());
            firstAnswered.countDown();
            await(failed);

            RecordingSink sink = new RecordingSink();
            HmuxExchangeResult result = client.exchange(get("/two"), null, sink);
            backend.awaitScripts();

            assertEquals("two", sink.bodyText());
            assertFalse(result.reusedConnection());
            assertEquals(2, backend.connections());
            assertEquals(1, backend.peer(0).requests());
            assertEquals(1, backend.peer(1).requests());
            assertEquals(new PoolStats(1, 0, 2, 1, 0, 1), client.stats());
        }
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(FakeBackend.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("not reached within " + FakeBackend.TIMEOUT);
        }
    }
}

package dev.turnpike.proxy.http;

import dev.turnpike.backend.PoolStats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.backend.ExchangeException.Stage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A backend on a raw socket doing what no good server does, and how far the exchange got when it
 * failed: the stage, the whole message, and what reached the sink.
 */
class HttpBackendClientFailureTest {

    private static final HttpProxySettings SETTINGS = HttpProxySettings.builder()
            .socketTimeout(Duration.ofSeconds(5)).build();
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    @Test
    void refusedConnectionIsConnectStage() throws Exception {
        InetSocketAddress address;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            address = new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
        }
        try (HttpBackendClient client = new HttpBackendClient(address, SETTINGS)) {
            HttpExchangeException e = assertThrows(HttpExchangeException.class,
                    () -> client.exchange(Requests.get("/").build(), new RecordingSink()));

            assertEquals(Stage.CONNECT, e.stage());
            assertTrue(e.nothingSent());
            assertTrue(e.getMessage().startsWith("TPP0001 127.0.0.1:" + address.getPort() + " http#"), e.getMessage());
            assertTrue(e.getMessage().contains(": cannot connect: "), e.getMessage());
        }
    }

    @Test
    void closeBeforeAnyResponseByteIsBeforeResponse() throws Exception {
        try (RawBackend backend = RawBackend.start(peer -> {
                    peer.head();
                    peer.close();
                });
                HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            HttpExchangeException e = assertThrows(HttpExchangeException.class,
                    () -> client.exchange(Requests.get("/").build(), sink));

            assertEquals(Stage.BEFORE_RESPONSE, e.stage());
            assertFalse(e.responseStarted());
            assertTrue(e.getMessage().matches("TPP0003 127\\.0\\.0\\.1:\\d+ http#\\d+: closed by the backend before"
                    + " any response byte in the status line \\(request sent\\)"), e.getMessage());
            assertEquals(List.of(), sink.events);
            backend.awaitScripts();
        }
    }

    @Test
    void closeInTheMiddleOfALengthDelimitedBodyIsDuringResponse() throws Exception {
        try (RawBackend backend = RawBackend.start(peer -> {
                    peer.head();
                    peer.send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
                    peer.close();
                });
                HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            HttpExchangeException e = assertThrows(HttpExchangeException.class,
                    () -> client.exchange(Requests.get("/").build(), sink));

            assertEquals(Stage.DURING_RESPONSE, e.stage());
            assertTrue(e.responseStarted());
            assertTrue(e.getMessage().endsWith(": closed by the backend after 50 response bytes, 10 of 100 body bytes"),
                    e.getMessage());
            assertEquals(List.of("status 200 OK", "header Content-Length: 100", "headersEnd"), sink.events);
            assertEquals("0123456789", sink.body());
            assertEquals(0, client.stats().idle());
        }
    }

    @Test
    void conflictingContentLengthsAreRefusedWithNothingRelayed() throws Exception {
        try (RawBackend backend = RawBackend.start(peer -> {
                    peer.head();
                    peer.send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
                });
                HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            HttpExchangeException e = assertThrows(HttpExchangeException.class,
                    () -> client.exchange(Requests.get("/").build(), sink));

            assertEquals(Stage.BEFORE_RESPONSE, e.stage());
            assertTrue(e.getMessage().endsWith(": bad response: TPP0009 Content-Length \"6\" conflicts with \"5\""
                    + " (expected: one length) (request sent)"), e.getMessage());
            assertEquals("TPP0009", assertInstanceOf(HttpProtocolException.class, e.getCause()).code());
            assertEquals(List.of(), sink.events);
        }
    }

    @Test
    void contentLengthWithTransferEncodingIsRefused() throws Exception {
        try (RawBackend backend = RawBackend.start(peer -> {
                    peer.head();
                    peer.send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
                });
                HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            HttpExchangeException e = assertThrows(HttpExchangeException.class,
                    () -> client.exchange(Requests.get("/").build(), sink));

            assertTrue(e.getMessage().contains("TPP0009 both Content-Length and Transfer-Encoding"), e.getMessage());
            assertEquals(List.of(), sink.events);
        }
    }

    @Test
    void endlessHeaderBlockStopsAtTheLimit() throws Exception {
        String line = "X-Filler: " + "a".repeat(990) + "\r\n";
        try (RawBackend backend = RawBackend.start(peer -> {
                    peer.head();
                    peer.send("HTTP/1.1 200 OK\r\n");
                    try {
                        while (true) {
                            peer.send(line);
                        }
                    } catch (IOException expected) {
                        // the client gave up and closed
                    }
                });
                HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            HttpExchangeException e = assertThrows(HttpExchangeException.class,
                    () -> client.exchange(Requests.get("/").build(), sink));

            assertEquals(Stage.BEFORE_RESPONSE, e.stage());
            assertTrue(e.getMessage().endsWith(": bad response: TPP0007 header block longer than 65536 bytes"
                    + " (expected: at most 65536) (request sent)"), e.getMessage());
            assertEquals(List.of(), sink.events);
            backend.awaitScripts();
        }
    }

    @Test
    void silentBackendHitsTheSocketTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpProxySettings settings = SETTINGS.toBuilder().socketTimeout(Duration.ofMillis(200)).build();
        try (RawBackend backend = RawBackend.start(peer -> {
                    peer.head();
                    release.await(10, TimeUnit.SECONDS);
                });
                HttpBackendClient client = new HttpBackendClient(backend.address(), settings)) {
            HttpExchangeException e = assertThrows(HttpExchangeException.class,
                    () -> client.exchange(Requests.get("/").build(), new RecordingSink()));
            release.countDown();

            assertEquals(Stage.BEFORE_RESPONSE, e.stage());
            assertInstanceOf(SocketTimeoutException.class, e.getCause());
            assertTrue(e.getMessage().endsWith(": nothing from the backend for 200ms before any response byte"
                    + " (request sent)"), e.getMessage());
        }
    }

    @Test
    void pooledConnectionClosedByTheBackendIsRetriedOnANewOne() throws Exception {
        CountDownLatch firstClosed = new CountDownLatch(1);
        try (RawBackend backend = RawBackend.start(peer -> {
                    peer.head();
                    peer.send(OK);
                    peer.close();
                    firstClosed.countDown();
                }, peer -> {
                    peer.head();
                    peer.send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nagain");
                });
                HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            HttpExchangeResult first = client.exchange(Requests.get("/1").build(), new RecordingSink());
            assertTrue(first.keepAlive());
            assertTrue(firstClosed.await(5, TimeUnit.SECONDS));
            // the FIN has to arrive before the idle check can see it
            Thread.sleep(50);

            RecordingSink sink = new RecordingSink();
            HttpExchangeResult second = client.exchange(Requests.get("/2").build(), sink);

            assertEquals("again", sink.body());
            assertFalse(second.reusedConnection());
            assertEquals(new PoolStats(1, 0, 2, 1, 0, 1), client.stats());
            backend.awaitScripts();
        }
    }

    @Test
    void staleRetryNeverResendsWhatTheFirstConnectionGot() throws Exception {
        // the request goes out once: on the stale connection nothing is written
        CountDownLatch firstClosed = new CountDownLatch(1);
        StringBuilder firstRest = new StringBuilder();
        try (RawBackend backend = RawBackend.start(peer -> {
                    peer.head();
                    peer.send(OK);
                    peer.socket.shutdownOutput();
                    firstClosed.countDown();
                    firstRest.append(peer.rest());
                }, peer -> {
                    peer.head();
                    peer.send(OK);
                });
                HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            client.exchange(Requests.get("/1").build(), new RecordingSink());
            assertTrue(firstClosed.await(5, TimeUnit.SECONDS));
            Thread.sleep(50);
            client.exchange(Requests.get("/2").build(), new RecordingSink());
            backend.awaitScripts();

            assertEquals("", firstRest.toString());
            assertEquals(1, client.stats().stale());
        }
    }

    @Test
    void interimResponsesAreSkippedAnd101Refused() throws Exception {
        try (RawBackend backend = RawBackend.start(peer -> {
                    peer.head();
                    peer.send("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n" + OK);
                    peer.head();
                    peer.send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n");
                });
                HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            client.exchange(Requests.get("/").build(), sink);
            assertEquals(List.of("status 200 OK", "header Content-Length: 2", "headersEnd", "end"), sink.events);

            RecordingSink refused = new RecordingSink();
            HttpExchangeException e = assertThrows(HttpExchangeException.class,
                    () -> client.exchange(Requests.get("/ws").build(), refused));
            assertTrue(e.getMessage().contains("TPP0011 101 Switching Protocols"), e.getMessage());
            assertEquals(List.of(), refused.events);
        }
    }

    @Test
    void headResponseDeclaresALengthWithoutABody() throws Exception {
        try (RawBackend backend = RawBackend.start(peer -> {
                    peer.head();
                    peer.send("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nContent-Type: text/html\r\n\r\n");
                    peer.head();
                    peer.send(OK);
                });
                HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            HttpExchangeResult result = client.exchange(Requests.from("HEAD", "/", "203.0.113.7").build(), sink);

            assertEquals(List.of("status 200 OK", "header Content-Length: 1000", "header Content-Type: text/html",
                    "headersEnd", "end"), sink.events);
            assertTrue(result.keepAlive());
            assertTrue(client.exchange(Requests.get("/next").build(), new RecordingSink()).reusedConnection());
        }
    }

    @Test
    void chunkedResponseWithExtensionsAndTrailersIsDecodedAndHopByHopHeadersStayBehind() throws Exception {
        try (RawBackend backend = RawBackend.start(peer -> {
                    peer.head();
                    peer.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: X-Internal\r\n"
                            + "X-Internal: 1\r\nKeep-Alive: timeout=5\r\nTrailer: X-Sum\r\nX-Public: 2\r\n\r\n"
                            + "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nX-Sum: abc\r\n\r\n");
                });
                HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            HttpExchangeResult result = client.exchange(Requests.get("/").build(), sink);

            assertEquals("hello, world", sink.body());
            assertEquals(List.of("status 200 OK", "header X-Public: 2", "headersEnd", "end"), sink.events);
            assertTrue(result.keepAlive());
        }
    }

    @Test
    void bodyUntilCloseIsRelayedAndTheConnectionNotKept() throws Exception {
        try (RawBackend backend = RawBackend.start(peer -> {
                    peer.head();
                    peer.send("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it");
                    peer.close();
                });
                HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            HttpExchangeResult result = client.exchange(Requests.get("/").build(), sink);

            assertEquals("all of it", sink.body());
            assertFalse(result.keepAlive());
            assertEquals(new PoolStats(0, 0, 1, 0, 0, 0), client.stats());
        }
    }

    @Test
    void requestThatCouldSplitTheHeadIsNeverWritten() throws Exception {
        StringBuilder received = new StringBuilder();
        try (RawBackend backend = RawBackend.start(peer -> received.append(peer.rest()));
                HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            IllegalArgumentException header = assertThrows(IllegalArgumentException.class, () -> client.exchange(
                    Requests.get("/").header("X-Note", "a\r\nGET /admin HTTP/1.1").build(), new RecordingSink()));
            IllegalArgumentException target = assertThrows(IllegalArgumentException.class, () -> client.exchange(
                    Requests.get("http://internal.example/").build(), new RecordingSink()));
            client.close();
            backend.awaitScripts();

            assertTrue(header.getMessage().startsWith("TPP0013 "), header.getMessage());
            assertTrue(target.getMessage().contains("not in origin form"), target.getMessage());
            assertEquals("", received.toString());
        }
    }

    @Test
    void requestBodyShorterThanDeclaredIsTheClientsFailure() throws Exception {
        try (RawBackend backend = RawBackend.start(peer -> peer.rest());
                HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            HttpExchangeException e = assertThrows(HttpExchangeException.class, () -> client.exchange(
                    Requests.from("POST", "/", "203.0.113.7").body(new ByteArrayInputStream(new byte[10]), 20).build(),
                    new RecordingSink()));

            assertEquals(Stage.CLIENT, e.stage());
            assertTrue(e.getMessage().startsWith("TPP0005 "), e.getMessage());
            assertTrue(e.getMessage().endsWith(": the request body ended after 10 of 20 bytes"), e.getMessage());
        }
    }

    @Test
    void failingSinkIsTheClientsFailure() throws Exception {
        try (RawBackend backend = RawBackend.start(peer -> {
                    peer.head();
                    peer.send(OK);
                });
                HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink gone = new RecordingSink() {
                @Override
                public void body(byte[] bytes, int offset, int length) throws IOException {
                    throw new IOException("Broken pipe");
                }
            };
            HttpExchangeException e = assertThrows(HttpExchangeException.class,
                    () -> client.exchange(Requests.get("/").build(), gone));

            assertEquals(Stage.CLIENT, e.stage());
            assertTrue(e.responseStarted());
            assertTrue(e.getMessage().endsWith(": the response sink failed: Broken pipe"), e.getMessage());
            assertEquals(0, client.stats().idle());
        }
    }
}

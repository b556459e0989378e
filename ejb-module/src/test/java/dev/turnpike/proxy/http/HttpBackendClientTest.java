package dev.turnpike.proxy.http;

import dev.turnpike.backend.GeneratedBody;
import dev.turnpike.backend.PoolStats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.backend.BackendRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exchanges with a real HTTP/1.1 server, the JDK's, on a loopback port. */
class HttpBackendClientTest {

    private static final HttpProxySettings SETTINGS = HttpProxySettings.DEFAULT;
    private static EchoBackend backend;

    @BeforeAll
    static void startBackend() throws Exception {
        backend = EchoBackend.start();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void getWithQueryArrivesAsSentAndTheResponseIsRelayed() throws Exception {
        try (HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            HttpExchangeResult result = client.exchange(Requests.get("/echo/a%20b").query("x=1&y=%C3%A9").build(),
                    sink);

            assertEquals(200, result.status());
            assertTrue(result.keepAlive());
            assertEquals("GET", sink.echoedOne("method"));
            assertEquals("/echo/a%20b?x=1&y=%C3%A9", sink.echoedOne("uri"));
            assertEquals("www.example.com", sink.echoedOne("host"));
            assertEquals("test/1", sink.echoedOne("user-agent"));
            assertEquals("0", sink.echoedOne("body-length"));
            // the JDK server writes header names as "X-backend"
            assertTrue(sink.events.stream().anyMatch(e -> e.matches("(?i)header X-Backend: echo")),
                    sink.events.toString());
            assertEquals("end", sink.events.get(sink.events.size() - 1));
            assertTrue(sink.events.stream().anyMatch(e -> e.matches("(?i)header Content-Length: \\d+")),
                    sink.events.toString());
        }
    }

    @Test
    void postOf20MegabytesStreamsWithContentLength() throws Exception {
        long size = 20L * 1024 * 1024;
        try (HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            client.exchange(Requests.from("POST", "/echo/upload", "203.0.113.7")
                    .body(new GeneratedBody(size), size).build(), sink);

            assertEquals(Long.toString(size), sink.echoedOne("content-length"));
            assertNull(sink.echoedOne("transfer-encoding"));
            assertEquals(Long.toString(size), sink.echoedOne("body-length"));
            assertEquals(GeneratedBody.sha256(size), sink.echoedOne("body-sha256"));
        }
    }

    @Test
    void bodyOfUnknownLengthGoesChunked() throws Exception {
        long size = 1_000_003;
        try (HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            client.exchange(Requests.from("PUT", "/echo/chunked", "203.0.113.7")
                    .header("Transfer-Encoding", "chunked")
                    .body(new GeneratedBody(size), -1).build(), sink);

            assertEquals("chunked", sink.echoedOne("transfer-encoding"));
            assertNull(sink.echoedOne("content-length"));
            assertEquals(Long.toString(size), sink.echoedOne("body-length"));
            assertEquals(GeneratedBody.sha256(size), sink.echoedOne("body-sha256"));
        }
    }

    @Test
    void responseOf50MegabytesStreamsThroughInBoundedSlices() throws Exception {
        long size = 50L * 1024 * 1024 + 17;
        try (HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            CountingSink sink = new CountingSink();
            HttpExchangeResult result = client.exchange(Requests.get("/generate").query("size=" + size).build(),
                    sink);

            assertEquals(200, sink.status);
            assertEquals(size, sink.count);
            assertEquals(GeneratedBody.sha256(size), sink.sha256());
            assertTrue(sink.ended);
            assertTrue(result.keepAlive());
            // no call carries more than the client's buffer: the body was never held whole
            assertTrue(sink.largestCall <= HttpConnection.BUFFER, "largest call " + sink.largestCall);
        }
    }

    @Test
    void chunkedResponseIsDecodedAndTheConnectionKept() throws Exception {
        long size = 3_000_001;
        try (HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            CountingSink sink = new CountingSink();
            HttpExchangeResult result = client.exchange(
                    Requests.get("/generate").query("size=" + size + "&chunked").build(), sink);

            assertEquals(size, sink.count);
            assertEquals(GeneratedBody.sha256(size), sink.sha256());
            assertTrue(result.keepAlive());
        }
    }

    @Test
    void headAnd204HaveNoBodyAndKeepTheConnection() throws Exception {
        try (HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink head = new RecordingSink();
            HttpExchangeResult first = client.exchange(Requests.from("HEAD", "/echo/head", "203.0.113.7").build(),
                    head);
            RecordingSink empty = new RecordingSink();
            HttpExchangeResult second = client.exchange(Requests.get("/empty").build(), empty);

            assertEquals(200, first.status());
            assertEquals("", head.body());
            assertEquals(204, second.status());
            assertEquals("", empty.body());
            assertTrue(first.keepAlive() && second.keepAlive());
            assertEquals(new PoolStats(1, 0, 1, 1, 0, 0), client.stats());
        }
    }

    @Test
    void keepAliveReusesOneConnection() throws Exception {
        try (HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            for (int i = 0; i < 5; i++) {
                HttpExchangeResult result = client.exchange(Requests.get("/echo/" + i).build(), new RecordingSink());
                assertEquals(i > 0, result.reusedConnection());
            }
            assertEquals(new PoolStats(1, 0, 1, 4, 0, 0), client.stats());
            client.closeIdle();
            assertEquals(new PoolStats(0, 0, 1, 4, 0, 0), client.stats());
            client.exchange(Requests.get("/echo/again").build(), new RecordingSink());
            assertEquals(2, client.stats().opened());
        }
    }

    @Test
    void connectionIdleForTheIdleTimeIsClosedInsteadOfReused() throws Exception {
        AtomicLong clock = new AtomicLong();
        try (HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS, clock::get)) {
            client.exchange(Requests.get("/echo/1").build(), new RecordingSink());
            clock.addAndGet(Duration.ofMillis(1999).toNanos());
            assertTrue(client.exchange(Requests.get("/echo/2").build(), new RecordingSink()).reusedConnection());
            // 2 s after the start of the last request, as Resin's HTTP proxy counts
            clock.addAndGet(Duration.ofSeconds(2).toNanos());
            assertFalse(client.exchange(Requests.get("/echo/3").build(), new RecordingSink()).reusedConnection());

            assertEquals(new PoolStats(1, 0, 2, 1, 1, 0), client.stats());
        }
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreReplaced() throws Exception {
        try (HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            client.exchange(Requests.get("/echo/fwd")
                    .header("X-Forwarded-For", "10.9.9.9")
                    .header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-Host", "evil.example")
                    .header("X-Forwarded-Port", "443")
                    .header("Forwarded", "for=10.9.9.9")
                    .build(), sink);

            assertEquals("203.0.113.7", sink.echoedOne("x-forwarded-for"));
            assertEquals("http", sink.echoedOne("x-forwarded-proto"));
            assertEquals("www.example.com", sink.echoedOne("x-forwarded-host"));
            assertEquals("80", sink.echoedOne("x-forwarded-port"));
            assertEquals("for=203.0.113.7;proto=http;host=www.example.com", sink.echoedOne("forwarded"));
        }
    }

    @Test
    void forwardingHeadersFromATrustedPeerAreExtended() throws Exception {
        HttpProxySettings settings = SETTINGS.toBuilder().trustedProxies("10.0.0.0/8").build();
        try (HttpBackendClient client = new HttpBackendClient(backend.address(), settings)) {
            RecordingSink sink = new RecordingSink();
            client.exchange(Requests.from("GET", "/echo/fwd", "10.1.2.3")
                    .header("X-Forwarded-For", "198.51.100.1")
                    .header("X-Forwarded-Proto", "https")
                    .header("Forwarded", "for=198.51.100.1;proto=https")
                    .build(), sink);

            assertEquals("198.51.100.1, 10.1.2.3", sink.echoedOne("x-forwarded-for"));
            assertEquals("https", sink.echoedOne("x-forwarded-proto"));
            assertEquals("www.example.com", sink.echoedOne("x-forwarded-host"));
            assertEquals("for=198.51.100.1;proto=https, for=10.1.2.3;proto=http;host=www.example.com",
                    sink.echoedOne("forwarded"));
        }
    }

    @Test
    void hopByHopHeadersNeverReachTheBackend() throws Exception {
        try (HttpBackendClient client = new HttpBackendClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            BackendRequest request = Requests.get("/echo/hop")
                    .header("Connection", "keep-alive, X-Secret")
                    .header("X-Secret", "s3cret")
                    .header("Keep-Alive", "timeout=300")
                    .header("Proxy-Connection", "keep-alive")
                    .header("TE", "trailers")
                    .header("Trailer", "X-Checksum")
                    .header("Upgrade", "h2c")
                    .header("Proxy-Authorization", "Basic dXNlcjpwYXNz")
                    .header("Expect", "100-continue")
                    .header("X-Kept", "yes")
                    .build();
            client.exchange(request, sink);

            for (String name : List.of("connection", "x-secret", "keep-alive", "proxy-connection", "te", "trailer",
                    "upgrade", "proxy-authorization", "expect")) {
                assertNull(sink.echoedOne(name), name);
            }
            assertEquals("yes", sink.echoedOne("x-kept"));
        }
    }

    @Test
    void hostIsTheBackendsWhenNotPreserved() throws Exception {
        HttpProxySettings settings = SETTINGS.toBuilder().preserveHost(false).build();
        try (HttpBackendClient client = new HttpBackendClient(backend.address(), settings)) {
            RecordingSink sink = new RecordingSink();
            client.exchange(Requests.get("/echo/host").build(), sink);

            assertEquals(backend.address().getAddress().getHostAddress() + ":" + backend.address().getPort(),
                    sink.echoedOne("host"));
            assertEquals("www.example.com", sink.echoedOne("x-forwarded-host"));
        }
    }
}

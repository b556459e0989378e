package dev.turnpike.hmux.endpoint;

import static dev.turnpike.hmux.endpoint.WebTier.described;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.backend.HeaderField;
import dev.turnpike.cdi.EndpointTrust;
import dev.turnpike.hmux.HmuxFrame;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The endpoint between a web tier speaking HMUX on a real socket and a real HTTP server it bridges
 * to: what the server receives for each request, and the frames the web tier gets back.
 */
class EndpointExchangeTest {

    @Test
    void bridgesAGetAndAnswersInResinOrder() throws Exception {
        byte[] page = "Hello, joe!\n".getBytes(StandardCharsets.UTF_8);
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.response("200 OK", List.of(
                new HeaderField("Content-Type", "text/html; charset=utf-8"),
                new HeaderField("Content-Length", Integer.toString(page.length)),
                new HeaderField("Set-Cookie", "JSESSIONID=Rt7Lq0p2sXw4nB8vC1; path=/app"),
                new HeaderField("X-Multi", "one"), new HeaderField("X-Multi", "two")), page));
                WebTier web = f.connect()) {
            web.send(EndpointFixture.get("/app/hello.jsp", "name=joe&x=1", "User-Agent", "curl/8.0",
                    "Cookie", "JSESSIONID=baaQ3kD9xYz1Lm0pR7sTu; theme=dark"));

            AppServer.Seen seen = f.app.next();
            assertEquals("GET /app/hello.jsp?name=joe&x=1 HTTP/1.1", seen.method() + " " + seen.target() + " "
                    + seen.protocol());
            assertEquals("www.example.com", seen.header("Host"));
            assertEquals("curl/8.0", seen.header("User-Agent"));
            assertEquals("JSESSIONID=Q3kD9xYz1Lm0pR7sTu; theme=dark", seen.header("Cookie"),
                    "the session id arrives without this server's code");
            assertEquals("192.168.1.20", seen.header("X-Forwarded-For"));
            assertEquals("http", seen.header("X-Forwarded-Proto"));
            assertTrue(f.trust.trusts(seen.header(EndpointTrust.SECRET)));
            assertEquals("192.168.1.20", seen.header(EndpointTrust.REMOTE_ADDR));
            assertEquals("54321", seen.header(EndpointTrust.REMOTE_PORT));
            assertEquals("www.example.com", seen.header(EndpointTrust.SERVER_NAME));
            assertEquals("80", seen.header(EndpointTrust.SERVER_PORT));
            assertEquals("http", seen.header(EndpointTrust.SCHEME));

            assertEquals(List.of("s \"200 OK\"", "M \"cpu-load\"", "S \"250\"", "H \"X-Multi\"", "S \"one\"",
                    "H \"X-Multi\"", "S \"two\"", "H \"Content-Length\"", "S \"12\"", "H \"Set-Cookie\"",
                    "S \"JSESSIONID=baaRt7Lq0p2sXw4nB8vC1; path=/app\"", "H \"Content-Type\"",
                    "S \"text/html; charset=utf-8\"", "G", "D len=12", "Q"), described(web.answer()));
        }
    }

    @Test
    void acceptsTheAttributesInAnyOrder() throws Exception {
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text("ok"));
                WebTier web = f.connect()) {
            // the IIS handler's order, with the port in v and the query before the method
            web.send(new HmuxFrame.Uri("/echo/iis"), new HmuxFrame.QueryString("a=1"), new HmuxFrame.Method("GET"),
                    new HmuxFrame.ServerType("IIS"), new HmuxFrame.ServerName("Shop.Example.com:8780"),
                    new HmuxFrame.ServerPort("8780"), new HmuxFrame.RemoteAddr("10.0.0.7"),
                    new HmuxFrame.RemoteHost("client.example"), new HmuxFrame.HttpProtocol(""),
                    new HmuxFrame.Header("Host"), new HmuxFrame.HeaderValue("shop.example.com:8780"),
                    new HmuxFrame.Quit());
            AppServer.Seen iis = f.app.next();
            assertEquals("GET /echo/iis?a=1 HTTP/1.1", iis.method() + " " + iis.target() + " " + iis.protocol());
            assertEquals("shop.example.com", iis.header(EndpointTrust.SERVER_NAME));
            assertEquals("client.example", iis.header(EndpointTrust.REMOTE_HOST));
            assertEquals("Q", last(web.answer()));

            // Resin's Java client: a channel first, the query before the path, no protocol, no headers
            web.send(new HmuxFrame.Channel(0), new HmuxFrame.Method("GET"), new HmuxFrame.ServerName("localhost"),
                    new HmuxFrame.QueryString("b=2"), new HmuxFrame.Uri("/echo/java"), new HmuxFrame.Quit());
            AppServer.Seen java = f.app.next();
            assertEquals("GET /echo/java?b=2 HTTP/1.1", java.method() + " " + java.target() + " " + java.protocol());
            assertEquals("localhost", java.header("Host"), "without a Host header the server name stands in");
            assertEquals("Q", last(web.answer()));
        }
    }

    @Test
    void escapesThePathAsARequestTarget() throws Exception {
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text("ok"));
                WebTier web = f.connect()) {
            // mod_caucho sends Apache's decoded path with '%' escaped (capture 10)
            web.send(EndpointFixture.get("/echo/a b/c%25d/\u00e9/e", "q=%C3%A9&r=a+b"));
            assertEquals("/echo/a%20b/c%25d/%C3%A9/e?q=%C3%A9&r=a+b", f.app.next().target());
            web.answer();
        }
    }

    @Test
    void answersABareQuitAndAYieldInTheHead() throws Exception {
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text("ok"));
                WebTier web = f.connect()) {
            web.send(new HmuxFrame.Quit());
            assertEquals(List.of("Q"), described(web.answer()), "Q -> Q is a keep-alive ping");
            web.send(new HmuxFrame.Uri("/a"), new HmuxFrame.Yield());
            assertEquals(List.of("A 0"), described(web.answer()));
            web.send(new HmuxFrame.Method("GET"), new HmuxFrame.Quit());
            assertEquals("/a", f.app.next().target());
            assertEquals("Q", last(web.answer()));
            web.send(new HmuxFrame.Exit());
            assertEquals(List.of("X"), described(web.answer()));
            assertTrue(web.closedWithoutAnswer(), "after X the endpoint closes");
            assertEquals(0, f.app.waiting());
        }
    }

    @Test
    void refusesARequestWithoutMethodWith400() throws Exception {
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text("ok"));
                WebTier web = f.connect()) {
            web.send(new HmuxFrame.Uri("/no-method"), new HmuxFrame.Quit());
            List<HmuxFrame> answer = web.answer();
            assertEquals("s \"400 Bad Request\"", answer.get(0).describe());
            assertTrue(body(answer).startsWith("TPH0001 "), body(answer));
            assertEquals("Q", last(answer));
            web.send(EndpointFixture.get("/after", null));
            assertEquals("/after", f.app.next().target(), "the connection goes on");
            web.answer();
        }
    }

    @Test
    void streamsALargeBodyWithYieldAndAck() throws Exception {
        byte[] body = new byte[20_000];
        new Random(7).nextBytes(body);
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text("got " + request.body().length));
                WebTier web = f.connect()) {
            web.send(new HmuxFrame.Uri("/upload"), new HmuxFrame.Method("POST"), new HmuxFrame.HttpProtocol("HTTP/1.1"),
                    new HmuxFrame.ServerName("localhost"), new HmuxFrame.ContentType("application/octet-stream"),
                    new HmuxFrame.ContentLength("20000"), new HmuxFrame.Data(Arrays.copyOfRange(body, 0, 16384)),
                    new HmuxFrame.Yield());
            assertEquals(List.of("A 0"), described(web.answer()), "mod_caucho waits for A before it sends more");
            web.send(new HmuxFrame.Data(Arrays.copyOfRange(body, 16384, 20000)), new HmuxFrame.Quit());
            AppServer.Seen seen = f.app.next();
            assertEquals("20000", seen.header("Content-Length"));
            assertEquals("application/octet-stream", seen.header("Content-Type"));
            assertArrayEquals(body, seen.body());
            List<HmuxFrame> answer = web.answer();
            assertEquals("got 20000", body(answer));
            assertEquals("Q", last(answer));
        }
    }

    @Test
    void sendsABodyWithoutLengthInChunks() throws Exception {
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text(request.bodyText()));
                WebTier web = f.connect()) {
            web.send(new HmuxFrame.Uri("/chunks"), new HmuxFrame.Method("PUT"), new HmuxFrame.Data("abc".getBytes()),
                    new HmuxFrame.Data("def".getBytes()), new HmuxFrame.Quit());
            AppServer.Seen seen = f.app.next();
            assertTrue(seen.chunked());
            assertEquals("abcdef", seen.bodyText());
            assertEquals("abcdef", body(web.answer()));
        }
    }

    @Test
    void drainsTheBodyTheServerDidNotRead() throws Exception {
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text("len " + request.body().length));
                WebTier web = f.connect()) {
            // the web tier declares 4 bytes and sends 12 with yields between: the endpoint forwards 4,
            // reads the rest, acknowledges every yield and answers once the request has ended
            web.send(new HmuxFrame.Uri("/short"), new HmuxFrame.Method("POST"), new HmuxFrame.ContentLength("4"),
                    new HmuxFrame.Data("abcd".getBytes()), new HmuxFrame.Data("efgh".getBytes()), new HmuxFrame.Yield(),
                    new HmuxFrame.Data("ijkl".getBytes()), new HmuxFrame.Quit());
            assertEquals("abcd", f.app.next().bodyText());
            List<HmuxFrame> frames = new ArrayList<>(web.answer());
            if (!last(frames).equals("Q")) {
                frames.addAll(web.answer());
            }
            assertTrue(described(frames).contains("A 0"), described(frames).toString());
            assertEquals("Q", last(frames));
            web.send(EndpointFixture.get("/next", null));
            assertEquals("/next", f.app.next().target(), "the next request is read as one, not as body");
            assertEquals("Q", last(web.answer()));
        }
    }

    @Test
    void rewritesSessionIdsBothWays() throws Exception {
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.response("302 Found", List.of(
                new HeaderField("Location", "http://www.example.com/cart;jsessionid=Zx9Yw8?step=2"),
                new HeaderField("Set-Cookie", "JSESSIONID=Zx9Yw8; Path=/; HttpOnly"),
                new HeaderField("Set-Cookie", "theme=dark"),
                new HeaderField("Content-Length", "0")), new byte[0]));
                WebTier web = f.connect()) {
            web.send(EndpointFixture.get("/cart;jsessionid=baaAb12Cd", null, "Cookie", "a=1; JSESSIONID=\"baaAb12Cd\""));
            AppServer.Seen seen = f.app.next();
            assertEquals("/cart;jsessionid=Ab12Cd", seen.target());
            assertEquals("a=1; JSESSIONID=\"Ab12Cd\"", seen.header("Cookie"));
            List<String> answer = described(web.answer());
            assertTrue(answer.contains("S \"http://www.example.com/cart;jsessionid=baaZx9Yw8?step=2\""), answer.toString());
            assertTrue(answer.contains("S \"JSESSIONID=baaZx9Yw8; Path=/; HttpOnly\""), answer.toString());
            assertTrue(answer.contains("S \"theme=dark\""), answer.toString());
        }
    }

    @Test
    void dropsBridgeHeadersTheWebTierSends() throws Exception {
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text("ok"));
                WebTier web = f.connect()) {
            web.send(EndpointFixture.get("/forged", null, "X-Turnpike-Hmux-Secret", "guess",
                    "x-turnpike-hmux-remote-addr", "127.0.0.1", "X-Forwarded-For", "127.0.0.1"));
            AppServer.Seen seen = f.app.next();
            assertEquals(List.of(f.trust.secret()), seen.headers(EndpointTrust.SECRET));
            assertEquals(List.of("192.168.1.20"), seen.headers(EndpointTrust.REMOTE_ADDR));
            assertEquals(List.of("192.168.1.20"), seen.headers("X-Forwarded-For"),
                    "a forwarding header from behind the web tier is a browser's forgery");
            web.answer();
        }
    }

    @Test
    void passesHttpsTheUserAndTheClientCertificate() throws Exception {
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text("ok"));
                WebTier web = f.connect()) {
            byte[] cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".getBytes();
            web.send(new HmuxFrame.Uri("/secure"), new HmuxFrame.Method("GET"), new HmuxFrame.ServerName("shop"),
                    new HmuxFrame.ServerPort("443"), new HmuxFrame.RemoteUser("alice"), new HmuxFrame.AuthType("Basic"),
                    new HmuxFrame.Secure(), new HmuxFrame.ClientCert(cert), new HmuxFrame.Header("SSL_CIPHER"),
                    new HmuxFrame.HeaderValue("TLS_AES_128_GCM_SHA256"), new HmuxFrame.Quit());
            AppServer.Seen seen = f.app.next();
            assertEquals("https", seen.header(EndpointTrust.SCHEME));
            assertEquals("https", seen.header("X-Forwarded-Proto"));
            assertEquals("443", seen.header(EndpointTrust.SERVER_PORT));
            assertEquals("alice", seen.header(EndpointTrust.REMOTE_USER));
            assertEquals("Basic", seen.header(EndpointTrust.AUTH_TYPE));
            assertArrayEquals(cert, java.util.Base64.getDecoder().decode(seen.header(EndpointTrust.CLIENT_CERT)));
            assertEquals("TLS_AES_128_GCM_SHA256", seen.header("SSL_CIPHER"));
            web.answer();
        }
    }

    @Test
    void closesOnBrokenFramingWithoutWritingAnything() throws Exception {
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text("ok"));
                WebTier web = f.connect()) {
            web.send(new HmuxFrame.Uri("/a"), new HmuxFrame.Header("Host"), new HmuxFrame.Method("GET"));
            assertTrue(web.closedWithoutAnswer(), "an H not followed by S breaks the framing");
            assertEquals(0, web.received().length, "nothing is written, no E frame above all");
        }
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text("ok"));
                WebTier web = f.connect()) {
            web.sendBytes(new byte[] {'U', (byte) 0xff, (byte) 0xff, '/'});
            assertTrue(web.closedWithoutAnswer(), "a path longer than the limit");
            assertEquals(0, web.received().length);
            assertEquals(1, f.endpoint.figures().protocolErrors());
        }
    }

    @Test
    void answers503WhenThisServerDoesNotAnswer() throws Exception {
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text("ok"))) {
            f.app.close();
            try (WebTier web = f.connect()) {
                web.send(EndpointFixture.get("/down", null));
                List<HmuxFrame> answer = web.answer();
                assertEquals("s \"503 Service Unavailable\"", answer.get(0).describe());
                assertTrue(body(answer).startsWith("TPH0004 "), body(answer));
                assertEquals("Q", last(answer));
            }
        }
    }

    @Test
    void streamsAResponseWithoutLengthAndSplitsLargeBodies() throws Exception {
        byte[] big = new byte[70_427];
        new Random(3).nextBytes(big);
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.chunked("200 OK",
                List.of(new HeaderField("Content-Type", "application/octet-stream")), big, 30_000));
                WebTier web = f.connect()) {
            web.send(EndpointFixture.get("/big", null));
            List<HmuxFrame> answer = web.answer();
            assertFalse(described(answer).contains("H \"Content-Length\""));
            assertFalse(described(answer).contains("H \"Transfer-Encoding\""), "hop-by-hop headers stay behind");
            int largest = 0;
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            for (HmuxFrame frame : answer) {
                if (frame instanceof HmuxFrame.Data) {
                    byte[] bytes = ((HmuxFrame.Data) frame).bytes();
                    largest = Math.max(largest, bytes.length);
                    received.writeBytes(bytes);
                }
            }
            assertArrayEquals(big, received.toByteArray());
            assertTrue(largest <= ResponseWriter.CHUNK, "largest D frame " + largest);
        }
    }

    @Test
    void answersTheDispatchQueryBetweenC2AndQ() throws Exception {
        List<HmuxFrame> reply = List.of(new HmuxFrame.DispatchHost(""), new HmuxFrame.DispatchEtag("etag1"));
        List<String> asked = new ArrayList<>();
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text("ok"), EndpointFixture.settings(),
                (host, etag) -> {
                    asked.add(host + "|" + etag);
                    return reply;
                });
                WebTier web = f.connect()) {
            web.send(new HmuxFrame.Channel(1), new HmuxFrame.SubProtocol(HmuxFrame.SubProtocol.DISPATCH),
                    new HmuxFrame.DispatchEtag("old"), new HmuxFrame.DispatchHost("www.example.com"),
                    new HmuxFrame.DispatchQuery(""), new HmuxFrame.Quit());
            web.expectDispatchReply();
            assertEquals(List.of("C 2", "h \"\"", "e \"etag1\"", "Q"), described(web.answer()));
            assertEquals(List.of("www.example.com|old"), asked);
            web.send(EndpointFixture.get("/after-query", null));
            assertEquals("/after-query", f.app.next().target(), "the connection carries requests after a query");
            web.answer();
        }
    }

    @Test
    void closesAConnectionIdleForTheKeepAliveTimeout() throws Exception {
        EndpointSettings quick = EndpointFixture.settings().withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5));
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text("ok"), quick, (h, e) -> List.of());
                WebTier web = f.connect()) {
            web.send(EndpointFixture.get("/once", null));
            web.answer();
            long start = System.nanoTime();
            assertTrue(web.closedWithoutAnswer());
            assertTrue(System.nanoTime() - start < 4_000_000_000L);
        }
    }

    @Test
    void servesAtMostMaxConnectionsAtOnceAndClosesThemAll() throws Exception {
        EndpointSettings one = EndpointFixture.settings().withMaxConnections(1);
        try (EndpointFixture f = EndpointFixture.start(request -> AppServer.text("ok"), one, (h, e) -> List.of())) {
            WebTier first = f.connect();
            first.send(EndpointFixture.get("/first", null));
            first.answer();
            try (WebTier second = f.connect()) {
                second.send(EndpointFixture.get("/second", null));
                Thread.sleep(300);
                assertEquals("/first", f.app.next().target());
                assertEquals(0, f.app.waiting(), "the second connection waits while the first is open");
                first.close();
                assertEquals("/second", f.app.next().target());
                assertEquals("Q", last(second.answer()));
                f.endpoint.close();
                assertTrue(second.closedWithoutAnswer(), "closing the endpoint closes its connections");
            }
            try (Socket refused = new Socket()) {
                InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        f.endpoint.address().getPort());
                assertThrows(ConnectException.class, () -> refused.connect(address, 1000), "nothing listens any more");
            }
        }
    }

    private static String last(List<HmuxFrame> frames) {
        return frames.isEmpty() ? "(none)" : frames.get(frames.size() - 1).describe();
    }

    private static String body(List<HmuxFrame> frames) {
        StringBuilder text = new StringBuilder();
        for (HmuxFrame frame : frames) {
            if (frame instanceof HmuxFrame.Data) {
                text.append(new String(((HmuxFrame.Data) frame).bytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString().trim();
    }
}

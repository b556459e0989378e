package dev.turnpike.proxy.fastcgi;

import dev.turnpike.backend.PoolStats;
import static dev.turnpike.proxy.fastcgi.FakeFastCgiServer.Peer.end;
import static dev.turnpike.proxy.fastcgi.FakeFastCgiServer.Peer.stdout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ExchangeException.Stage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The client against a scripted application that misbehaves: how far each failed exchange got
 * (stage and whole message), what is kept and what is closed, and the limits that bound memory.
 */
class FastCgiHostileServerTest {

    private static final FastCgiSettings SETTINGS = FastCgiSettings.builder().socketTimeout(Duration.ofSeconds(5))
            .build();

    private static BackendRequest request() {
        return BackendRequest.builder("GET", "/app.php", "/app.php").server("http", "h", 80)
                .remote("192.0.2.1", "192.0.2.1", 4000).build();
    }

    private static CgiParams params(BackendRequest request) {
        return CgiParams.of(request, "/srv", CgiScript.split(request.path(), ".php"));
    }

    private static FastCgiExchangeException failure(FakeFastCgiServer server, FastCgiSettings settings,
            RecordingSink sink) {
        try (FastCgiClient client = new FastCgiClient(server.address(), settings)) {
            return assertThrows(FastCgiExchangeException.class,
                    () -> client.exchange(request(), params(request()), sink));
        }
    }

    private static String prefix(FakeFastCgiServer server, String code) {
        return code + " " + FastCgiExchangeException.address(server.address()) + " fcgi#";
    }

    @Test
    void theRequestOnTheWire() throws Exception {
        AtomicReference<FakeFastCgiServer.Request> seen = new AtomicReference<>();
        byte[] body = "a=1".getBytes(StandardCharsets.US_ASCII);
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            seen.set(peer.request());
            peer.ok("fine");
        })) {
            BackendRequest post = BackendRequest.builder("POST", "/app.php", "/app.php")
                    .body(new ByteArrayInputStream(body), body.length).build();
            RecordingSink sink = new RecordingSink();
            try (FastCgiClient client = new FastCgiClient(server.address(), SETTINGS)) {
                FastCgiExchangeResult result = client.exchange(post, params(post), sink);
                assertTrue(result.keptAlive());
            }
            server.awaitScripts();
            assertEquals(List.of("status 200 OK", "header Content-Type: text/plain", "headersEnd", "body", "end"),
                    sink.events());
            assertEquals(FastCgiRecord.ROLE_RESPONDER, seen.get().begin().role());
            assertEquals(FastCgiRecord.FLAG_KEEP_CONN, seen.get().begin().flags());
            assertEquals("POST", seen.get().params().get("REQUEST_METHOD"));
            assertEquals("3", seen.get().params().get("CONTENT_LENGTH"));
            assertEquals("a=1", new String(seen.get().stdin(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void closedBeforeAnyOutputIsBeforeResponse() throws Exception {
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            peer.request();
            peer.close();
        })) {
            RecordingSink sink = new RecordingSink();
            FastCgiExchangeException e = failure(server, SETTINGS, sink);
            assertEquals(Stage.BEFORE_RESPONSE, e.stage());
            assertFalse(e.responseStarted());
            assertTrue(e.getMessage().startsWith(prefix(server, "TPF0003")), e.getMessage());
            assertTrue(e.getMessage().endsWith(": closed by the backend before any response byte (request sent)"),
                    e.getMessage());
            assertEquals(List.of(), sink.events());
        }
    }

    @Test
    void closedInTheMiddleOfTheBodyIsDuringResponse() throws Exception {
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            peer.request();
            peer.send(stdout("Status: 200 OK\r\n\r\npart of the body"));
            peer.close();
        })) {
            RecordingSink sink = new RecordingSink();
            FastCgiExchangeException e = failure(server, SETTINGS, sink);
            assertEquals(Stage.DURING_RESPONSE, e.stage());
            assertTrue(e.responseStarted());
            assertTrue(e.getMessage().startsWith(prefix(server, "TPF0004")), e.getMessage());
            assertTrue(e.getMessage().endsWith(": closed by the backend after 48 response bytes"), e.getMessage());
            assertEquals("part of the body", sink.bodyText());
            assertFalse(sink.events().contains("end"));
        }
    }

    @Test
    void anEndlessHeaderBlockIsCutAtTheLimit() throws Exception {
        FastCgiSettings small = SETTINGS.toBuilder().maxHeaderBytes(1024).build();
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            peer.request();
            try {
                for (int i = 0; i < 100_000; i++) {
                    peer.send(stdout("X-Filler-" + i + ": " + "a".repeat(100) + "\r\n"));
                }
            } catch (IOException expected) {
                // the client gave up and closed
            }
        })) {
            RecordingSink sink = new RecordingSink();
            FastCgiExchangeException e = failure(server, small, sink);
            assertEquals(Stage.BEFORE_RESPONSE, e.stage());
            assertTrue(e.getMessage().contains(": bad response: STDOUT record at offset "), e.getMessage());
            assertTrue(e.getMessage().endsWith(": CGI header block over 1024 bytes without its empty line"
                    + " (expected: at most maxHeaderBytes) (request sent)"), e.getMessage());
            assertEquals(List.of(), sink.events());
            server.awaitScripts();
        }
    }

    @Test
    void aRecordOfAnotherVersionIsRefused() throws Exception {
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            peer.request();
            byte[] record = FastCgiRecordWriter.encode(stdout("Status: 200\r\n\r\n"));
            record[0] = 2;
            peer.sendRaw(record);
            peer.awaitClose();
        })) {
            FastCgiExchangeException e = failure(server, SETTINGS, new RecordingSink());
            assertEquals(Stage.BEFORE_RESPONSE, e.stage());
            assertTrue(e.getMessage().endsWith(": bad response: STDOUT record at offset 0: version 2 (expected: 1)"
                    + " (request sent)"), e.getMessage());
        }
    }

    @Test
    void aRecordOfAnotherRequestIsRefused() throws Exception {
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            peer.request();
            peer.send(new FastCgiRecord(FastCgiRecord.STDOUT, 7, "Status: 200\r\n\r\n".getBytes()));
            peer.awaitClose();
        })) {
            FastCgiExchangeException e = failure(server, SETTINGS, new RecordingSink());
            assertEquals(Stage.BEFORE_RESPONSE, e.stage());
            assertTrue(e.getMessage().endsWith(": bad response: STDOUT record at offset 0: request id 7 (expected: 1)"
                    + " (request sent)"), e.getMessage());
        }
    }

    @Test
    void anApplicationThatNeverAnswersTimesOut() throws Exception {
        FastCgiSettings quick = SETTINGS.toBuilder().socketTimeout(Duration.ofMillis(300)).build();
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            peer.request();
            peer.awaitClose();
        })) {
            FastCgiExchangeException e = failure(server, quick, new RecordingSink());
            assertEquals(Stage.BEFORE_RESPONSE, e.stage());
            assertTrue(e.getMessage().endsWith(": nothing from the backend for 300ms before any response byte"
                    + " (request sent)"), e.getMessage());
            server.awaitScripts();
        }
    }

    @Test
    void anOverloadedApplicationEndsBeforeTheResponse() throws Exception {
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            peer.request();
            peer.send(FastCgiRecord.endRequest(1, 0, FastCgiRecord.OVERLOADED));
            peer.awaitClose();
        })) {
            FastCgiExchangeException e = failure(server, SETTINGS, new RecordingSink());
            assertEquals(Stage.BEFORE_RESPONSE, e.stage());
            assertTrue(e.getMessage().endsWith(": bad response: END_REQUEST record at offset 0: protocol status 2"
                    + " FCGI_OVERLOADED (expected: 0 FCGI_REQUEST_COMPLETE) (request sent)"), e.getMessage());
        }
    }

    @Test
    void endingWithoutOutputIsRefused() throws Exception {
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            peer.request();
            peer.send(FastCgiRecord.empty(FastCgiRecord.STDOUT, 1), end());
            peer.awaitClose();
        })) {
            FastCgiExchangeException e = failure(server, SETTINGS, new RecordingSink());
            assertTrue(e.getMessage().endsWith(": bad response: END_REQUEST record at offset 8: the request ended"
                    + " without any output (expected: a CGI header block on STDOUT) (request sent)"), e.getMessage());
        }
    }

    @Test
    void aStaleIdleConnectionIsRetriedOnANewOne() throws Exception {
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            peer.request();
            peer.ok("first");
            peer.close();
        }, peer -> {
            peer.request();
            peer.ok("second");
        })) {
            try (FastCgiClient client = new FastCgiClient(server.address(), SETTINGS)) {
                RecordingSink first = new RecordingSink();
                assertTrue(client.exchange(request(), params(request()), first).keptAlive());
                Thread.sleep(50); // let the FIN of the closed connection arrive
                RecordingSink second = new RecordingSink();
                FastCgiExchangeResult result = client.exchange(request(), params(request()), second);
                assertEquals("second", second.bodyText());
                assertFalse(result.reusedConnection());
                assertEquals(new PoolStats(1, 0, 2, 1, 0, 1), client.stats());
            }
            server.awaitScripts();
        }
    }

    @Test
    void bytesAfterEndRequestKeepTheConnectionOutOfThePool() throws Exception {
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            peer.request();
            byte[] response = FastCgiRecordWriter.encode(stdout("Status: 200\r\n\r\nok"));
            byte[] end = FastCgiRecordWriter.encode(end());
            byte[] stray = {1, 6, 0, 1};
            byte[] all = new byte[response.length + end.length + stray.length];
            System.arraycopy(response, 0, all, 0, response.length);
            System.arraycopy(end, 0, all, response.length, end.length);
            System.arraycopy(stray, 0, all, response.length + end.length, stray.length);
            peer.sendRaw(all);
            peer.awaitClose();
        })) {
            try (FastCgiClient client = new FastCgiClient(server.address(), SETTINGS)) {
                FastCgiExchangeResult result = client.exchange(request(), params(request()), new RecordingSink());
                assertFalse(result.keptAlive());
                assertEquals(0, client.stats().idle());
            }
        }
    }

    @Test
    void managementRecordsAreIgnoredAndAnAppStatusIsNoError() throws Exception {
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            peer.request();
            peer.send(stdout("Location: /next\r\n\r\n"),
                    new FastCgiRecord(FastCgiRecord.UNKNOWN_TYPE, 0, new byte[] {42, 0, 0, 0, 0, 0, 0, 0}),
                    new FastCgiRecord(FastCgiRecord.GET_VALUES_RESULT, 0, new byte[0]),
                    FastCgiRecord.endRequest(1, 255, FastCgiRecord.REQUEST_COMPLETE));
        })) {
            RecordingSink sink = new RecordingSink();
            try (FastCgiClient client = new FastCgiClient(server.address(), SETTINGS)) {
                FastCgiExchangeResult result = client.exchange(request(), params(request()), sink);
                assertEquals(302, result.status());
                assertEquals(255, result.appStatus());
            }
            assertEquals(List.of("status 302 Found", "header Location: /next", "headersEnd", "end"), sink.events());
        }
    }

    @Test
    void aFailingSinkIsTheClientsFault() throws Exception {
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            peer.request();
            peer.ok("nobody reads this");
            peer.awaitClose();
        })) {
            RecordingSink throwing = new RecordingSink() {
                @Override
                public void body(byte[] bytes, int offset, int length) throws IOException {
                    throw new IOException("browser gone");
                }
            };
            FastCgiExchangeException e = failure(server, SETTINGS, throwing);
            assertEquals(Stage.CLIENT, e.stage());
            assertTrue(e.responseStarted());
            assertTrue(e.getMessage().startsWith(prefix(server, "TPF0005")), e.getMessage());
            assertTrue(e.getMessage().endsWith(": the response sink failed: browser gone"), e.getMessage());
        }
    }

    @Test
    void stderrIsLoggedWithinItsBound() throws Exception {
        FastCgiSettings bounded = SETTINGS.toBuilder().maxStderrBytes(40).build();
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            peer.request();
            peer.send(new FastCgiRecord(FastCgiRecord.STDERR, 1, "short line\nevil\u001b[31m line\n".getBytes()),
                    new FastCgiRecord(FastCgiRecord.STDERR, 1, "x".repeat(10_000).getBytes()));
            peer.ok("ok");
        })) {
            List<String> lines = new ArrayList<>();
            Handler handler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    synchronized (lines) {
                        lines.add(record.getMessage().replaceFirst("^fcgi#\\d+ \\S+ ", ""));
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            Logger logger = Logger.getLogger("dev.turnpike.proxy.fastcgi");
            logger.addHandler(handler);
            try (FastCgiClient client = new FastCgiClient(server.address(), bounded)) {
                client.exchange(request(), params(request()), new RecordingSink());
            } finally {
                logger.removeHandler(handler);
            }
            synchronized (lines) {
                assertEquals(List.of("GET /app.php stderr: short line", "GET /app.php stderr: evil?[31m line",
                        "GET /app.php stderr: " + "x".repeat(14),
                        "GET /app.php stderr: 9986 more bytes not logged (max-stderr-bytes=40)"), lines);
            }
        }
    }
}

package dev.turnpike.proxy.fastcgi;

import dev.turnpike.backend.GeneratedBody;
import dev.turnpike.backend.PoolStats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ExchangeException.Stage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against the real Debian {@code php-cgi}: variables as PHP sees them, statuses and
 * redirects PHP makes, form posts, bodies and responses far larger than any buffer, keep-alive
 * reuse and the retry after php-cgi restarted under a pooled connection. php-cgi must be
 * installed (see {@link PhpCgi}). Every client is closed by its test, since each idle connection
 * holds one of php-cgi's two workers.
 */
class FastCgiPhpTest {

    private static final long BIG_RESPONSE_CHUNKS = 800;
    private static final String CHUNK = "0123456789abcdef".repeat(4096);

    private static PhpCgi php;

    @BeforeAll
    static void startPhp() throws Exception {
        php = PhpCgi.start();
        php.script("server.php", """
                <?php
                header('Content-Type: text/plain');
                foreach ($_SERVER as $k => $v) {
                    if (is_string($v)) echo "S_$k=", str_replace("\\n", ' ', $v), "\\n";
                }
                foreach ($_GET as $k => $v) echo "G_$k=$v\\n";
                foreach ($_POST as $k => $v) echo "P_$k=$v\\n";
                echo 'ENV_HTTP_PROXY=', var_export(getenv('HTTP_PROXY'), true), "\\n";
                """);
        php.script("status.php", """
                <?php
                http_response_code(404);
                header('X-Test: yes');
                echo "missing\\n";
                """);
        php.script("redirect.php", """
                <?php
                header('Location: /elsewhere');
                """);
        php.script("input.php", """
                <?php
                $hash = hash_init('sha256');
                $in = fopen('php://input', 'rb');
                $length = 0;
                while (!feof($in)) {
                    $data = fread($in, 65536);
                    $length += strlen($data);
                    hash_update($hash, $data);
                }
                echo "LENGTH=$length\\nSHA256=", hash_final($hash), "\\nCONTENT_LENGTH=",
                    $_SERVER['CONTENT_LENGTH'] ?? '', "\\n";
                """);
        php.script("big.php", """
                <?php
                header('Content-Type: application/octet-stream');
                $chunk = str_repeat('0123456789abcdef', 4096);
                for ($i = 0; $i < %d; $i++) echo $chunk;
                """.formatted(BIG_RESPONSE_CHUNKS));
        php.script("stderr.php", """
                <?php
                error_log('first complaint');
                error_log("second\\ncomplaint");
                file_put_contents('php://stderr', "to the process stderr\\n");
                echo "done";
                """);
    }

    @AfterAll
    static void stopPhp() throws Exception {
        if (php != null) {
            php.close();
        }
    }

    private static FastCgiClient client() {
        return new FastCgiClient(php.address(), FastCgiSettings.DEFAULT);
    }

    private static BackendRequest.Builder get(String path) {
        return BackendRequest.builder("GET", path, path).server("http", "shop.example", 8080)
                .remote("192.0.2.7", "192.0.2.7", 50123);
    }

    private static CgiParams params(BackendRequest request) {
        return CgiParams.of(request, php.documentRoot().toString(), CgiScript.split(request.path(), ".php"));
    }

    private static RecordingSink send(FastCgiClient client, BackendRequest request) throws IOException {
        RecordingSink sink = new RecordingSink();
        client.exchange(request, params(request), sink);
        return sink;
    }

    @Test
    void getWithQueryPathInfoAndHeaders() throws IOException {
        BackendRequest request = get("/server.php/extra/path").query("a=1&b=two%20words").header("Host", "shop.example")
                .header("X-Trace", "one").header("X-Trace", "two").header("Proxy", "http://evil.example:3128")
                .header("X-User", "trusted").header("X_User", "forged").build();
        try (FastCgiClient client = client()) {
            RecordingSink sink = send(client, request);
            assertEquals(List.of("status 200 OK", "header Content-type: text/plain;charset=UTF-8", "headersEnd", "body",
                    "end"), sink.events());
            Map<String, String> seen = sink.lines();
            assertEquals("/server.php/extra/path?a=1&b=two%20words", seen.get("S_REQUEST_URI"));
            assertEquals("a=1&b=two%20words", seen.get("S_QUERY_STRING"));
            assertEquals("1", seen.get("G_a"));
            assertEquals("two words", seen.get("G_b"));
            assertEquals("/server.php", seen.get("S_SCRIPT_NAME"));
            assertEquals("/extra/path", seen.get("S_PATH_INFO"));
            assertEquals(php.documentRoot() + "/server.php", seen.get("S_SCRIPT_FILENAME"));
            assertEquals("GET", seen.get("S_REQUEST_METHOD"));
            assertEquals("shop.example", seen.get("S_SERVER_NAME"));
            assertEquals("8080", seen.get("S_SERVER_PORT"));
            assertEquals("192.0.2.7", seen.get("S_REMOTE_ADDR"));
            assertEquals("one, two", seen.get("S_HTTP_X_TRACE"));
            assertEquals("trusted", seen.get("S_HTTP_X_USER"));
            assertNull(seen.get("S_HTTP_PROXY"));
            assertEquals("false", seen.get("ENV_HTTP_PROXY"));
            assertEquals("Turnpike", seen.get("S_SERVER_SOFTWARE"));
        }
    }

    @Test
    void statusAndRedirectMadeByPhp() throws IOException {
        try (FastCgiClient client = client()) {
            RecordingSink missing = send(client, get("/status.php").build());
            assertEquals("status 404 Not Found", missing.events().get(0));
            assertEquals("yes", missing.header("X-Test"));
            assertEquals("missing\n", missing.bodyText());

            RecordingSink redirect = send(client, get("/redirect.php").build());
            assertEquals("status 302 Found", redirect.events().get(0));
            assertEquals("/elsewhere", redirect.header("Location"));
        }
    }

    @Test
    void urlencodedFormReachesPost() throws IOException {
        byte[] form = "name=Ann+Smith&city=M%C3%BCnchen".getBytes(StandardCharsets.US_ASCII);
        BackendRequest request = BackendRequest.builder("POST", "/server.php", "/server.php")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(new ByteArrayInputStream(form), form.length).build();
        try (FastCgiClient client = client()) {
            Map<String, String> seen = send(client, request).lines();
            assertEquals("Ann Smith", seen.get("P_name"));
            assertEquals("München", seen.get("P_city"));
            assertEquals(Integer.toString(form.length), seen.get("S_CONTENT_LENGTH"));
            assertEquals("POST", seen.get("S_REQUEST_METHOD"));
        }
    }

    @Test
    void twentyMegabyteBodyIsStreamed() throws IOException {
        long length = 20L * 1024 * 1024;
        BackendRequest request = BackendRequest.builder("POST", "/input.php", "/input.php")
                .header("Content-Type", "application/octet-stream").body(new GeneratedBody(length), length).build();
        try (FastCgiClient client = client()) {
            Map<String, String> seen = send(client, request).lines();
            assertEquals(Long.toString(length), seen.get("LENGTH"));
            assertEquals(GeneratedBody.sha256(length), seen.get("SHA256"));
        }
    }

    @Test
    void bodiesOfUnknownLengthAreSpooledForPhp() throws IOException {
        long length = 3 * BodySpool.IN_MEMORY + 123;
        BackendRequest upload = BackendRequest.builder("PUT", "/input.php", "/input.php")
                .header("Transfer-Encoding", "chunked").header("Content-Type", "application/octet-stream")
                .body(new GeneratedBody(length), -1).build();
        byte[] form = "q=chunked+form".getBytes(StandardCharsets.US_ASCII);
        BackendRequest smallForm = BackendRequest.builder("POST", "/server.php", "/server.php")
                .header("Transfer-Encoding", "chunked").header("Content-Type", "application/x-www-form-urlencoded")
                .body(new ByteArrayInputStream(form), -1).build();
        try (FastCgiClient client = client()) {
            Map<String, String> seen = send(client, upload).lines();
            assertEquals(Long.toString(length), seen.get("LENGTH"));
            assertEquals(Long.toString(length), seen.get("CONTENT_LENGTH"));
            assertEquals(GeneratedBody.sha256(length), seen.get("SHA256"));

            Map<String, String> posted = send(client, smallForm).lines();
            assertEquals("chunked form", posted.get("P_q"));
            assertNull(posted.get("S_HTTP_TRANSFER_ENCODING"));
        }
    }

    @Test
    void fiftyMegabyteResponseIsStreamed() throws Exception {
        DigestSink sink = new DigestSink();
        BackendRequest request = get("/big.php").build();
        try (FastCgiClient client = client()) {
            FastCgiExchangeResult result = client.exchange(request, params(request), sink);
            assertEquals(200, result.status());
            assertTrue(result.keptAlive());
        }
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        byte[] chunk = CHUNK.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < BIG_RESPONSE_CHUNKS; i++) {
            expected.update(chunk);
        }
        assertEquals(BIG_RESPONSE_CHUNKS * chunk.length, sink.length());
        assertEquals(HexFormat.of().formatHex(expected.digest()), sink.sha256());
        assertTrue(sink.largestPiece() <= FastCgiRecord.MAX_CONTENT, "pieces of at most one record");
        assertTrue(sink.ended());
    }

    @Test
    void connectionsAreKeptAndReused() throws IOException {
        try (FastCgiClient client = client()) {
            List<Long> connections = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                BackendRequest request = get("/server.php").query("n=" + i).build();
                RecordingSink sink = new RecordingSink();
                FastCgiExchangeResult result = client.exchange(request, params(request), sink);
                assertEquals(Integer.toString(i), sink.lines().get("G_n"));
                assertEquals(i > 0, result.reusedConnection());
                assertTrue(result.keptAlive());
                connections.add(result.connectionId());
            }
            assertEquals(1, connections.stream().distinct().count());
            assertEquals(new PoolStats(1, 0, 1, 4, 0, 0), client.stats());
            client.closeIdle();
            assertEquals(0, client.stats().idle());
        }
    }

    @Test
    void withoutKeepConnPhpClosesEveryConnection() throws IOException {
        FastCgiSettings settings = FastCgiSettings.builder().keepConn(false).build();
        try (FastCgiClient client = new FastCgiClient(php.address(), settings)) {
            for (int i = 0; i < 3; i++) {
                BackendRequest request = get("/status.php").build();
                FastCgiExchangeResult result = client.exchange(request, params(request), new RecordingSink());
                assertFalse(result.keptAlive());
            }
            assertEquals(new PoolStats(0, 0, 3, 0, 0, 0), client.stats());
        }
    }

    @Test
    void pooledConnectionStaleAfterRestartIsRetriedOnANewOne() throws Exception {
        try (PhpCgi restarting = PhpCgi.start()) {
            restarting.script("hello.php", "<?php echo 'hello';");
            BackendRequest request = get("/hello.php").build();
            CgiParams params = CgiParams.of(request, restarting.documentRoot().toString(),
                    CgiScript.split("/hello.php", ".php"));
            try (FastCgiClient client = new FastCgiClient(restarting.address(), FastCgiSettings.DEFAULT)) {
                RecordingSink first = new RecordingSink();
                assertTrue(client.exchange(request, params, first).keptAlive());
                assertEquals("hello", first.bodyText());

                restarting.restart();

                RecordingSink second = new RecordingSink();
                FastCgiExchangeResult result = client.exchange(request, params, second);
                assertEquals("hello", second.bodyText());
                assertFalse(result.reusedConnection());
                PoolStats stats = client.stats();
                assertEquals(1, stats.stale());
                assertEquals(2, stats.opened());
                assertEquals(1, stats.reused());
            }
        }
    }

    @Test
    void stderrIsLoggedAtWarning() throws IOException {
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(record);
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
        try (FastCgiClient client = client()) {
            RecordingSink sink = send(client, get("/stderr.php").build());
            assertEquals("done", sink.bodyText());
        } finally {
            logger.removeHandler(handler);
        }
        List<String> lines;
        synchronized (logged) {
            assertTrue(logged.stream().allMatch(record -> record.getLevel() == Level.WARNING));
            lines = logged.stream().map(LogRecord::getMessage).toList();
        }
        // php-cgi sends error_log() over FastCGI STDERR; php://stderr is its own process stderr
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("fcgi#\\d+ 127\\.0\\.0\\.1:\\d+ GET /stderr\\.php stderr: first complaint"),
                lines.get(0));
        assertTrue(lines.get(1).endsWith(" stderr: second"), lines.get(1));
        assertTrue(lines.get(2).endsWith(" stderr: complaint"), lines.get(2));
        assertTrue(php.processStderr().contains("to the process stderr"));
    }

    @Test
    void refusedConnectionIsAConnectFailure() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        InetSocketAddress nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (FastCgiClient client = new FastCgiClient(nobody, FastCgiSettings.DEFAULT)) {
            BackendRequest request = get("/x.php").build();
            FastCgiExchangeException e = assertThrows(FastCgiExchangeException.class,
                    () -> client.exchange(request, params(request), new RecordingSink()));
            assertEquals(Stage.CONNECT, e.stage());
            assertTrue(e.nothingSent());
            assertTrue(e.getMessage().startsWith("TPF0001 127.0.0.1:" + port + " fcgi#"), e.getMessage());
            assertTrue(e.getMessage().contains(": cannot connect: "), e.getMessage());
        }
    }

}

package dev.turnpike.it.hmux;

import dev.turnpike.backend.PoolStats;
import dev.turnpike.backend.ResponseSink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.hmux.HmuxClient;
import dev.turnpike.hmux.HmuxClientSettings;
import dev.turnpike.hmux.HmuxExchangeResult;
import dev.turnpike.hmux.HmuxRequestHead;
import dev.turnpike.it.resin.RawResponse;
import dev.turnpike.it.resin.ResinLayout;
import dev.turnpike.it.resin.ResinServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Turnpike's HMUX client against real Resin 4.0.66: one Resin with the echo servlet, spoken to on
 * its cluster port as mod_caucho would, and compared with the same request over HTTP where the two
 * should agree. A plain JUnit test: no WildFly.
 */
class HmuxClientIT {

    private static final Path WORK = Path.of(System.getProperty("turnpike.it.work", "target/differential"))
            .resolveSibling("hmux-client");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HmuxClientSettings SETTINGS = HmuxClientSettings.builder()
            .connectTimeout(TIMEOUT).socketTimeout(TIMEOUT).build();
    private static final Logger WIRE = Logger.getLogger("dev.turnpike.hmux.wire");

    private static ResinServer resin;
    private static long resinPid;
    private static InetSocketAddress hmuxPort;

    private final WireLog wire = new WireLog();

    @BeforeAll
    static void startResin() {
        resin = ResinServer.start(ResinLayout.create().host("", null, null), WORK);
        resinPid = resin.pid();
        hmuxPort = new InetSocketAddress(InetAddress.getLoopbackAddress(), resin.serverPort());
    }

    @AfterAll
    static void stopResin() {
        if (resin != null) {
            resin.close();
            assertFalse(ProcessHandle.of(resinPid).map(ProcessHandle::isAlive).orElse(false),
                    "Resin " + resinPid + " still alive after close()");
        }
    }

    @BeforeEach
    void recordTheWire() {
        WIRE.setLevel(Level.FINEST);
        WIRE.addHandler(wire);
    }

    @AfterEach
    void stopRecording() {
        WIRE.removeHandler(wire);
        WIRE.setLevel(null);
    }

    @Test
    void getWithQueryAndCookieReachesTheServletAsOverHttp() throws Exception {
        String query = "name=caucho&list=a&list=b&enc=%41%20b";
        String host = "127.0.0.1:" + resin.httpPort();
        RawResponse overHttp = resin.http().send("GET", "/echo/path/info?" + query, host,
                List.of("Cookie: JSESSIONID=abc123; theme=dark", "X-Echo: headers"), null);

        Collected overHmux = new Collected();
        try (HmuxClient client = new HmuxClient(hmuxPort, SETTINGS)) {
            HmuxRequestHead head = HmuxRequestHead.builder("GET", "/echo/path/info").query(query)
                    .server("127.0.0.1", resin.httpPort()).remote("127.0.0.1", "127.0.0.1", 40000)
                    .header("Host", host)
                    .header("Cookie", "JSESSIONID=abc123; theme=dark")
                    .header("X-Echo", "headers")
                    .build();
            assertEquals(200, client.exchange(head, null, overHmux).status());
        }

        assertEquals(200, overHttp.status());
        assertEquals(List.of("200 OK"), overHmux.status);
        // RawHttp also sends Connection: close, which a web tier does not pass on
        String httpEcho = overHttp.bodyText().replace("header.Connection=close\n", "");
        assertEquals(headersSorted(httpEcho), headersSorted(overHmux.text()));
        assertTrue(overHmux.text().contains("queryString=" + query + "\n"), overHmux.text());
        assertTrue(overHmux.text().contains("param.list=a,b\n"), overHmux.text());
        assertTrue(overHmux.text().contains("cookie.JSESSIONID=abc123\ncookie.theme=dark\n"), overHmux.text());
        assertEquals(overHttp.headerOrNull("Content-Type"), overHmux.header("Content-Type"));
        assertEquals(List.of("cpu-load"), overHmux.metaNames);
    }

    @Test
    void postOf20000BytesGoesThroughUnderFlowControl() throws Exception {
        byte[] body = new byte[20000];
        new Random(20000).nextBytes(body);
        Collected response = new Collected();
        try (HmuxClient client = new HmuxClient(hmuxPort, SETTINGS)) {
            HmuxRequestHead head = HmuxRequestHead.builder("POST", "/echo/upload")
                    .server("127.0.0.1", resin.httpPort()).remote("127.0.0.1", "127.0.0.1", 40000)
                    .header("Host", "127.0.0.1:" + resin.httpPort())
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Length", "20000")
                    .header("X-Echo", "body")
                    .build();
            HmuxExchangeResult result = client.exchange(head, new ByteArrayInputStream(body), response);
            assertTrue(result.keepAlive());
        }

        assertEquals(200, response.code);
        assertTrue(response.text().contains("body.length=20000\nbody.sha256="
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)) + "\n"), response.text());
        // Resin answered each yield with an ack before the next chunk went out
        assertEquals(List.of(">>> D len=8192", ">>> Y", "<<< A 0", ">>> D len=8192", ">>> Y", "<<< A 0",
                ">>> D len=3616", ">>> Q"), wire.lines(">>> D", ">>> Y", "<<< A", ">>> Q"));
    }

    @Test
    void responseOfAMegabyteStreamsInChunks() throws Exception {
        int size = 1 << 20;
        Collected response = new Collected();
        try (HmuxClient client = new HmuxClient(hmuxPort, SETTINGS)) {
            HmuxRequestHead head = get("/echo/big", "size=" + size);
            assertTrue(client.exchange(head, null, response).keepAlive());
        }

        byte[] bytes = response.body.toByteArray();
        assertTrue(bytes.length > size, "body of " + bytes.length + " bytes");
        byte[] filler = new byte[size];
        for (int i = 0; i < size; i++) {
            filler[i] = (byte) ('a' + i % 26);
        }
        assertEquals(new String(filler, StandardCharsets.US_ASCII),
                new String(bytes, bytes.length - size, size, StandardCharsets.US_ASCII));
        assertTrue(response.chunks.size() > 100, "chunks: " + response.chunks.size());
        assertTrue(response.chunks.stream().allMatch(c -> c <= 65535), "chunk sizes: " + response.chunks);
    }

    @Test
    void secondRequestReusesTheConnection() throws Exception {
        try (HmuxClient client = new HmuxClient(hmuxPort, SETTINGS)) {
            HmuxExchangeResult first = client.exchange(get("/echo/first", null), null, new Collected());
            Collected second = new Collected();
            HmuxExchangeResult then = client.exchange(get("/echo/second", null), null, second);

            assertTrue(second.text().contains("requestURI=/echo/second\n"), second.text());
            assertTrue(then.reusedConnection());
            assertEquals(first.connectionId(), then.connectionId());
            assertEquals(new PoolStats(1, 0, 1, 1, 0, 0), client.stats());
        }
    }

    @Test
    void connectionIdleForTheIdleTimeIsReplaced() throws Exception {
        Duration idle = Duration.ofSeconds(1);
        try (HmuxClient client = new HmuxClient(hmuxPort, SETTINGS.toBuilder().idleTime(idle).build())) {
            HmuxExchangeResult first = client.exchange(get("/echo/early", null), null, new Collected());
            awaitElapsed(System.nanoTime(), idle);
            HmuxExchangeResult late = client.exchange(get("/echo/late", null), null, new Collected());

            assertFalse(late.reusedConnection());
            assertNotEquals(first.connectionId(), late.connectionId());
            assertEquals(new PoolStats(1, 0, 2, 0, 1, 0), client.stats());
        }
    }

    @Test
    void bodyTheServletDoesNotReadIsDrainedByResinAndTheConnectionStaysInStep() throws Exception {
        try (HmuxClient client = new HmuxClient(hmuxPort, SETTINGS)) {
            HmuxRequestHead post = HmuxRequestHead.builder("POST", "/echo/unread")
                    .server("127.0.0.1", resin.httpPort()).remote("127.0.0.1", "127.0.0.1", 40000)
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Length", "30000")
                    .build();
            HmuxExchangeResult unread = client.exchange(post, new ByteArrayInputStream(new byte[30000]),
                    new Collected());
            Collected next = new Collected();
            HmuxExchangeResult after = client.exchange(get("/echo/after", null), null, next);

            assertTrue(unread.keepAlive());
            assertTrue(next.text().contains("requestURI=/echo/after\n"), next.text());
            // the whole response comes before the first ack; Resin then acks every yield and reads the
            // body to the client's Q before its own: no stray frame is left for the next request
            assertEquals(List.of(">>> D len=8192", ">>> Y", "<<< s \"200 OK\"", "<<< D", "<<< A 0",
                    ">>> D len=8192", ">>> Y", "<<< A 0", ">>> D len=8192", ">>> Y", "<<< A 0",
                    ">>> D len=5424", ">>> Q", "<<< Q",
                    ">>> Q", "<<< s \"200 OK\"", "<<< D", "<<< Q"),
                    wire.lines(">>> D", ">>> Y", ">>> Q", "<<< s", "<<< D", "<<< A", "<<< Q").stream()
                            .map(l -> l.startsWith("<<< D") ? "<<< D" : l).collect(Collectors.toList()));
            assertEquals(new PoolStats(1, 0, 1, 1, 0, 0), client.stats());
        }
    }

    /**
     * The echo's lines with its {@code header.} lines sorted: Resin 4.0.66 lists the headers of an
     * HMUX request in an order of its own ({@code Cookie} first), not in the order they came.
     */
    private static List<String> headersSorted(String echo) {
        List<String> lines = echo.lines().filter(l -> !l.startsWith("header.")).collect(Collectors.toList());
        echo.lines().filter(l -> l.startsWith("header.")).sorted().forEach(lines::add);
        return lines;
    }

    private static HmuxRequestHead get(String path, String extras) {
        HmuxRequestHead.Builder head = HmuxRequestHead.builder("GET", path)
                .server("127.0.0.1", resin.httpPort()).remote("127.0.0.1", "127.0.0.1", 40000)
                .header("Host", "127.0.0.1:" + resin.httpPort());
        if (extras != null) {
            head.header("X-Echo", extras);
        }
        return head.build();
    }

    /** Waits until {@code duration} has passed since {@code start} (a {@link System#nanoTime()}). */
    private static void awaitElapsed(long start, Duration duration) throws InterruptedException {
        long left;
        while ((left = start + duration.toNanos() - System.nanoTime()) > 0) {
            Thread.sleep(left / 1_000_000 + 1);
        }
    }

    /** A response as it arrived: status, headers, body and the size of each body chunk. */
    private static final class Collected implements ResponseSink {
        final List<String> status = new ArrayList<>();
        final List<String[]> headers = new ArrayList<>();
        final List<String> metaNames = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final List<Integer> chunks = new ArrayList<>();
        int code;
        boolean ended;

        @Override
        public void status(int code, String reason) {
            this.code = code;
            status.add(code + " " + reason);
        }

        @Override
        public void header(String name, String value) {
            headers.add(new String[] {name, value});
        }

        @Override
        public void metaHeader(String name, String value) {
            metaNames.add(name);
        }

        @Override
        public void body(byte[] bytes, int offset, int length) {
            body.write(bytes, offset, length);
            chunks.add(length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void end() {
            ended = true;
        }

        String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    /** The client's wire log lines, without the connection id: {@code >>> Y}, {@code <<< A 0}. */
    private static final class WireLog extends Handler {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        WireLog() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            lines.add(message.substring(message.indexOf(' ') + 1));
        }

        /** The lines starting with one of the prefixes, in order. */
        List<String> lines(String... prefixes) {
            synchronized (lines) {
                return lines.stream().filter(l -> List.of(prefixes).stream().anyMatch(l::startsWith))
                        .collect(Collectors.toList());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

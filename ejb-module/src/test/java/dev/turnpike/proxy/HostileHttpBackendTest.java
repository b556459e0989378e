package dev.turnpike.proxy;

import static dev.turnpike.proxy.HostileHarness.get;
import static dev.turnpike.proxy.HostileHarness.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.turnpike.proxy.HostileHarness.Case;
import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.GeneratedBody;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile HTTP/1.1 backends behind the real forwarder and client, over loopback: what the browser
 * gets, the failure counted on the backend, a bounded allocation whatever the backend sends, and
 * the connection never pooled after a failure or an unframed extra response: the next request
 * goes out on a new connection and is answered.
 */
class HostileHttpBackendTest {

    /**
     * One hostile backend: the request, what the backend does on the first connection, what the
     * browser sees and how many I/O failures its meter counts.
     */

    static final Supplier<BackendRequest> GET = () -> get("/a");
    static final Supplier<BackendRequest> SMALL_POST = () -> post("/a", new GeneratedBody(100), 100);
    /** A body far larger than any socket buffer, so a backend that stops reading blocks the writer. */
    static final long HUGE = 256L << 20;

    static String answer(String head, String body) {
        return head + "\r\n\r\n" + body;
    }

    static Stream<Case> cases() {
        return Stream.of(
                // status lines
                new Case("status code of four digits", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 2000 OK\r\nContent-Length: 2", "ok"));
                }, "503", 1),
                new Case("HTTP/2 status line", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/2 200\r\nContent-Length: 2", "ok"));
                }, "503", 1),
                new Case("status line ending in a bare LF", GET, peer -> {
                    peer.httpHead();
                    peer.send("HTTP/1.1 200 OK\nContent-Length: 2\r\n\r\nok");
                }, "503", 1),
                new Case("101 nobody asked for", GET, peer -> {
                    peer.httpHead();
                    peer.send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n");
                    peer.stall();
                }, "503", 1),

                // endless or oversized heads
                new Case("endless header lines", GET, peer -> {
                    peer.httpHead();
                    peer.flood(("HTTP/1.1 200 OK\r\n" + "X-A: " + "a".repeat(100) + "\r\n").repeat(20_000).getBytes());
                }, "503", 1),
                new Case("one header line of 1 MiB", GET, peer -> {
                    peer.httpHead();
                    peer.flood(("HTTP/1.1 200 OK\r\nX-A: " + "a".repeat(1 << 20) + "\r\n\r\n").getBytes());
                }, "503", 1),
                new Case("a status line of 1 MiB", GET, peer -> {
                    peer.httpHead();
                    peer.flood(("HTTP/1.1 200 " + "a".repeat(1 << 20) + "\r\n\r\n").getBytes());
                }, "503", 1),
                new Case("500 header fields", GET, peer -> {
                    peer.httpHead();
                    peer.flood(answer("HTTP/1.1 200 OK\r\n" + "X-A: 1\r\n".repeat(500) + "Content-Length: 2", "ok")
                            .getBytes());
                }, "503", 1),

                // header syntax: nothing that could split the browser's response passes
                new Case("header value with NUL", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nX-A: a\0b\r\nContent-Length: 2", "ok"));
                }, "503", 1),
                new Case("header value with a bare CR", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nX-A: a\rSet-Cookie: evil=1\r\nContent-Length: 2", "ok"));
                }, "503", 1),
                new Case("header line ending in a bare LF", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nX-A: a\nSet-Cookie: evil=1\r\nContent-Length: 2", "ok"));
                }, "503", 1),
                new Case("obs-fold", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nX-A: a\r\n Set-Cookie: evil=1\r\nContent-Length: 2", "ok"));
                }, "503", 1),
                new Case("space before the colon", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nContent-Length : 2", "ok"));
                }, "503", 1),

                // framing
                new Case("Content-Length twice, different", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 7", "ok"));
                }, "503", 1),
                new Case("Content-Length list, different", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nContent-Length: 2, 7", "ok"));
                }, "503", 1),
                new Case("Content-Length not a number", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nContent-Length: +2", "ok"));
                }, "503", 1),
                new Case("Content-Length beyond a long", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999", "ok"));
                }, "503", 1),
                new Case("Content-Length with Transfer-Encoding", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked",
                            "2\r\nok\r\n0\r\n\r\n"));
                }, "503", 1),
                new Case("Content-Length above what comes, then close", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nContent-Length: 10", "ok"));
                }, "cut after 200", 1),
                new Case("chunk size beyond a long", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked", "fffffffffffffffff1\r\nok"));
                }, "cut after 200", 1),
                new Case("chunk size line of 1 MiB", GET, peer -> {
                    peer.httpHead();
                    peer.flood(answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked", "2;" + "x".repeat(1 << 20))
                            .getBytes());
                }, "cut after 200", 1),
                new Case("chunk size line ending in a bare LF", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked", "2\nok\r\n0\r\n\r\n"));
                }, "cut after 200", 1),

                // early close and silence
                new Case("closed before any byte: GET tried once, no other server", GET, peer -> peer.httpHead(),
                        "503", 1),
                new Case("closed before any byte: POST is never sent twice", SMALL_POST, peer -> {
                    peer.httpHead();
                    peer.read(100);
                }, "502", 1),
                new Case("closed in the middle of the head", GET, peer -> {
                    peer.httpHead();
                    peer.send("HTTP/1.1 200 OK\r\nContent-Len");
                }, "503", 1),
                new Case("never answers", GET, peer -> {
                    peer.httpHead();
                    peer.stall();
                }, "504", 1),
                new Case("stops reading in the middle of a 256 MiB body", () -> post("/a", new GeneratedBody(HUGE),
                        HUGE), peer -> {
                            peer.httpHead();
                            peer.read(1000);
                            peer.stall();
                        }, "504", 1),

                // unframed extras: served once, never to the next request
                new Case("a body longer than its Content-Length", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nContent-Length: 2", "okHTTP/1.1 200 OK\r\n"));
                    peer.stall();
                }, "200 ok", 0),
                new Case("a second response right after the first", GET, peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nContent-Length: 2", "ok")
                            + answer("HTTP/1.1 200 OK\r\nContent-Length: 8", "smuggled"));
                    peer.stall();
                }, "200 ok", 0));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void hostileBackend(Case c) throws Exception {
        HostileHarness.check(c, HostileHarness::http, peer -> {
            peer.httpHead();
            peer.send(answer("HTTP/1.1 200 OK\r\nContent-Length: 4", "fine"));
        }, "/next");
    }

    /** Equal Content-Length fields are one length (RFC 9110 8.6); the connection is kept. */
    @Test
    void equalContentLengthsAreOne() throws Exception {
        try (ScriptedBackend backend = ScriptedBackend.start(peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2", "ok"));
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nContent-Length: 5", "again"));
                });
                HostileHarness harness = HostileHarness.http(backend)) {
            HostileHarness.Outcome first = harness.forward(get("/a"));
            assertEquals("200 ok", first.seen(), first.problem());
            assertEquals(1, first.browser().headers.stream().filter(h -> h.startsWith("Content-Length")).count());
            assertEquals("200 again", harness.forward(get("/b")).seen());
            assertEquals(1, backend.connections());
            backend.awaitScripts();
        }
    }

    /** Response headers that describe the backend's connection stay behind. */
    @Test
    void hopByHopResponseHeadersStayBehind() throws Exception {
        try (ScriptedBackend backend = ScriptedBackend.start(peer -> {
                    peer.httpHead();
                    peer.send(answer("HTTP/1.1 200 OK\r\nConnection: X-Secret, close\r\nX-Secret: 1\r\nUpgrade: h2c"
                            + "\r\nKeep-Alive: timeout=5\r\nContent-Length: 2", "ok"));
                });
                HostileHarness harness = HostileHarness.http(backend)) {
            HostileHarness.Outcome outcome = harness.forward(get("/a"));
            assertEquals("200 ok", outcome.seen(), outcome.problem());
            assertEquals(java.util.List.of("Content-Length: 2"), outcome.browser().headers);
            assertFalse(harness.connector().idle() > 0, "Connection: close was not honoured");
        }
    }
}

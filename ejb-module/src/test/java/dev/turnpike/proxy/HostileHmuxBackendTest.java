package dev.turnpike.proxy;

import static dev.turnpike.proxy.HostileHarness.get;
import static dev.turnpike.proxy.HostileHarness.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnpike.proxy.HostileHarness.Case;
import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.GeneratedBody;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile HMUX backends behind the real forwarder and client, over loopback: for each, what the
 * browser gets, that the failure is counted on the backend, that the forwarding thread allocates
 * a bounded amount whatever lengths the backend announces, and that the connection is never
 * pooled: the next request goes out on a new connection and is answered.
 */
class HostileHmuxBackendTest {

    /** A frame as bytes, whatever its code and payload: {@code code len_hi len_lo payload}. */
    static byte[] frame(char code, byte[] payload) {
        byte[] bytes = new byte[3 + payload.length];
        bytes[0] = (byte) code;
        bytes[1] = (byte) (payload.length >> 8);
        bytes[2] = (byte) payload.length;
        System.arraycopy(payload, 0, bytes, 3, payload.length);
        return bytes;
    }

    static byte[] frame(char code, String payload) {
        return frame(code, payload.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A frame head promising {@code length} bytes, then {@code sent} of them. */
    static byte[] promise(char code, int length, int sent) {
        byte[] bytes = new byte[3 + sent];
        bytes[0] = (byte) code;
        bytes[1] = (byte) (length >> 8);
        bytes[2] = (byte) length;
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] repeat(byte[] part, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The head of a 200 response up to {@code G}. */
    static final byte[] OK_HEAD = concat(frame('s', "200 OK"), frame('H', "Content-Type"), frame('S', "text/plain"),
            frame('G', ""));
    static final byte[] QUIT = {'Q'};

    static byte[] ok(String body) {
        return concat(OK_HEAD, frame('D', body), QUIT);
    }

    /**
     * One hostile backend: the request, what the backend does on the first connection, what the
     * browser sees and the failures counted ({@code io}, {@code busy}).
     */

    static final Supplier<BackendRequest> GET = () -> get("/a");
    static final Supplier<BackendRequest> SMALL_POST = () -> post("/a", new GeneratedBody(100), 100);

    static Stream<Case> cases() {
        return Stream.of(
                // truncated frames: EOF inside a frame head or payload
                new Case("EOF inside the status frame: GET tried once, no other server", GET, peer -> {
                    peer.hmuxRequest();
                    peer.send(promise('s', 10, 2));
                }, "503", 1),
                new Case("EOF inside the status frame: POST is never sent twice", SMALL_POST, peer -> {
                    peer.hmuxRequest();
                    peer.send(promise('s', 10, 2));
                }, "502", 1),
                new Case("EOF inside a data frame after the head was relayed", GET, peer -> {
                    peer.hmuxRequest();
                    peer.send(concat(OK_HEAD, promise('D', 100, 10)));
                }, "cut after 200", 1),
                new Case("EOF inside a frame head", GET, peer -> {
                    peer.hmuxRequest();
                    peer.send(concat(OK_HEAD, new byte[] {'D', 0}));
                }, "cut after 200", 1),

                // giant lengths: 0xffff again and again, over the string limit
                new Case("status of 65535 bytes, 200 times", GET, peer -> {
                    peer.hmuxRequest();
                    peer.flood(repeat(frame('s', new byte[0xffff]), 200));
                }, "503", 1),
                new Case("header names of 65535 bytes after the status", GET, peer -> {
                    peer.hmuxRequest();
                    peer.flood(concat(frame('s', "200 OK"), repeat(frame('H', new byte[0xffff]), 200)));
                }, "503", 1),
                new Case("unknown code with 65535-byte payloads, 200 times", GET, peer -> {
                    peer.hmuxRequest();
                    peer.flood(repeat(frame('z', new byte[0xffff]), 200));
                }, "503", 1),
                new Case("unknown codes of 8000 bytes past the head limit", GET, peer -> {
                    peer.hmuxRequest();
                    peer.flood(concat(frame('s', "200 OK"), repeat(frame('z', new byte[8000]), 100)));
                }, "503", 1),
                new Case("code 0x00 with a 0xffff length and nothing after", GET, peer -> {
                    peer.hmuxRequest();
                    peer.send(new byte[] {0, (byte) 0xff, (byte) 0xff});
                }, "503", 1),

                // the response's own shape
                new Case("X before any status", GET, peer -> {
                    peer.hmuxRequest();
                    peer.send(new byte[] {'X'});
                }, "503", 1),
                new Case("closed in the middle of the body", GET, peer -> {
                    peer.hmuxRequest();
                    peer.send(concat(OK_HEAD, frame('D', "part")));
                }, "cut after 200", 1),
                new Case("header value with CR LF", GET, peer -> {
                    peer.hmuxRequest();
                    peer.send(concat(frame('s', "200 OK"), frame('H', "X-A"), frame('S', "a\r\nSet-Cookie: evil=1"),
                            frame('G', ""), frame('D', "body"), QUIT));
                }, "503", 1),
                new Case("header value with NUL", GET, peer -> {
                    peer.hmuxRequest();
                    peer.send(concat(frame('s', "200 OK"), frame('H', "X-A"), frame('S', "a\0b"),
                            frame('G', ""), frame('D', "body"), QUIT));
                }, "503", 1),
                new Case("header name with a space and colon", GET, peer -> {
                    peer.hmuxRequest();
                    peer.send(concat(frame('s', "200 OK"), frame('H', "X-A: b\r\nX-B"), frame('S', "c"),
                            frame('G', ""), frame('D', "body"), QUIT));
                }, "503", 1),
                new Case("header value with CR LF after the head was sent", GET, peer -> {
                    peer.hmuxRequest();
                    peer.send(concat(OK_HEAD, frame('H', "X-A"), frame('S', "a\r\nSet-Cookie: evil=1"),
                            frame('D', "body"), QUIT));
                }, "cut after 200", 1),
                new Case("status reason with CR LF", GET, peer -> {
                    peer.hmuxRequest();
                    peer.send(concat(frame('s', "200 OK\r\nSet-Cookie: evil=1"), frame('G', ""), frame('D', "body"),
                            QUIT));
                }, "503", 1),

                // time: a backend that takes the request and says nothing
                new Case("never answers", GET, peer -> {
                    peer.hmuxRequest();
                    peer.stall();
                }, "504", 1),
                new Case("never answers a POST", SMALL_POST, peer -> {
                    peer.hmuxRequest();
                    peer.stall();
                }, "504", 1),
                new Case("stops reading in the middle of a 16 MiB body", () -> post("/a", new GeneratedBody(16 << 20),
                        16 << 20), peer -> {
                            peer.read(1000);
                            peer.stall();
                        }, "504", 1),

                // answers early: the body's remainder is not sent, and the connection is not kept
                new Case("answers before reading the body and ends with Q", () -> post("/a",
                        new GeneratedBody(1 << 20), 1 << 20), peer -> {
                            peer.read(1000);
                            peer.send(ok("early"));
                            peer.stall();
                        }, "200 early", 0),

                // response smuggling: a second response right after the first, in the same write
                new Case("a second response after Q", GET, peer -> {
                    peer.hmuxRequest();
                    peer.send(concat(ok("first"), ok("smuggled")));
                    peer.stall();
                }, "200 first", 0));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void hostileBackend(Case c) throws Exception {
        HostileHarness.check(c, HostileHarness::hmux, peer -> {
            peer.hmuxRequest();
            peer.send(ok("fine"));
        }, "/next");
    }

    /** Unknown codes within the limits are skipped, as Resin's readers do, and the connection is kept. */
    @Test
    void smallUnknownFramesAreSkipped() throws Exception {
        try (ScriptedBackend backend = ScriptedBackend.start(peer -> {
                    peer.hmuxRequest();
                    peer.send(concat(frame('z', "junk"), OK_HEAD, frame('~', "more"), frame('D', "body"), QUIT));
                    peer.hmuxRequest();
                    peer.send(ok("again"));
                });
                HostileHarness harness = HostileHarness.hmux(backend)) {
            assertEquals("200 body", harness.forward(get("/a")).seen());
            assertEquals("200 again", harness.forward(get("/b")).seen());
            assertEquals(1, backend.connections());
            backend.awaitScripts();
        }
    }

    /** Clean headers pass as the backend's frames gave them, a tab inside a value included. */
    @Test
    void cleanHeadersPass() throws Exception {
        try (ScriptedBackend backend = ScriptedBackend.start(peer -> {
                    peer.hmuxRequest();
                    peer.send(concat(frame('s', "200 OK"), frame('H', "X-Tab"), frame('S', "a\tb"), frame('G', ""),
                            frame('D', "ok"), QUIT));
                });
                HostileHarness harness = HostileHarness.hmux(backend)) {
            HostileHarness.Outcome outcome = harness.forward(get("/a"));
            assertEquals("200 ok", outcome.seen(), outcome.problem());
            assertEquals(List.of("X-Tab: a\tb"), outcome.browser().headers);
        }
    }
}

package dev.turnpike.proxy;

import static dev.turnpike.proxy.HostileHarness.get;
import static dev.turnpike.proxy.HostileHarness.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnpike.proxy.HostileHarness.Case;
import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.GeneratedBody;
import dev.turnpike.proxy.fastcgi.FastCgiRecord;
import dev.turnpike.proxy.fastcgi.FastCgiRecordWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile FastCGI applications behind the real forwarder and client, over loopback: what the
 * browser gets, the failure counted on the backend, a bounded allocation whatever lengths the
 * records announce, and the connection never pooled after a failure or bytes after
 * {@code END_REQUEST}: the next request goes out on a new connection and is answered.
 */
class HostileFastCgiBackendTest {

    /** A record header as bytes, whatever it says: version, type, id, lengths. */
    static byte[] header(int version, int type, int id, int contentLength, int paddingLength) {
        return new byte[] {(byte) version, (byte) type, (byte) (id >> 8), (byte) id, (byte) (contentLength >> 8),
            (byte) contentLength, (byte) paddingLength, 0};
    }

    static byte[] stdout(String text) {
        return FastCgiRecordWriter.encode(new FastCgiRecord(FastCgiRecord.STDOUT, 1,
                text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static final byte[] STDOUT_END = FastCgiRecordWriter.encode(FastCgiRecord.empty(FastCgiRecord.STDOUT, 1));
    static final byte[] END = FastCgiRecordWriter.encode(FastCgiRecord.endRequest(1, 0, FastCgiRecord.REQUEST_COMPLETE));

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] ok(String body) {
        return concat(stdout("Content-Type: text/plain\r\n\r\n" + body), STDOUT_END, END);
    }


    static final Supplier<BackendRequest> GET = () -> get("/x.php");
    static final Supplier<BackendRequest> SMALL_POST = () -> post("/x.php", new GeneratedBody(100), 100);
    static final long HUGE = 256L << 20;

    static Stream<Case> cases() {
        return Stream.of(
                // record headers
                new Case("version 2", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(concat(header(2, FastCgiRecord.STDOUT, 1, 2, 0), "ok".getBytes()));
                }, "503", 1),
                new Case("a type no application sends", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(concat(header(1, 99, 1, 2, 0), "ok".getBytes()));
                }, "503", 1),
                new Case("a BEGIN_REQUEST back", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(FastCgiRecordWriter.encode(FastCgiRecord.beginRequest(1, 1, true)));
                }, "503", 1),
                new Case("another request's STDOUT", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(FastCgiRecordWriter.encode(new FastCgiRecord(FastCgiRecord.STDOUT, 2, "X: 1\r\n\r\n"
                            .getBytes())));
                }, "503", 1),
                new Case("END_REQUEST of 9 bytes", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(concat(stdout("X: 1\r\n\r\nok"), header(1, FastCgiRecord.END_REQUEST, 1, 9, 0),
                            new byte[9]));
                }, "cut after 200", 1),

                // lengths beyond what comes
                new Case("content of 65535 announced, 10 sent", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(concat(header(1, FastCgiRecord.STDOUT, 1, 0xffff, 0), "X: 1\r\n\r\nok".getBytes()));
                }, "503", 1),
                new Case("padding of 255 announced, 3 sent", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(concat(header(1, FastCgiRecord.STDOUT, 1, 2, 255), "ok".getBytes(), new byte[3]));
                }, "503", 1),
                new Case("stream ending inside a record header", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(new byte[] {1, FastCgiRecord.STDOUT, 0});
                }, "503", 1),

                // the CGI header block
                new Case("STDOUT without the end of the headers, 1 MiB of it", GET, peer -> {
                    peer.fastCgiRequest();
                    byte[] line = stdout(("X-A: " + "a".repeat(1000) + "\r\n").repeat(60));
                    peer.flood(concat(java.util.Collections.nCopies(20, line).toArray(byte[][]::new)));
                }, "503", 1),
                new Case("END_REQUEST inside the header block", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(concat(stdout("Content-Type: text/plain\r\n"), STDOUT_END, END));
                }, "503", 1),
                new Case("header value with a bare CR", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(concat(stdout("X-A: a\rSet-Cookie: evil=1\r\n\r\nok"), STDOUT_END, END));
                }, "503", 1),
                new Case("header value with NUL", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(concat(stdout("X-A: a\0b\r\n\r\nok"), STDOUT_END, END));
                }, "503", 1),
                new Case("continuation line", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(concat(stdout("X-A: a\r\n Set-Cookie: evil=1\r\n\r\nok"), STDOUT_END, END));
                }, "503", 1),
                new Case("Status with CR LF in its reason", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(concat(stdout("Status: 200 OK\rSet-Cookie: evil=1\r\n\r\nok"), STDOUT_END, END));
                }, "503", 1),

                // early close and silence
                new Case("closed before any byte: GET tried once, no other server", GET, peer -> peer.fastCgiRequest(),
                        "503", 1),
                new Case("closed before any byte: POST is never sent twice", SMALL_POST, peer -> peer.fastCgiRequest(),
                        "502", 1),
                new Case("closed in the middle of the body", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(stdout("Content-Type: text/plain\r\n\r\npart"));
                }, "cut after 200", 1),
                new Case("never answers", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.stall();
                }, "504", 1),
                new Case("stops reading in the middle of a 256 MiB body", () -> post("/x.php", new GeneratedBody(HUGE),
                        HUGE), peer -> {
                            peer.read(1000);
                            peer.stall();
                        }, "504", 1),

                // bytes after END_REQUEST: served once, never to the next request
                new Case("a second response after END_REQUEST", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(concat(ok("first"), ok("smuggled")));
                    peer.stall();
                }, "200 first", 0),
                new Case("STDOUT after END_REQUEST", GET, peer -> {
                    peer.fastCgiRequest();
                    peer.send(concat(ok("first"), stdout("smuggled")));
                    peer.stall();
                }, "200 first", 0));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void hostileBackend(Case c) throws Exception {
        HostileHarness.check(c, HostileHarness::fastCgi, peer -> {
            peer.fastCgiRequest();
            peer.send(ok("fine"));
        }, "/next.php");
    }

    /**
     * Padding is skipped by its length, never read as records: records hidden in it (an
     * END_REQUEST and a STDOUT) change nothing, and the connection stays in step for the next
     * request.
     */
    @Test
    void recordsHiddenInPaddingAreSkipped() throws Exception {
        byte[] hidden = concat(END, stdout("smuggled"));
        byte[] content = "Content-Type: text/plain\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1);
        try (ScriptedBackend backend = ScriptedBackend.start(peer -> {
                    peer.fastCgiRequest();
                    peer.send(concat(header(1, FastCgiRecord.STDOUT, 1, content.length, hidden.length), content, hidden,
                            STDOUT_END, END));
                    peer.fastCgiRequest();
                    peer.send(ok("again"));
                });
                HostileHarness harness = HostileHarness.fastCgi(backend)) {
            assertEquals("200 ok", harness.forward(get("/x.php")).seen());
            assertEquals("200 again", harness.forward(get("/y.php")).seen());
            assertEquals(1, backend.connections());
            backend.awaitScripts();
        }
    }
}

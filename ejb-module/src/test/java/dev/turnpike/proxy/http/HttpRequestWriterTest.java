package dev.turnpike.proxy.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.HeaderField;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The request head as bytes, and what is refused before a byte is written. */
class HttpRequestWriterTest {

    private static final List<HeaderField> HOST = List.of(new HeaderField("Host", "www.example.com"));

    private static String head(BackendRequest request, List<HeaderField> headers) {
        return new String(HttpRequestWriter.head(request, headers), StandardCharsets.ISO_8859_1);
    }

    @Test
    void requestLineCarriesPathAndQueryAndTheBodyItsFraming() {
        assertEquals("GET /a%20b?x=1 HTTP/1.1\r\nHost: www.example.com\r\n\r\n",
                head(Requests.get("/a%20b").query("x=1").build(), HOST));
        assertEquals("POST /up HTTP/1.1\r\nHost: www.example.com\r\nContent-Length: 3\r\n\r\n", head(
                Requests.from("POST", "/up", "1.2.3.4").body(new ByteArrayInputStream(new byte[3]), 3).build(), HOST));
        assertEquals("PUT /up HTTP/1.1\r\nHost: www.example.com\r\nTransfer-Encoding: chunked\r\n\r\n", head(
                Requests.from("PUT", "/up", "1.2.3.4").body(new ByteArrayInputStream(new byte[3]), -1).build(), HOST));
        assertEquals("POST /empty HTTP/1.1\r\nHost: www.example.com\r\nContent-Length: 0\r\n\r\n",
                head(Requests.from("POST", "/empty", "1.2.3.4").build(), HOST));
        assertEquals("OPTIONS * HTTP/1.1\r\nHost: www.example.com\r\n\r\n",
                head(BackendRequest.builder("OPTIONS", "*", "*").build(), HOST));
    }

    @Test
    void bytesAboveAsciiGoOutAsTheyCameIn() {
        // a servlet container reads a raw UTF-8 query as ISO-8859-1 chars; written back they are the same bytes
        byte[] head = HttpRequestWriter.head(Requests.get("/").query("q=\u00c3\u00a9").build(), HOST);
        assertEquals("GET /?q=\u00e9 HTTP/1.1", new String(head, StandardCharsets.UTF_8).split("\r\n")[0]);
    }

    record Refused(String name, BackendRequest request, List<HeaderField> headers, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refused> refused() {
        return Stream.of(
                new Refused("CRLF in a header value", Requests.get("/").build(),
                        List.of(new HeaderField("X-A", "1\r\nX-Injected: 2")),
                        "TPP0013 request refused before sending: header \"X-A\" holds character 0xd at 1 (expected:"
                                + " no control character but tab, nothing above 0xff)"),
                new Refused("LF in a header value", Requests.get("/").build(), List.of(new HeaderField("X-A", "1\n2")),
                        "TPP0013 request refused before sending: header \"X-A\" holds character 0xa at 1 (expected:"
                                + " no control character but tab, nothing above 0xff)"),
                new Refused("NUL in a header value", Requests.get("/").build(), List.of(new HeaderField("X-A", "\0")),
                        "TPP0013 request refused before sending: header \"X-A\" holds character 0x0 at 0 (expected:"
                                + " no control character but tab, nothing above 0xff)"),
                new Refused("colon in a header name", Requests.get("/").build(), List.of(new HeaderField("X:A", "1")),
                        "TPP0013 request refused before sending: header name \"X:A\" is not a token"),
                new Refused("space in the target", Requests.get("/a b").build(), HOST,
                        "TPP0013 request refused before sending: request target \"/a b\" holds character 0x20 at 2"
                                + " (expected: no space, control character or character above 0xff)"),
                new Refused("CRLF in the query", Requests.get("/").query("a\r\nX: 1").build(), HOST,
                        "TPP0013 request refused before sending: request target \"/?a\\x0d\\x0aX: 1\" holds"
                                + " character 0xd at 3 (expected: no space, control character or character above"
                                + " 0xff)"),
                new Refused("NUL in the target", Requests.get("/a\0").build(), HOST,
                        "TPP0013 request refused before sending: request target \"/a\\x00\" holds character 0x0 at 2"
                                + " (expected: no space, control character or character above 0xff)"),
                new Refused("absolute form", Requests.get("http://internal/").build(), HOST,
                        "TPP0013 request refused before sending: request target \"http://internal/\" is not in"
                                + " origin form (expected: /path[?query])"),
                new Refused("authority form", BackendRequest.builder("CONNECT", "internal:443", "").build(), HOST,
                        "TPP0013 request refused before sending: request target \"internal:443\" is not in origin"
                                + " form (expected: /path[?query])"),
                new Refused("method with a space", BackendRequest.builder("GET /x", "/", "/").build(), HOST,
                        "TPP0013 request refused before sending: method \"GET /x\" is not a token"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void splittingRequestIsRefused(Refused refused) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpRequestWriter.head(refused.request(), refused.headers()));
        assertEquals(refused.message(), e.getMessage());
    }
}

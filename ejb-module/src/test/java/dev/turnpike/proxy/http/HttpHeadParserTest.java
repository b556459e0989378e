package dev.turnpike.proxy.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.turnpike.backend.HeaderField;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Response heads, read strictly and within limits, and the body framing decided from them. */
class HttpHeadParserTest {

    private static HttpInput input(String text) {
        return input(new ByteArrayInputStream(HttpInput.bytes(text)));
    }

    private static HttpInput input(InputStream in) {
        return new HttpInput(in, 1000, 64);
    }

    private static HttpResponseHead parse(String text) throws IOException {
        return HttpHeadParser.readResponseHead(input(text), HttpHeadLimits.DEFAULT);
    }

    @Test
    void statusLineAndFieldsAreParsedWithValuesStripped() throws Exception {
        HttpResponseHead head = parse("HTTP/1.1 404 Not Found Here\r\nContent-Type:\ttext/plain \r\n"
                + "X-Empty:\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\nbody");

        assertEquals(1, head.minorVersion());
        assertEquals(404, head.status());
        assertEquals("Not Found Here", head.reason());
        assertEquals(List.of(new HeaderField("Content-Type", "text/plain"), new HeaderField("X-Empty", ""),
                new HeaderField("Set-Cookie", "a=1"), new HeaderField("Set-Cookie", "b=2")), head.fields());
        assertEquals(List.of("a=1", "b=2"), head.values("set-cookie"));
    }

    @Test
    void reasonPhraseMayBeMissing() throws Exception {
        assertEquals("", parse("HTTP/1.0 200\r\n\r\n").reason());
        assertEquals("", parse("HTTP/1.1 200 \r\n\r\n").reason());
    }

    @Test
    void persistenceFollowsVersionAndConnection() throws Exception {
        assertEquals(true, parse("HTTP/1.1 200 OK\r\n\r\n").persistent());
        assertEquals(false, parse("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n").persistent());
        assertEquals(false, parse("HTTP/1.0 200 OK\r\n\r\n").persistent());
        assertEquals(true, parse("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\n\r\n").persistent());
    }

    record Bad(String name, String head, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> badHeads() {
        return Stream.of(
                new Bad("HTTP/2", "HTTP/2.0 200 OK\r\n\r\n", "TPP0006 status line \"HTTP/2.0 200 OK\" (expected:"
                        + " HTTP/1.1 or HTTP/1.0, a code 100-599 and a reason, e.g. \"HTTP/1.1 200 OK\")"),
                new Bad("code out of range", "HTTP/1.1 600 Odd\r\n\r\n", "TPP0006 status line \"HTTP/1.1 600 Odd\""
                        + " (expected: HTTP/1.1 or HTTP/1.0, a code 100-599 and a reason, e.g. \"HTTP/1.1 200 OK\")"),
                new Bad("empty line first", "\r\nHTTP/1.1 200 OK\r\n\r\n", "TPP0006 status line \"\" (expected:"
                        + " HTTP/1.1 or HTTP/1.0, a code 100-599 and a reason, e.g. \"HTTP/1.1 200 OK\")"),
                new Bad("bare LF", "HTTP/1.1 200 OK\r\nX-A: 1\nX-B: 2\r\n\r\n",
                        "TPP0012 header line ends in a bare LF (expected: CRLF)"),
                new Bad("bare CR", "HTTP/1.1 200 OK\r\nX-A: 1\rX-B: 2\r\n\r\n",
                        "TPP0012 header line holds a CR not followed by LF (expected: CRLF only at its end)"),
                new Bad("obs-fold", "HTTP/1.1 200 OK\r\nX-A: 1\r\n  continued\r\n\r\n",
                        "TPP0008 header line \"  continued\" is folded onto the previous one (obs-fold is not"
                                + " accepted)"),
                new Bad("space before colon", "HTTP/1.1 200 OK\r\nContent-Length : 5\r\n\r\n",
                        "TPP0008 header name \"Content-Length \" is not a token (expected: letters, digits and"
                                + " !#$%&'*+-.^_`|~, no space before the colon)"),
                new Bad("no colon", "HTTP/1.1 200 OK\r\nnonsense\r\n\r\n",
                        "TPP0008 header line \"nonsense\" (expected: name: value)"),
                new Bad("NUL in a value", "HTTP/1.1 200 OK\r\nX-A: a\u0000b\r\n\r\n",
                        "TPP0008 header \"X-A\" holds control character 0x0 (expected: text and tabs)"),
                new Bad("cut off", "HTTP/1.1 200 OK\r\nX-A: 1\r\n",
                        "closed by the backend after 25 response bytes in the header line"));
    }

    @ParameterizedTest
    @MethodSource("badHeads")
    void badHeadIsRefused(Bad bad) {
        IOException e = assertThrows(IOException.class, () -> parse(bad.head()));
        assertEquals(bad.message(), e.getMessage());
    }

    @Test
    void statusLineOverItsLimitIsRefused() {
        HttpHeadLimits limits = new HttpHeadLimits(32, 1024, 10);
        HttpProtocolException e = assertThrows(HttpProtocolException.class, () -> HttpHeadParser.readResponseHead(
                input("HTTP/1.1 200 " + "x".repeat(20) + "\r\n\r\n"), limits));
        assertEquals("TPP0007 status line longer than 32 bytes (expected: at most 32)", e.getMessage());
    }

    @Test
    void endlessHeaderBlockStopsAtItsLimitWithoutReadingOn() {
        // an endless stream of short fields: the byte limit is what stops it
        InputStream endless = new SequenceInputStream(new ByteArrayInputStream(HttpInput.bytes("HTTP/1.1 200 OK\r\n")),
                new InputStream() {
                    private final byte[] line = HttpInput.bytes("X: y\r\n");
                    private long position;

                    @Override
                    public int read() {
                        return line[(int) (position++ % line.length)];
                    }
                });
        HttpProtocolException e = assertThrows(HttpProtocolException.class,
                () -> HttpHeadParser.readResponseHead(input(endless), new HttpHeadLimits(8192, 600, 1000)));
        assertEquals("TPP0007 header block longer than 600 bytes (expected: at most 600)", e.getMessage());
    }

    @Test
    void oneLongFieldCountsAgainstTheBlock() {
        HttpProtocolException e = assertThrows(HttpProtocolException.class, () -> HttpHeadParser.readResponseHead(
                input("HTTP/1.1 200 OK\r\nX-Big: " + "b".repeat(100) + "\r\n\r\n"), new HttpHeadLimits(8192, 64, 10)));
        assertEquals("TPP0007 header block longer than 64 bytes (expected: at most 64)", e.getMessage());
    }

    @Test
    void fieldsOverTheirCountAreRefused() {
        HttpProtocolException e = assertThrows(HttpProtocolException.class, () -> HttpHeadParser.readResponseHead(
                input("HTTP/1.1 200 OK\r\n" + "X: 1\r\n".repeat(4) + "\r\n"), new HttpHeadLimits(8192, 1024, 3)));
        assertEquals("TPP0007 more than 3 header fields (expected: at most 3)", e.getMessage());
    }

    @Test
    void blockExactlyAtItsLimitIsAccepted() throws Exception {
        // "X: 1\r\n" twice and the empty line: 14 bytes
        HttpResponseHead head = HttpHeadParser.readResponseHead(input("HTTP/1.1 200 OK\r\nX: 1\r\nX: 2\r\n\r\n"),
                new HttpHeadLimits(8192, 14, 2));
        assertEquals(List.of("1", "2"), head.values("x"));
    }

    @Test
    void framingFollowsMethodStatusAndHeaders() throws Exception {
        assertEquals(new ResponseFraming(ResponseFraming.Kind.LENGTH, 5, 5),
                ResponseFraming.of(false, parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n")));
        // the same length repeated, in two fields or a list, is one length
        assertEquals(new ResponseFraming(ResponseFraming.Kind.LENGTH, 5, 5), ResponseFraming.of(false,
                parse("HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\nContent-Length: 5\r\n\r\n")));
        assertEquals(ResponseFraming.Kind.CHUNKED, ResponseFraming.of(false,
                parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n")).kind());
        assertEquals(ResponseFraming.Kind.UNTIL_CLOSE,
                ResponseFraming.of(false, parse("HTTP/1.1 200 OK\r\n\r\n")).kind());
        assertEquals(new ResponseFraming(ResponseFraming.Kind.NONE, -1, 1000),
                ResponseFraming.of(true, parse("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")));
        assertEquals(ResponseFraming.Kind.NONE,
                ResponseFraming.of(false, parse("HTTP/1.1 204 No Content\r\n\r\n")).kind());
        assertEquals(ResponseFraming.Kind.NONE, ResponseFraming.of(false,
                parse("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n")).kind());
    }

    static Stream<Bad> badFraming() {
        return Stream.of(
                new Bad("conflicting lengths", "Content-Length: 5\r\nContent-Length: 6",
                        "TPP0009 Content-Length \"6\" conflicts with \"5\" (expected: one length)"),
                new Bad("conflicting list", "Content-Length: 5, 7",
                        "TPP0009 Content-Length \"7\" conflicts with \"5\" (expected: one length)"),
                new Bad("signed length", "Content-Length: +5",
                        "TPP0009 Content-Length \"+5\" (expected: a number of at most 18 digits)"),
                new Bad("huge length", "Content-Length: 1234567890123456789",
                        "TPP0009 Content-Length \"1234567890123456789\" (expected: a number of at most 18 digits)"),
                new Bad("length and chunked", "Content-Length: 5\r\nTransfer-Encoding: chunked",
                        "TPP0009 both Content-Length and Transfer-Encoding (expected: one of them)"),
                new Bad("gzip coding", "Transfer-Encoding: gzip, chunked",
                        "TPP0009 Transfer-Encoding \"gzip, chunked\" (expected: chunked alone)"),
                new Bad("chunked twice", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked",
                        "TPP0009 Transfer-Encoding \"chunked, chunked\" (expected: chunked alone)"));
    }

    @ParameterizedTest
    @MethodSource("badFraming")
    void ambiguousFramingIsRefused(Bad bad) throws Exception {
        HttpResponseHead head = parse("HTTP/1.1 200 OK\r\n" + bad.head() + "\r\n\r\n");
        HttpProtocolException e = assertThrows(HttpProtocolException.class, () -> ResponseFraming.of(false, head));
        assertEquals(bad.message(), e.getMessage());
    }

    @Test
    void chunkSizeLines() throws Exception {
        assertEquals(0x1a, ResponseBody.chunkSize("1A"));
        assertEquals(5, ResponseBody.chunkSize("5;name=value"));
        assertEquals(5, ResponseBody.chunkSize("5 ;name"));
        for (String bad : List.of("", "x", "-1", "5 x", "1000000000000000", "0x10")) {
            HttpProtocolException e = assertThrows(HttpProtocolException.class, () -> ResponseBody.chunkSize(bad));
            assertEquals("TPP0010", e.code(), bad);
        }
    }

    @Test
    void chunkedBodyMustEndEachChunkWithCrlf() {
        HttpInput in = input("5\r\nhelloX\r\n0\r\n\r\n");
        ResponseBody body = new ResponseBody(in, HttpHeadLimits.DEFAULT, new RecordingSink(), 64);
        HttpProtocolException e = assertThrows(HttpProtocolException.class,
                () -> body.relay(new ResponseFraming(ResponseFraming.Kind.CHUNKED, -1, -1)));
        assertEquals("TPP0010 chunk of 5 bytes not followed by CRLF (expected: CRLF after the chunk's data)",
                e.getMessage());
    }

    @Test
    void chunkedBodyCutOffIsAnEndOfStream() {
        HttpInput in = input("a\r\nhello");
        ResponseBody body = new ResponseBody(in, HttpHeadLimits.DEFAULT, new RecordingSink(), 64);
        EOFException e = assertThrows(EOFException.class,
                () -> body.relay(new ResponseFraming(ResponseFraming.Kind.CHUNKED, -1, -1)));
        assertEquals("closed by the backend after 8 response bytes inside a chunk, 5 of 10 bytes, after 0 body bytes",
                e.getMessage());
    }
}

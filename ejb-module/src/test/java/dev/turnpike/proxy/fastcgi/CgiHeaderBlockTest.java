package dev.turnpike.proxy.fastcgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.backend.HeaderField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CGI header block: status rules, where the body starts, and what is refused. */
class CgiHeaderBlockTest {

    @Test
    void statusHeaderGivesTheStatusAndIsNotPassedOn() throws FastCgiProtocolException {
        CgiHeaderBlock block = parse("Status: 404 Not Found\r\nContent-Type: text/plain\r\n\r\nbody");
        assertEquals(404, block.status());
        assertEquals("Not Found", block.reason());
        assertEquals(List.of(new HeaderField("Content-Type", "text/plain")), block.headers());
    }

    @Test
    void locationWithoutStatusIsAFoundRedirect() throws FastCgiProtocolException {
        CgiHeaderBlock block = parse("Location: http://example.com/\n\n");
        assertEquals(302, block.status());
        assertEquals("Found", block.reason());
        assertEquals(List.of(new HeaderField("Location", "http://example.com/")), block.headers());
    }

    @Test
    void noStatusIsOkAndABareCodeHasAnEmptyReason() throws FastCgiProtocolException {
        assertEquals(200, parse("X-A: 1\n\n").status());
        CgiHeaderBlock bare = parse("Status: 204\n\n");
        assertEquals(204, bare.status());
        assertEquals("", bare.reason());
    }

    @Test
    void theBlockMayEndAnywhereInTheRecords() throws FastCgiProtocolException {
        byte[] bytes = "Content-Type: text/html\r\nX-B: 2\r\n\r\n<p>".getBytes(StandardCharsets.ISO_8859_1);
        for (int cut = 0; cut < bytes.length; cut++) {
            CgiHeaderBlock block = new CgiHeaderBlock(1024);
            int start = block.feed(bytes, 0, cut);
            if (start < 0) {
                start = block.feed(bytes, cut, bytes.length - cut);
            }
            assertEquals(bytes.length - 3, start, "cut at " + cut);
            assertEquals(2, block.headers().size());
        }
    }

    @Test
    void malformedBlocksAreRefused() {
        assertEquals("CGI header line 1 \"<html>\": no colon (expected: name: value)", problem("<html>\n\n"));
        assertEquals("CGI header line 2 \" folded: x\": the name is not an HTTP token",
                problem("X-A: 1\n folded: x\n\n"));
        assertEquals("CGI header line 2 \"Status: 200\": a second Status header", problem("Status: 404\nStatus: 200\n\n"));
        assertEquals("CGI Status \"OK\" (expected: three digits and a reason, e.g. \"404 Not Found\")",
                problem("Status: OK\n\n"));
        assertEquals("CGI header line 1 \": x\": no colon (expected: name: value)", problem(": x\n\n"));
    }

    @Test
    void aBlockWithoutEndStopsAtTheLimit() {
        CgiHeaderBlock block = new CgiHeaderBlock(300);
        byte[] line = "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".getBytes(StandardCharsets.ISO_8859_1);
        FastCgiProtocolException e = assertThrows(FastCgiProtocolException.class, () -> {
            while (true) {
                block.feed(line, 0, line.length);
            }
        });
        assertEquals("CGI header block over 300 bytes without its empty line (expected: at most maxHeaderBytes)",
                e.getMessage());
        assertTrue(block.size() <= 300);
    }

    private static CgiHeaderBlock parse(String text) throws FastCgiProtocolException {
        CgiHeaderBlock block = new CgiHeaderBlock(1024);
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(block.feed(bytes, 0, bytes.length) > 0);
        return block;
    }

    private static String problem(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return assertThrows(FastCgiProtocolException.class, () -> new CgiHeaderBlock(1024).feed(bytes, 0,
                bytes.length)).getMessage();
    }
}

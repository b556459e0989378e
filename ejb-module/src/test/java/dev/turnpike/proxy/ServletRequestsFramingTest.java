package dev.turnpike.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which request framings the proxy forwards: those it can state to a backend without guessing.
 * A wrong "forwarded" row is a smuggling path (the backend would split the body otherwise than
 * the web tier did); a wrong "refused" row breaks ordinary requests.
 */
class ServletRequestsFramingTest {

    record Case(String protocol, List<String> lengths, List<String> encodings, String problem) {
    }

    static Stream<Case> cases() {
        return Stream.of(
                // forwarded
                new Case("HTTP/1.1", List.of(), List.of(), null),
                new Case("HTTP/1.1", List.of("0"), List.of(), null),
                new Case("HTTP/1.1", List.of(" 42 "), List.of(), null),
                new Case("HTTP/1.1", List.of(), List.of("chunked"), null),
                new Case("HTTP/1.1", List.of(), List.of("Chunked"), null),
                new Case("HTTP/2.0", List.of("42"), List.of(), null),

                // refused: two ways to end the body
                new Case("HTTP/1.1", List.of("4"), List.of("chunked"), "both Content-Length and Transfer-Encoding"),
                new Case("HTTP/1.1", List.of("4"), List.of("identity"), "both Content-Length and Transfer-Encoding"),
                // refused: codings the proxy would have to undo or guess at
                new Case("HTTP/1.1", List.of(), List.of("gzip, chunked"),
                        "Transfer-Encoding \"gzip, chunked\" (expected: chunked)"),
                new Case("HTTP/1.1", List.of(), List.of("chunked", "chunked"),
                        "Transfer-Encoding \"chunked,chunked\" (expected: chunked)"),
                new Case("HTTP/1.1", List.of(), List.of("xchunked"), "Transfer-Encoding \"xchunked\" (expected: chunked)"),
                new Case("HTTP/1.1", List.of(), List.of("chunked\r\nX: 1"),
                        "Transfer-Encoding \"chunked??X: 1\" (expected: chunked)"),
                new Case("HTTP/1.0", List.of(), List.of("chunked"), "Transfer-Encoding on HTTP/1.0 (expected: HTTP/1.1)"),
                // refused: lengths that are not one number
                new Case("HTTP/1.1", List.of("4", "4"), List.of(), "2 Content-Length fields (expected: one)"),
                new Case("HTTP/1.1", List.of("4, 40"), List.of(),
                        "Content-Length \"4, 40\" (expected: a number of at most 18 digits)"),
                new Case("HTTP/1.1", List.of("+4"), List.of(), "Content-Length \"+4\" (expected: a number of at most 18 digits)"),
                new Case("HTTP/1.1", List.of("-1"), List.of(), "Content-Length \"-1\" (expected: a number of at most 18 digits)"),
                new Case("HTTP/1.1", List.of(""), List.of(), "Content-Length \"\" (expected: a number of at most 18 digits)"),
                new Case("HTTP/1.1", List.of("0x4"), List.of(), "Content-Length \"0x4\" (expected: a number of at most 18 digits)"),
                new Case("HTTP/1.1", List.of("99999999999999999999"), List.of(),
                        "Content-Length \"99999999999999999999\" (expected: a number of at most 18 digits)"));
    }

    @ParameterizedTest
    @MethodSource("values")
    void headerValues(String value, String problem) {
        assertEquals(problem, ServletRequests.valueProblem("X-A", value));
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("plain text", null),
                Arguments.of("a\tb", null),
                Arguments.of("caf\u00e9", null),
                // a NUL ends the value for a C reader (php-cgi, mod_caucho); CR or LF ends the line
                Arguments.of("a\0b", "header X-A holds control character 0x0 (expected: text and tabs)"),
                Arguments.of("a\rSet-Cookie: x=1", "header X-A holds control character 0xd (expected: text and tabs)"),
                Arguments.of("a\nb", "header X-A holds control character 0xa (expected: text and tabs)"),
                Arguments.of("a\u007fb", "header X-A holds control character 0x7f (expected: text and tabs)"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void framing(Case c) {
        assertEquals(c.problem(), ServletRequests.framingProblem(c.protocol(), c.lengths(), c.encodings()));
    }
}

package dev.turnpike.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedirectLocationTest {

    static Stream<Arguments> absolute() {
        TestRequest plain = TestRequest.get("/dir/page.jsp");
        TestRequest noHost = plain.withHeader("Host", null);
        return Stream.of(
                // a scheme: used as it is (a wrong result would prefix the host)
                Arguments.of(plain, "https://other.example/x", "https://other.example/x"),
                Arguments.of(plain, "mailto:ops@example.com", "mailto:ops@example.com"),
                // host-absolute: Host header as sent, context path NOT added
                Arguments.of(plain, "/login", "http://example.com/login"),
                Arguments.of(plain.withHeader("Host", "example.com:8080"), "/a?b=1", "http://example.com:8080/a?b=1"),
                Arguments.of(plain.inContext("/app"), "/login", "http://example.com/login"),
                // no Host header: server name, port unless 80/443/0
                Arguments.of(noHost.withServer("http", "srv", 8080), "/x", "http://srv:8080/x"),
                Arguments.of(noHost.withServer("https", "srv", 443), "/x", "https://srv/x"),
                Arguments.of(noHost.withServer("http", "srv", 0), "/x", "http://srv/x"),
                // relative: resolved against the directory of the request URI, normalised, query kept
                Arguments.of(plain, "other.jsp", "http://example.com/dir/other.jsp"),
                Arguments.of(plain, "../up?x=1", "http://example.com/up?x=1"),
                Arguments.of(plain, "../../../../top", "http://example.com/top"),
                Arguments.of(plain, "./", "http://example.com/dir/"),
                // a request for the context path itself resolves inside the context
                Arguments.of(TestRequest.get("/").inContext("/app").withRequestUri("/app"), "x", "http://example.com/app/x"),
                // hostile Host headers are not trusted (a wrong result would redirect to evil.example)
                Arguments.of(plain.withHeader("Host", "evil.example/x?"), "/a", "http://example.com/a"),
                Arguments.of(plain.withHeader("Host", "a@evil.example"), "/a", "http://example.com/a"),
                // escaping: CR LF never reach a header, non-ASCII is UTF-8 percent-encoded
                Arguments.of(plain, "/a\r\nSet-Cookie: x=1", "http://example.com/a%0d%0aSet-Cookie:%20x=1"),
                Arguments.of(plain, "/caf\u00e9/<\"x\">", "http://example.com/caf%c3%a9/%3c%22x%22%3e"),
                Arguments.of(plain, "/\uD83D\uDE00", "http://example.com/%f0%9f%98%80"));
    }

    @ParameterizedTest
    @MethodSource
    void absolute(RequestView request, String target, String expected) {
        assertEquals(expected, RedirectLocation.absolute(target, request));
    }
}

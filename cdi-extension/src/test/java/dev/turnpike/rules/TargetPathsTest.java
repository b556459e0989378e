package dev.turnpike.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TargetPathsTest {

    static Stream<Arguments> refuses() {
        return Stream.of(
                // fine: no reading of the path climbs or hides (a wrong result refuses real targets)
                Arguments.of("/echo/a/b?x=../y", "/echo/$1", "ok"),
                Arguments.of("/echo/..a/b.", "/echo/$1", "ok"),
                Arguments.of("/echo/100%", "/echo/$1", "ok"),
                Arguments.of("/echo/caf%C3%A9", "/echo/$1", "ok"),
                Arguments.of("/echo/%E9t%E9", "/echo/$1", "ok"),
                Arguments.of("/WEB-INF/views/a.jsp", "/WEB-INF/views/$1", "ok"),
                Arguments.of("/web-inf/views/a.jsp", "/WEB-INF/views/$1", "ok"),
                // dot segments, as written or after one to three decodings
                Arguments.of("/echo/../x", "/echo/$1", "400"),
                Arguments.of("/echo/./x", "/echo/$1", "400"),
                Arguments.of("/echo/..", "/echo/$1", "400"),
                Arguments.of("/echo/..;a=b/x", "/echo/$1", "400"),
                Arguments.of("/echo/%2e%2E/x", "/echo/$1", "400"),
                Arguments.of("/echo/%252e%252e/x", "/echo/$1", "400"),
                Arguments.of("/echo/%25252e%25252e/x", "/echo/$1", "400"),
                Arguments.of("/echo/..%2fx", "/echo/$1", "400"),
                // backslashes, control characters, %u, overlong UTF-8
                Arguments.of("/echo/a\\b", "/echo/$1", "400"),
                Arguments.of("/echo/a%5cb", "/echo/$1", "400"),
                Arguments.of("/echo/a%00", "/echo/$1", "400"),
                Arguments.of("/echo/a\r\nb", "/echo/$1", "400"),
                Arguments.of("/echo/%u002e%u002e/x", "/echo/$1", "400"),
                Arguments.of("/echo/%c0%ae%c0%ae/x", "/echo/$1", "400"),
                Arguments.of("/echo/%e0%80%ae/x", "/echo/$1", "400"),
                // hidden directories the configured target does not name
                Arguments.of("/WEB-INF/web.xml", "/$1", "404"),
                Arguments.of("//Web-Inf/web.xml", "/$1", "404"),
                Arguments.of("/META-INF/MANIFEST.MF", "/$1", "404"),
                Arguments.of("/%57EB-INF/web.xml", "/$1", "404"),
                Arguments.of("/WEB-INF", "/$1", "404"),
                Arguments.of("/WEB-INF;x/web.xml", "/$1", "404"),
                Arguments.of("/WEB-INFO/x", "/$1", "ok"),
                Arguments.of("/META-INF/x", "/WEB-INF/$1", "404"));
    }

    @ParameterizedTest
    @MethodSource
    void refuses(String target, String configured, String expected) {
        TargetPaths.Refusal refusal = TargetPaths.check(target, configured, true);
        assertEquals(expected, refusal == null ? "ok" : Integer.toString(refusal.status()),
                refusal == null ? target : refusal.reason());
    }
}

package dev.turnpike.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which decoded, normalised paths can be the rules' subject, and which are refused with 400. */
class ServletRequestViewTest {

    static Stream<Arguments> ambiguity() {
        return Stream.of(
                Arguments.of("/admin/x", null),
                Arguments.of("/caf\u00e9/%2f/;x", null),
                Arguments.of("/admin\u0000/x", "the path holds the control character U+0000"),
                Arguments.of("/a\r\nb", "the path holds the control character U+000D"),
                Arguments.of("/a\tb", "the path holds the control character U+0009"),
                Arguments.of("/a\u007fb", "the path holds the control character U+007F"),
                Arguments.of("/\\admin", "the path holds a backslash"),
                Arguments.of("/\uFFFD\uFFFD/admin", "the path was not UTF-8"));
    }

    @ParameterizedTest
    @MethodSource
    void ambiguity(String path, String expected) {
        assertEquals(expected, ServletRequestView.ambiguity(path));
    }
}

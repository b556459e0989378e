package dev.turnpike.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The query of a substituted proxy target, built from decoded captures, as it goes on the wire. */
class ServletRequestsTest {

    static Stream<Arguments> aTargetQueryIsEncodedForTheWire() {
        return Stream.of(
                // kept: what a query may hold, escapes included (a wrong result would double-encode them)
                Arguments.of("a=1&b=2", "a=1&b=2"),
                Arguments.of("q=a%2Bb/c?d", "q=a%2Bb/c?d"),
                // CR LF from a capture: encoded, never a line break in the request head (CVE-2023-25690)
                Arguments.of("a\r\nX-Injected: 1", "a%0D%0AX-Injected:%201"),
                Arguments.of("a\u0000b", "a%00b"),
                Arguments.of("a b\tc", "a%20b%09c"),
                // characters a request target cannot carry, and non-ASCII as UTF-8
                Arguments.of("x=\"<>\\^`{|}#", "x=%22%3C%3E%5C%5E%60%7B%7C%7D%23"),
                Arguments.of("q=caf\u00e9", "q=caf%C3%A9"));
    }

    @ParameterizedTest
    @MethodSource
    void aTargetQueryIsEncodedForTheWire(String decoded, String wire) {
        assertEquals(wire, ServletRequests.targetQuery(decoded));
    }
}

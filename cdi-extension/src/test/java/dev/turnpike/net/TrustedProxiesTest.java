package dev.turnpike.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrustedProxiesTest {

    private static final TrustedProxies PROXIES = TrustedProxies.of(IpNetworks.parse("10.0.0.0/8 192.168.1.5 ::1"));

    static Stream<Arguments> theClientIsTheFirstUntrustedHopFromTheRight() {
        return Stream.of(
                // an untrusted peer is the client, whatever it claims (a wrong result: 6.6.6.6)
                Arguments.of("203.0.113.9", List.of("6.6.6.6"), "203.0.113.9"),
                Arguments.of("203.0.113.9", List.of(), "203.0.113.9"),
                // a trusted peer names the client
                Arguments.of("10.1.1.1", List.of("198.51.100.7"), "198.51.100.7"),
                Arguments.of("10.1.1.1", List.of(), "10.1.1.1"),
                // a chain of trusted proxies is walked; the first untrusted hop from the right is the client
                Arguments.of("10.1.1.1", List.of("6.6.6.6, 198.51.100.7, 10.2.2.2"), "198.51.100.7"),
                Arguments.of("10.1.1.1", List.of("6.6.6.6", "198.51.100.7, 192.168.1.5"), "198.51.100.7"),
                // a forged entry left of an untrusted hop is never reached
                Arguments.of("10.1.1.1", List.of("10.9.9.9, 198.51.100.7"), "198.51.100.7"),
                // every hop trusted: the leftmost
                Arguments.of("10.1.1.1", List.of("10.3.3.3, 10.2.2.2"), "10.3.3.3"),
                // an entry that is no address ends the walk at the last address reached
                Arguments.of("10.1.1.1", List.of("unknown, 10.2.2.2"), "10.2.2.2"),
                Arguments.of("10.1.1.1", List.of("evil.example"), "10.1.1.1"),
                // ports and IPv6 brackets
                Arguments.of("::1", List.of("[2001:db8::1]:4711"), "2001:db8::1"),
                Arguments.of("10.1.1.1", List.of("198.51.100.7:4711"), "198.51.100.7"));
    }

    @ParameterizedTest
    @MethodSource
    void theClientIsTheFirstUntrustedHopFromTheRight(String peer, List<String> forwardedFor, String client) {
        assertEquals(client, PROXIES.client(peer, Collections.enumeration(forwardedFor)));
    }

    @AfterEach
    void clearTheProperty() {
        System.clearProperty(TrustedProxies.PROPERTY);
    }

    @Test
    void theSystemPropertyIsReadOnEachUse() {
        System.clearProperty(TrustedProxies.PROPERTY);
        assertFalse(TrustedProxies.system().trusts("127.0.0.1"), "nobody is trusted by default");
        System.setProperty(TrustedProxies.PROPERTY, "127.0.0.0/8, 10/8");
        assertTrue(TrustedProxies.system().trusts("127.0.0.2"));
        assertTrue(TrustedProxies.system().trusts("10.9.9.9"));
        System.setProperty(TrustedProxies.PROPERTY, "127.0.0.2 not-a-network");
        assertFalse(TrustedProxies.system().trusts("127.0.0.2"), "a broken value trusts nobody");
        System.setProperty(TrustedProxies.PROPERTY, " ");
        assertFalse(TrustedProxies.system().trusts("127.0.0.2"));
    }
}

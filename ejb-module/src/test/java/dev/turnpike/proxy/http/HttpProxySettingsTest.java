package dev.turnpike.proxy.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Settings are checked when built; the defaults are Resin's HTTP proxy's. */
class HttpProxySettingsTest {

    record Bad(UnaryOperator<HttpProxySettings.Builder> change, String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    static Stream<Bad> badSettings() {
        return Stream.of(
                new Bad(b -> b.connectTimeout(Duration.ZERO), "connectTimeout: 0s (expected: 1ms-2147483647ms)"),
                new Bad(b -> b.socketTimeout(Duration.ofMillis(-1)),
                        "socketTimeout: -1ms (expected: 1ms-2147483647ms)"),
                new Bad(b -> b.idleTime(Duration.ofDays(30)), "idleTime: 2592000s (expected: 0ms-2147483647ms)"),
                new Bad(b -> b.maxIdle(-1), "maxIdle: -1 (expected: at least 0)"),
                new Bad(b -> b.limits(null), "limits"),
                new Bad(b -> b.trustedProxies("10.0.0.0/33"), null));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void badValueIsRefused(Bad bad) {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> bad.change().apply(HttpProxySettings.builder()).build());
        if (bad.message() != null) {
            assertEquals(bad.message(), e.getMessage());
        }
    }

    @Test
    void badLimitsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HttpHeadLimits(8192, 65536, 0));
        assertEquals("fields: 0 (expected: at least 1)", e.getMessage());
    }

    @Test
    void defaults() {
        HttpProxySettings settings = HttpProxySettings.DEFAULT;
        assertEquals("connect-timeout=\"5s\" socket-timeout=\"30s\" idle-time=\"2s\" max-idle=\"16\""
                + " trusted-proxies=\"\" preserve-host=\"true\"", settings.toString());
        assertEquals(new HttpHeadLimits(8192, 65536, 100), settings.limits());
        assertFalse(settings.trustedProxies().contains("127.0.0.1"));
        assertTrue(HttpProxySettings.builder().trustedProxies("127/8").build().trustedProxies().contains("127.0.0.1"));
    }
}

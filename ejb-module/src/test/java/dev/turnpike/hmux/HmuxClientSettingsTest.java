package dev.turnpike.hmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Settings are checked when built, and the message names the value and what is allowed. */
class HmuxClientSettingsTest {

    record Bad(UnaryOperator<HmuxClientSettings.Builder> change, String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    static Stream<Bad> badSettings() {
        return Stream.of(
                new Bad(b -> b.connectTimeout(Duration.ZERO), "connectTimeout: 0s (expected: 1ms-2147483647ms)"),
                new Bad(b -> b.socketTimeout(Duration.ofMillis(-5)),
                        "socketTimeout: -5ms (expected: 1ms-2147483647ms)"),
                new Bad(b -> b.idleTime(Duration.ofDays(30)), "idleTime: 2592000s (expected: 0ms-2147483647ms)"),
                new Bad(b -> b.maxIdle(-1), "maxIdle: -1 (expected: at least 0)"),
                new Bad(b -> b.body(0, 8192), "chunkSize: 0 (expected: 1-65535)"),
                new Bad(b -> b.body(65536, 65536), "chunkSize: 65536 (expected: 1-65535)"),
                // a window below one chunk would let a single D frame overrun it
                new Bad(b -> b.body(8192, 4096), "ackWindow: 4096 (expected: at least chunkSize, 8192)"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void badValueIsRefusedWithItsRange(Bad bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bad.change().apply(HmuxClientSettings.builder()).build());
        assertEquals(bad.message(), e.getMessage());
    }

    @Test
    void defaultsReadAsResinsServerAttributes() {
        assertEquals("load-balance-connect-timeout=\"5s\" load-balance-socket-timeout=\"600s\""
                + " load-balance-idle-time=\"60s\" max-idle=\"16\" chunk-size=\"8192\" ack-window=\"8192\"",
                HmuxClientSettings.DEFAULT.toString());
    }
}

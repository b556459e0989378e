package dev.turnpike.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Defaults (resin-spec 2.6), backups, range checks and the configuration text. */
class BackendConfigTest {

    @Test
    void resin4Defaults() {
        BackendConfig config = BackendConfig.builder("a", "10.0.0.1", 6800).build();
        assertEquals(100, config.weight());
        assertEquals(false, config.backup());
        assertEquals(0, config.connectionMin());
        assertEquals(Duration.ofSeconds(5), config.connectTimeout());
        assertEquals(Duration.ofSeconds(60), config.idleTime());
        assertEquals(Duration.ofSeconds(15), config.recoverTime());
        assertEquals(Duration.ofSeconds(15), config.busyRecoverTime());
        assertEquals(Duration.ofSeconds(600), config.socketTimeout());
        assertEquals(Duration.ofSeconds(60), config.warmupTime());
        assertEquals("<server id=\"a\" address=\"10.0.0.1\" port=\"6800\"/>", config.toString());
    }

    @Test
    void backupWeighsOne() {
        BackendConfig config = BackendConfig.builder("z", "10.0.0.9", 6800).backup(true).build();
        assertEquals(1, config.weight());
        assertEquals("<server id=\"z\" address=\"10.0.0.9\" port=\"6800\" backup=\"true\"/>", config.toString());
        assertEquals(1, BackendConfig.builder("z", "10.0.0.9", 6800).backup(true).weight(1).build().weight());
    }

    @Test
    void settingsOtherThanTheDefaultsArePrinted() {
        BackendConfig config = BackendConfig.builder("b", "app-2", 6802).weight(200).connectionMin(4)
                .connectTimeout(Duration.ofMillis(1500)).idleTime(Duration.ofSeconds(10))
                .recoverTime(Duration.ofMinutes(2)).busyRecoverTime(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30)).warmupTime(Duration.ZERO).build();
        assertEquals("<server id=\"b\" address=\"app-2\" port=\"6802\" load-balance-weight=\"200\""
                + " load-balance-connection-min=\"4\" load-balance-connect-timeout=\"1500ms\""
                + " load-balance-idle-time=\"10s\" load-balance-recover-time=\"2m\""
                + " load-balance-busy-recover-time=\"5s\" load-balance-socket-timeout=\"30s\""
                + " load-balance-warmup-time=\"0s\"/>", config.toString());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of((UnaryOperator<BackendConfig.Builder>) b -> b.weight(-1),
                        "load-balance-weight of server 'a': -1 (expected: 0 or more)"),
                Arguments.of((UnaryOperator<BackendConfig.Builder>) b -> b.backup(true).weight(200),
                        "load-balance-weight of server 'a': 200 (expected: none, a backup server's weight is 1)"),
                Arguments.of((UnaryOperator<BackendConfig.Builder>) b -> b.connectionMin(-3),
                        "load-balance-connection-min of server 'a': -3 (expected: 0 or more)"),
                Arguments.of((UnaryOperator<BackendConfig.Builder>) b -> b.connectTimeout(Duration.ZERO),
                        "load-balance-connect-timeout of server 'a': 0s (expected: more than 0)"),
                Arguments.of((UnaryOperator<BackendConfig.Builder>) b -> b.idleTime(Duration.ofMillis(-5)),
                        "load-balance-idle-time of server 'a': -5ms (expected: more than 0)"),
                Arguments.of((UnaryOperator<BackendConfig.Builder>) b -> b.recoverTime(Duration.ZERO),
                        "load-balance-recover-time of server 'a': 0s (expected: more than 0)"),
                Arguments.of((UnaryOperator<BackendConfig.Builder>) b -> b.busyRecoverTime(Duration.ZERO),
                        "load-balance-busy-recover-time of server 'a': 0s (expected: more than 0)"),
                Arguments.of((UnaryOperator<BackendConfig.Builder>) b -> b.socketTimeout(Duration.ZERO),
                        "load-balance-socket-timeout of server 'a': 0s (expected: more than 0)"),
                Arguments.of((UnaryOperator<BackendConfig.Builder>) b -> b.warmupTime(Duration.ofSeconds(-1)),
                        "load-balance-warmup-time of server 'a': -1s (expected: 0 or more)"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusedSettings(UnaryOperator<BackendConfig.Builder> settings, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings.apply(BackendConfig.builder("a", "10.0.0.1", 6800)).build());
        assertEquals(message, e.getMessage());
    }

    @Test
    void addressAndPort() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackendConfig.builder("a", "", 6800).build());
        assertEquals("address of server 'a': \"\" (expected: a host name or address)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BackendConfig.builder("a", "h", 0).build());
        assertEquals("port of server 'a': 0 (expected: 1-65535)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BackendConfig.builder("a", "h", 65536).build());
        assertEquals("port of server 'a': 65536 (expected: 1-65535)", e.getMessage());
    }
}

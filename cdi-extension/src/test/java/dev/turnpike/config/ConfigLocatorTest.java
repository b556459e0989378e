package dev.turnpike.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLocatorTest {

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void thePropertyWinsOverTheEnvironment() {
        ConfigSource source = ConfigLocator.locate(Map.of("turnpike.config", "/etc/a.xml")::get,
                Map.of("TURNPIKE_CONFIG", "/etc/b.xml")::get, loader);
        assertEquals(new FileConfigSource(Path.of("/etc/a.xml")), source);
    }

    @Test
    void theEnvironmentWinsOverTheSample() {
        ConfigSource source = ConfigLocator.locate(Map.<String, String>of()::get,
                Map.of("TURNPIKE_CONFIG", " /etc/b.xml ")::get, loader);
        assertEquals(new FileConfigSource(Path.of("/etc/b.xml")), source);
    }

    @Test
    void withNeitherTheBundledSampleIsUsedAndNotWatched() {
        ConfigSource source = ConfigLocator.locate(Map.of("turnpike.config", " ")::get, Map.<String, String>of()::get,
                loader);
        assertEquals(new ResourceConfigSource("META-INF/turnpike/sample-rules.xml", loader), source);
        assertEquals(false, source.watched());
    }

    @Test
    void periodsUseResinSyntax() {
        assertEquals(Duration.ofSeconds(2), Period.parse("2s"));
        assertEquals(Duration.ofMillis(500), Period.parse("500ms"));
        assertEquals(Duration.ofMillis(750), Period.parse(" 750 "));
        assertEquals(Duration.ofMinutes(1), Period.parse("1m"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse("2 seconds"));
        assertEquals("invalid period \"2 seconds\" (expected a whole number followed by ms, s, m, h or D, e.g. 2s)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Period.parse("99999999999999s"));
        assertThrows(IllegalArgumentException.class, () -> Period.parse(""));
    }
}

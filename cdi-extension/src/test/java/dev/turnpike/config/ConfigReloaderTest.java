package dev.turnpike.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.turnpike.config.ConfigReloader.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReloaderTest {

    private static final String ONE_RULE = "<web-app xmlns:resin=\"urn:java:com.caucho.resin\">\n"
            + "  <resin:Forbidden regexp=\"^/a\"/>\n</web-app>\n";
    private static final String TWO_RULES = "<web-app xmlns:resin=\"urn:java:com.caucho.resin\">\n"
            + "  <resin:Forbidden regexp=\"^/a\"/>\n  <resin:Forbidden regexp=\"^/b\"/>\n</web-app>\n";
    private static final String BROKEN = "<web-app xmlns:resin=\"urn:java:com.caucho.resin\">\n"
            + "  <resin:Forbiden regexp=\"^/a\"/>\n</web-app>\n";

    @TempDir
    Path dir;

    private void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Test
    void loadsFirstThenOnlyWhenTheContentChanges() throws IOException {
        Path file = dir.resolve("rules.xml");
        write(file, ONE_RULE);
        ConfigReloader reloader = new ConfigReloader(new FileConfigSource(file), new ResinConfigReader());

        Outcome first = reloader.check();
        assertEquals(1, assertInstanceOf(Outcome.Loaded.class, first).rules().size());
        assertSame(Outcome.UNCHANGED, reloader.check());

        write(file, TWO_RULES);
        assertEquals(2, assertInstanceOf(Outcome.Loaded.class, reloader.check()).rules().size());
        assertSame(Outcome.UNCHANGED, reloader.check());
    }

    @Test
    void aBrokenFileIsReportedOnceAndAFixLoads() throws IOException {
        Path file = dir.resolve("rules.xml");
        write(file, ONE_RULE);
        ConfigReloader reloader = new ConfigReloader(new FileConfigSource(file), new ResinConfigReader());
        reloader.check();

        write(file, BROKEN);
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, reloader.check());
        assertEquals(List.of(file + ":2:3: TPC0102 unknown element <resin:Forbiden> in <web-app>; did you mean"
                + " <resin:Forbidden>?; " + ResinConfigReaderTest.WEB_APP_KNOWN),
                failed.problems().stream().map(ConfigProblem::toString).toList());
        assertSame(Outcome.UNCHANGED, reloader.check());

        write(file, ONE_RULE);
        assertEquals(1, assertInstanceOf(Outcome.Loaded.class, reloader.check()).rules().size());
    }

    @Test
    void aMissingFileIsAProblemUntilItAppears() throws IOException {
        Path file = dir.resolve("later.xml");
        ConfigReloader reloader = new ConfigReloader(new FileConfigSource(file), new ResinConfigReader());

        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, reloader.check());
        assertEquals(List.of(file + ": TPC0002 cannot read the configuration: no such file"),
                failed.problems().stream().map(ConfigProblem::toString).toList());
        assertSame(Outcome.UNCHANGED, reloader.check());

        write(file, ONE_RULE);
        assertInstanceOf(Outcome.Loaded.class, reloader.check());
    }

    @Test
    void theBundledSourceReadsFromTheClassLoader() {
        ConfigReloader reloader = new ConfigReloader(
                new ResourceConfigSource("no/such/resource.xml", getClass().getClassLoader()), new ResinConfigReader());
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, reloader.check());
        assertEquals("classpath:no/such/resource.xml: TPC0002 cannot read the configuration: no resource"
                + " no/such/resource.xml in the application", failed.problems().get(0).toString());
    }
}

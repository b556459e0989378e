package dev.turnpike.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.config.ConfigProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and linting in one call, and what a posted configuration may not do. */
class LintConfigCheckTest {

    private static final String SECRET = "s3cr3t-token-from-the-server";

    @TempDir
    Path directory;

    @Test
    void postedConfigurationWithWarnings() {
        ConfigCheck.Result result = ConfigCheck.posted("posted.xml", bytes("""
                <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                  <resin:Forbidden regexp="^/(a+)+$"/>
                  <resin:MovedPermanently regexp="^/go/(.*)" target="/$1"/>
                </web-app>
                """));
        assertTrue(result.loads());
        assertEquals(List.of("TPL0101 posted.xml:2:3", "TPL0111 posted.xml:3:3"),
                result.warnings().stream().map(w -> w.code() + " " + w.origin()).toList());
        // the reader's own nested-repetition warning comes along
        assertEquals(1, result.loadWarnings().size());
        assertTrue(result.loadWarnings().get(0).startsWith("posted.xml:2:20: TPW0001 "), result.loadWarnings().get(0));
    }

    @Test
    void postedConfigurationWithProblemsHasNoWarnings() {
        ConfigCheck.Result result = ConfigCheck.posted("posted.xml", bytes("""
                <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                  <resin:MovedPermanentli regexp="^/go/(.*)" target="/$1"/>
                </web-app>
                """));
        assertFalse(result.loads());
        assertEquals("TPC0102", result.problems().get(0).code());
        assertEquals(2, result.problems().get(0).line());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void postedConfigurationCannotImportFiles() throws IOException {
        Path secret = secretImport();
        ConfigCheck.Result result = ConfigCheck.posted("posted.xml", bytes("""
                <web-app xmlns="http://caucho.com/ns/resin">
                  <rewrite-dispatch>
                    <import path="%s"/>
                    <import path="../../../../etc/passwd"/>
                  </rewrite-dispatch>
                </web-app>
                """.formatted(secret)));
        assertFalse(result.loads());
        assertEquals(List.of("posted.xml:3:5 TPC0114", "posted.xml:4:5 TPC0114"),
                result.problems().stream().map(p -> p.file() + ":" + p.line() + ":" + p.column() + " " + p.code())
                        .toList());
        for (ConfigProblem problem : result.problems()) {
            assertFalse(problem.message().contains(SECRET), problem.message());
            assertFalse(problem.message().contains("root:"), problem.message());
        }
    }

    @Test
    void fileOnDiskFollowsItsImports() throws IOException {
        Path secret = secretImport();
        ConfigCheck.Result result = ConfigCheck.file("rules.xml", bytes("""
                <web-app xmlns="http://caucho.com/ns/resin">
                  <rewrite-dispatch>
                    <import path="%s"/>
                  </rewrite-dispatch>
                </web-app>
                """.formatted(secret.getFileName())), directory);
        assertTrue(result.loads(), result.problems().toString());
        // the imported file's second rule is hidden by its first, reported at its own place
        assertEquals(List.of("TPL0131 " + secret + ":3:3"),
                result.warnings().stream().map(w -> w.code() + " " + w.origin()).toList());
    }

    @Test
    void itConfigurationHasNoWarnings() throws IOException {
        Path config = Path.of("..", "it-tests", "src", "test", "config", "turnpike-it.xml");
        ConfigCheck.Result result = ConfigCheck.file("turnpike-it.xml", Files.readAllBytes(config),
                config.toAbsolutePath().getParent());
        assertTrue(result.loads(), result.problems().toString());
        assertEquals(List.of(), result.warnings());
    }

    private Path secretImport() throws IOException {
        Path file = directory.resolve("secret.xml");
        Files.writeString(file, """
                <rewrite-dispatch xmlns="http://caucho.com/ns/resin">
                  <forbidden regexp="^/%s"/>
                  <not-found regexp="^/%s/x"/>
                </rewrite-dispatch>
                """.formatted(SECRET, SECRET));
        return file;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

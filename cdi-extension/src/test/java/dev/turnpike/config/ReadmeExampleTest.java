package dev.turnpike.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.TestRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "your Resin rules, unchanged" example loads as written and does what it says. */
class ReadmeExampleTest {

    @Test
    void theResinXmlExampleLoadsUnchanged(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("resin.xml");
        Files.writeString(config, example());
        RuleSet rules = new ResinConfigReader().read(config.toString(), Files.readAllBytes(config), dir);

        assertEquals(List.of("<http>", "<database>"), rules.skipped());
        assertEquals("302 http://www.example.com/a", Rules.decide(rules,
                TestRequest.get("/a").withHeader("Host", "old.example.com")));
        TestRequest www = TestRequest.get("/shop/42").withHeader("Host", "example.com");
        assertEquals("forward /product.jsp?id=42", Rules.decide(rules, www));
        assertEquals("403 + private unless vary", Rules.decide(rules,
                TestRequest.get("/admin/x").withHeader("Host", "www.example.com").withRemoteAddr("192.0.2.1")));
        assertEquals("forward /post.jsp?slug=hello", Rules.decide(rules,
                TestRequest.get("/blog/7/hello").withHeader("Host", "www.example.com").withRemoteAddr("10.1.1.1")));
    }

    private static String example() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```xml\n<resin ");
        assertTrue(start >= 0, "the README has a resin.xml example");
        int end = readme.indexOf("```", start + 6);
        return readme.substring(start + 7, end);
    }
}

package dev.turnpike.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnpike.config.ConfigException;
import dev.turnpike.config.ResinConfigReader;
import dev.turnpike.rules.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lint on real configuration text read by {@link ResinConfigReader}. Each row is a web-app body
 * (its first rule on line 3, column 3) or a whole document, and the warnings expected as
 * {@code code line:column}.
 */
class LintTest {

    private static final String OPEN = "<web-app xmlns=\"http://caucho.com/ns/resin\"\n"
            + "         xmlns:resin=\"urn:java:com.caucho.resin\">\n";
    private static final String CLOSE = "\n</web-app>\n";

    static Stream<Arguments> shadowed() {
        return Stream.of(
                // a literal prefix and a longer one: the redirect never fires (it would if order were swapped)
                row("""
                        <resin:Forbidden regexp="^/private/"/>
                          <resin:Redirect regexp="^/private/old" target="/new"/>""", "TPL0131 4:3"),
                // no regexp at all: everything after it is dead
                row("""
                        <resin:Forbidden/>
                          <resin:NotFound regexp="^/a"/>
                          <resin:Redirect regexp="^/b" target="/c"/>""", "TPL0131 4:3", "TPL0131 5:3"),
                // "^" and ".*" match every subject, even across a rewrite
                row("""
                        <resin:Dispatch regexp="^"/>
                          <resin:Rewrite regexp="^/x" target="/y"/>
                          <resin:Forbidden regexp="^/y"/>""", "TPL0131 4:3", "TPL0131 5:3"),
                row("""
                        <resin:Forward regexp=".*" target="/index.jsp"/>
                          <resin:Forbidden regexp="\\.bak$"/>""", "TPL0131 4:3"),
                // the same regexp twice
                row("""
                        <resin:Forbidden regexp="\\.(bak|old)$"/>
                          <resin:NotFound regexp="\\.(bak|old)$"/>""", "TPL0131 4:3"),
                // an unanchored literal covers every path starting with something that contains it
                row("""
                        <resin:Forbidden regexp="/private/"/>
                          <resin:Dispatch regexp="^/app/private/x" target="/y"/>""", "TPL0131 4:3"),
                // alternatives: each must start with the earlier prefix
                row("""
                        <resin:Forbidden regexp="^/a/"/>
                          <resin:NotFound regexp="^/a/b|^/a/c"/>""", "TPL0131 4:3"),
                // Resin 3.1 rules inside <rewrite-dispatch>
                row("""
                        <rewrite-dispatch>
                            <forbidden regexp="^/a"/>
                            <redirect regexp="^/a/b" target="/c"/>
                          </rewrite-dispatch>""", "TPL0131 5:5"),
                // --- no warning ---
                // the earlier rule has a condition (the sample's bad-bot rule)
                row("""
                        <resin:Forbidden regexp="^/">
                            <resin:IfHeader name="User-Agent" regexp="(?i)badbot"/>
                          </resin:Forbidden>
                          <resin:Redirect regexp="^/status$" target="/caucho-status"/>"""),
                // the earlier rule continues (a rewrite is not terminal)
                row("""
                        <resin:Rewrite regexp="^/a" target="/b"/>
                          <resin:Forbidden regexp="^/a/x"/>"""),
                // a rewrite between them may make subjects the earlier rule never saw
                row("""
                        <resin:Forbidden regexp="^/a"/>
                          <resin:Rewrite regexp="^/b" target="/a"/>
                          <resin:NotFound regexp="^/a"/>"""),
                // prefixes that do not nest, a "$" that ends the earlier match, different case rules
                row("""
                        <resin:Forbidden regexp="^/a/"/>
                          <resin:NotFound regexp="^/ab"/>
                          <resin:Forbidden regexp="^/c$"/>
                          <resin:NotFound regexp="^/c/d"/>
                          <resin:Forbidden regexp="^/e"/>
                          <resin:NotFound regexp="(?i)^/e/f"/>"""),
                // an alternative that does not start with the earlier prefix
                row("""
                        <resin:Forbidden regexp="^/a/"/>
                          <resin:NotFound regexp="^/a/b|^/c"/>"""),
                // a rule that can be switched off (Resin 3.1 enabled/name)
                row("""
                        <rewrite-dispatch>
                            <forbidden regexp="^/a" name="maintenance" enabled="false"/>
                            <redirect regexp="^/a/b" target="/c"/>
                          </rewrite-dispatch>"""));
    }

    static Stream<Arguments> redirects() {
        return Stream.of(
                // a 301 whose Location can start with "//" from the request
                row("<resin:MovedPermanently regexp=\"^/go/(.*)\" target=\"/$1\"/>", "TPL0111 3:3"),
                // "[^/]" still admits a backslash, and browsers read "/\\host" as "//host"
                row("<resin:MovedPermanently regexp=\"^/go/([^/]+)\" target=\"/$1\"/>", "TPL0111 3:3",
                        "TPL0122 3:3"),
                // the target is the capture itself: "//host" and a scheme
                row("<resin:MovedPermanently regexp=\"^/go/(.*)\" target=\"$1\"/>", "TPL0111 3:3", "TPL0112 3:3"),
                // Resin 3.1's <moved-permanently>
                row("""
                        <rewrite-dispatch>
                            <moved-permanently regexp="^/go/(.*)" target="/$1"/>
                          </rewrite-dispatch>""", "TPL0111 4:5"),
                // a 302 is made absolute on this host: only a scheme from the request escapes
                row("<resin:Redirect regexp=\"^/go/(.*)\" target=\"$1\"/>", "TPL0112 3:3"),
                // --- no warning ---
                // a 302 to "/$1" becomes http://this-host//evil, which stays here
                row("<resin:Redirect regexp=\"^/go/(.*)\" target=\"/$1\"/>"),
                // groups that cannot start with a slash or backslash
                row("<resin:MovedPermanently regexp=\"^/go/([a-z].*)\" target=\"/$1\"/>"),
                row("<resin:MovedPermanently regexp=\"^/go/([^/\\\\\\r\\n].*)\" target=\"/$1\"/>"),
                // a literal start, an absolute target, a deliberate scheme-relative target
                row("<resin:MovedPermanently regexp=\"^/admin/(.*)$\" target=\"/turnpike/$1\"/>"),
                row("<resin:MovedPermanently regexp=\"^/go/(.*)\" target=\"https://www.example.com/$1\"/>"),
                row("<resin:MovedPermanently regexp=\"^/img/(.*)\" target=\"//cdn.example.com/$1\"/>"),
                // a group of letters cannot make a scheme
                row("<resin:Redirect regexp=\"^/u/([a-z]+)$\" target=\"$1.html\"/>"),
                // forwards and dispatches send no Location
                row("<resin:Forward regexp=\"^/go/(.*)\" target=\"/$1\"/>"));
    }

    static Stream<Arguments> lineBreaks() {
        return Stream.of(
                // encoded CR/LF in a target, any case, any action
                row("<resin:Redirect regexp=\"^/a\" target=\"/b%0d%0aSet-Cookie:x=1\"/>", "TPL0121 3:3"),
                row("<resin:Forward regexp=\"^/a\" target=\"/b%0A\"/>", "TPL0121 3:3"),
                row("<resin:Redirect target=\"/b%0D\"/>", "TPL0121 3:3"),
                // a capture that can hold CR/LF into Location
                row("<resin:MovedPermanently regexp=\"^/a/([^/]+)\" target=\"/b/$1\"/>", "TPL0122 3:3"),
                row("<resin:Redirect regexp=\"(?s)^/a/(.*)\" target=\"/b/$1\"/>", "TPL0122 3:3"),
                // --- no warning ---
                // "." does not match CR or LF
                row("<resin:MovedPermanently regexp=\"^/a/(.*)\" target=\"/b/$1\"/>"),
                row("<resin:MovedPermanently regexp=\"^/a/([^/\\r\\n]+)\" target=\"/b/$1\"/>"),
                // a dispatch sets no header
                row("<resin:Dispatch regexp=\"^/a/([^/]+)\" target=\"/b/$1\"/>"),
                // "%0" followed by something else is no line break
                row("<resin:Redirect regexp=\"^/a\" target=\"/b%20c%0b\"/>"));
    }

    static Stream<Arguments> backtracking() {
        return Stream.of(
                row("<resin:Forbidden regexp=\"^/(a+)+$\"/>", "TPL0101 3:3"),
                row("<resin:Forbidden regexp=\"^/((a|aa)+)$\"/>", "TPL0102 3:3"),
                // condition regexps run on request input too
                row("""
                        <resin:Forbidden regexp="^/">
                            <resin:IfHeader name="X-Words" regexp="^(\\w+\\s?)*$"/>
                          </resin:Forbidden>""", "TPL0101 3:3"),
                row("""
                        <resin:Forbidden>
                            <resin:Not><resin:IfCookie name="id" regexp="^(.*)*$"/></resin:Not>
                          </resin:Forbidden>""", "TPL0101 3:3"),
                // --- no warning ---
                row("<resin:Forbidden regexp=\"^/a/([^/]+)/b\"/>"),
                row("<resin:Forbidden regexp=\"\\.(jpg|png)$\"/>"));
    }

    @ParameterizedTest
    @MethodSource({"shadowed", "redirects", "lineBreaks", "backtracking"})
    void warns(String body, List<String> expected) throws ConfigException {
        assertEquals(expected, codesAndPlaces(Lint.check(webApp(body))));
    }

    @Test
    void messageNamesTheEarlierRuleAndHowToFix() throws ConfigException {
        List<LintWarning> warnings = Lint.check(webApp("""
                <resin:Forbidden regexp="^/private/"/>
                  <resin:Redirect regexp="^/private/old" target="/new"/>"""));
        assertEquals(List.of(new LintWarning("TPL0131", "rules.xml:4:3",
                "<resin:Redirect regexp=\"^/private/old\" target=\"/new\"/>",
                "this rule can never fire: the earlier rule <resin:Forbidden regexp=\"^/private/\"/> at rules.xml:3:3"
                        + " decides first (it has no conditions, no on/off switch or schedule, and ends the"
                        + " evaluation), and its regexp \"^/private/\" matches every subject this rule's"
                        + " \"^/private/old\" can match. Move this rule above it, give the earlier rule a narrower"
                        + " regexp or a condition, or remove this rule")), warnings);
    }

    @Test
    void openRedirectMessageSaysWhyAndHow() throws ConfigException {
        LintWarning warning = Lint.check(webApp("<resin:MovedPermanently regexp=\"^/go/(.*)\" target=\"/$1\"/>"))
                .get(0);
        assertEquals("rules.xml:3:3: TPL0111 the 301 can send the browser to any host: the target \"/$1\" starts"
                + " with what group 1 \"(.*)\" captured, which can begin with \"/\" or \"\\\", so the request decides"
                + " whether Location starts with \"//\" or \"/\\\", which browsers read as \"another host\" (a path"
                + " such as .../%2F%2Fevil.example or ...//evil.example). A 301's Location is sent as the target is,"
                + " not made absolute. Make the group unable to start with a slash or backslash (e.g."
                + " \"([^/\\\\].*)\"), or use an absolute target on your own host (\"https://www.example.com/$1\")",
                warning.toString());
    }

    @Test
    void rulesOfEveryLevelInScopeOrder() throws ConfigException {
        RuleSet rules = read("""
                <resin xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                  <cluster id="web">
                    <resin:Forbidden regexp="^http://"/>
                    <resin:NotFound regexp="^http://a"/>
                    <host id="www.example.com">
                      <resin:MovedPermanently regexp="^/go/(.*)" target="/$1"/>
                      <web-app id="/app">
                        <resin:Forbidden regexp="^/(a+)+$"/>
                      </web-app>
                    </host>
                  </cluster>
                </resin>
                """);
        assertEquals(List.of("TPL0131 4:5", "TPL0111 6:7", "TPL0101 8:9"), codesAndPlaces(Lint.check(rules)));
    }

    @Test
    void sampleConfigurationHasNoWarnings() throws IOException, ConfigException {
        Path sample = Path.of("..", "ejb-module", "src", "main", "resources", "META-INF", "turnpike",
                "sample-rules.xml");
        RuleSet rules = new ResinConfigReader().read("sample-rules.xml", Files.readAllBytes(sample));
        assertEquals(5, rules.size());
        assertEquals(List.of(), Lint.check(rules));
        assertEquals(List.of(), rules.warnings());
    }

    private static Arguments row(String body, String... expected) {
        return Arguments.of(body, List.of(expected));
    }

    private static List<String> codesAndPlaces(List<LintWarning> warnings) {
        return warnings.stream()
                .map(w -> w.code() + " " + w.origin().substring(w.origin().indexOf(':') + 1))
                .toList();
    }

    private static RuleSet webApp(String body) throws ConfigException {
        return read(OPEN + "  " + body + CLOSE);
    }

    private static RuleSet read(String xml) throws ConfigException {
        return new ResinConfigReader().read("rules.xml", xml.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.turnpike.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.rules.RuleImport;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.TestRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole resin.xml: server, host and web-app levels, skipped content, variables, imports. */
class LevelsAndImportsTest {

    private static final String RESIN = """
            <resin xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
              <log-handler name="" level="info" path="stdout:"/>
              <cluster id="web">
                <server id="a" address="127.0.0.1" port="6800"><http port="8080"/></server>
                <resin:Forbidden regexp="^http://blocked\\.example/"/>
                <rewrite-dispatch>
                  <redirect regexp="^http://old\\.example(/.*)" target="http://new.example$1"/>
                </rewrite-dispatch>
                <resin:import path="${__DIR__}/app-default.xml"/>
                <host id="shop.example" root-directory="/srv/shop">
                  <host-alias>www.shop.example</host-alias>
                  <resin:Redirect regexp="^/app/legacy" target="/app/new"/>
                  <web-app id="/app">
                    <database jndi-name="jdbc/x"/>
                    <resin:Forward regexp="^/f/(.*)" target="/echo/$1"/>
                    <resin:Redirect regexp="^/home" target="${host.url}${webApp.contextPath}/index"/>
                  </web-app>
                  <web-app id="/">
                    <servlet servlet-name="x" servlet-class="com.example.X"/>
                    <resin:NotFound regexp="^/hidden"/>
                  </web-app>
                </host>
                <host id="">
                  <web-app id="/"><resin:Forbidden regexp="^/default-only"/></web-app>
                </host>
              </cluster>
            </resin>
            """;

    private static RuleSet rules() {
        return Rules.document(RESIN);
    }

    @Test
    void serverLevelRulesSeeTheFullUrl() {
        assertEquals("403", Rules.decide(rules(), TestRequest.get("/x").withHeader("Host", "blocked.example")));
        assertEquals("302 http://new.example/a/b", Rules.decide(rules(),
                TestRequest.get("/a/b").withHeader("Host", "old.example")));
        // the host is lower-cased and keeps the port the client named, as Resin's virtual-host key
        assertEquals("pass", Rules.decide(rules(), TestRequest.get("/x").withHeader("Host", "BLOCKED.example:8080")
                .withServer("http", "blocked.example", 8080)));
        assertEquals("403", Rules.decide(rules(), TestRequest.get("/x").withHeader("Host", "BLOCKED.example")));
    }

    @Test
    void hostLevelRulesSeeTheContextPathAndApplyToTheirHostAndAliases() {
        TestRequest legacy = TestRequest.get("/legacy").inContext("/app");
        assertEquals("302 http://shop.example/app/new", Rules.decide(rules(), legacy.withHeader("Host", "shop.example")));
        assertEquals("302 http://www.shop.example/app/new", Rules.decide(rules(),
                legacy.withHeader("Host", "www.shop.example")));
        assertEquals("pass", Rules.decide(rules(), legacy.withHeader("Host", "other.example")));
    }

    @Test
    void webAppRulesSeeTheContextRelativePathOfTheirWebApp() {
        TestRequest forward = TestRequest.get("/f/x").inContext("/app").withHeader("Host", "shop.example");
        assertEquals("forward /echo/x", Rules.decide(rules(), forward));
        assertEquals("pass", Rules.decide(rules(), TestRequest.get("/f/x").withHeader("Host", "shop.example")));
        assertEquals("404", Rules.decide(rules(), TestRequest.get("/hidden").withHeader("Host", "shop.example")));
        assertEquals("403", Rules.decide(rules(), TestRequest.get("/default-only").withHeader("Host", "any.example")));
        assertEquals("pass", Rules.decide(rules(), TestRequest.get("/default-only").withHeader("Host", "shop.example")));
    }

    @Test
    void configurationVariablesResolveOnceAtLoad() {
        TestRequest home = TestRequest.get("/home").inContext("/app").withHeader("Host", "shop.example");
        assertEquals("302 http://shop.example/app/index", Rules.decide(rules(), home));
    }

    @Test
    void everythingElseIsSkippedAndListed() {
        assertEquals(List.of("<log-handler>", "<http>", "<resin:import>", "<database>", "<servlet>"), rules().skipped());
    }

    @Test
    void anUnknownVariableIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ResinConfigReader().read("r.xml",
                ("<web-app xmlns:resin='urn:java:com.caucho.resin'><resin:Redirect regexp='a' target='${x.y}'/>"
                        + "</web-app>").getBytes(StandardCharsets.UTF_8)));
        assertEquals("r.xml:1:77: TPC0112 cannot resolve the configuration variable in \"${x.y}\"; known here: none"
                + " (${...} is resolved once at load time; write $1... for regexp groups) (in 'target' of"
                + " <resin:Redirect>)", e.getMessage());
    }

    @Test
    void importsLoadRelativeToTheFileAndReloadKeepingTheOldRulesOnErrors(@TempDir Path dir) throws Exception {
        Path imported = dir.resolve("more.xml");
        write(imported, "<rewrite-dispatch><forbidden regexp='^/one'/></rewrite-dispatch>");
        Path main = dir.resolve("resin-web.xml");
        write(main, "<web-app><rewrite-dispatch><import path='more.xml' dependency-check-interval='1ms'/>"
                + "<not-found regexp='^/two'/></rewrite-dispatch></web-app>");
        RuleSet rules = new ResinConfigReader().read(main.toString(), Files.readAllBytes(main), dir);
        RuleImport ruleImport = rules.imports().get(0);
        assertEquals("403", Rules.decide(rules, TestRequest.get("/one")));
        assertEquals("404", Rules.decide(rules, TestRequest.get("/two")));

        write(imported, "<rewrite-dispatch><gone regexp='^/one'/></rewrite-dispatch>");
        assertTrue(ruleImport.update());
        assertEquals("410", Rules.decide(rules, TestRequest.get("/one")));

        write(imported, "<rewrite-dispatch><gone regexp='^/(one'/></rewrite-dispatch>");
        assertEquals(false, ruleImport.update());
        assertEquals("410", Rules.decide(rules, TestRequest.get("/one")));
        assertTrue(ruleImport.redeployError().contains(":1:25: TPC0105 invalid regexp"), ruleImport.redeployError());
    }

    @Test
    void aMissingRequiredImportIsAnErrorAndAnOptionalOneHasNoRules(@TempDir Path dir) throws IOException {
        Path main = dir.resolve("resin-web.xml");
        write(main, "<web-app><rewrite-dispatch><import path='none.xml'/></rewrite-dispatch></web-app>");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ResinConfigReader().read("resin-web.xml", Files.readAllBytes(main), dir));
        assertEquals("resin-web.xml:1:28: TPC0114 Required file '" + dir.resolve("none.xml") + "' can not be read for"
                + " import: no such file (add optional=\"true\" if the file may be missing)", e.getMessage());
        write(main, "<web-app><rewrite-dispatch><import path='none.xml' optional='true'/></rewrite-dispatch></web-app>");
        RuleSet rules = assertDoesNotThrow(() -> new ResinConfigReader().read("m", Files.readAllBytes(main), dir));
        assertEquals("pass", Rules.decide(rules, TestRequest.get("/x")));
    }

    private static RuleSet assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<RuleSet> read) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(read);
    }

    private static void write(Path file, String xml) throws IOException {
        Files.writeString(file, xml.replace('\'', '"'));
    }
}

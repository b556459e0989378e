package dev.turnpike.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.mapping.MappingConfig;
import dev.turnpike.mapping.PluginTable;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.TestRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code <servlet-mapping>}s read into {@link RuleSet#mappings()}, and the plugin table built from them. */
class ServletMappingReadTest {

    private static final String RESIN = """
            <resin xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
              <cluster id="app">
                <web-app-default>
                  <servlet-mapping url-pattern="*.jsp" servlet-name="resin-jsp"/>
                </web-app-default>
                <host-default>
                  <web-app id="/status"/>
                </host-default>
                <host id="shop.example" host-name="store.example">
                  <host-alias>www.shop.example</host-alias>
                  <web-app id="/shop">
                    <servlet servlet-name="api" servlet-class="com.example.Api"/>
                    <servlet-mapping url-pattern="/api/*" servlet-name="api"/>
                    <servlet-mapping url-pattern="/" servlet-name="default"/>
                    <servlet-mapping url-pattern="/go/*" servlet-name="plugin_match"/>
                    <servlet-mapping url-pattern="/gone/*" servlet-name="plugin-match"/>
                    <servlet-mapping url-pattern="/static/*" servlet-name="plugin_ignore"/>
                    <servlet-mapping>
                      <servlet-name>plugin-ignore</servlet-name>
                      <url-pattern>/img/*</url-pattern>
                      <url-pattern>*.png</url-pattern>
                    </servlet-mapping>
                    <servlet-mapping url-regexp="^/report/(\\d+)" servlet-name="reports"/>
                  </web-app>
                  <web-app id="/rules-only">
                    <resin:Forbidden regexp="^/private"/>
                  </web-app>
                </host>
                <host regexp="(.+)\\.example">
                  <web-app id="/">
                    <servlet-mapping url-pattern="/*" servlet-name="plugin_match"/>
                  </web-app>
                </host>
              </cluster>
            </resin>
            """;

    private static RuleSet read(String xml) throws ConfigException {
        return new ResinConfigReader().read("resin.xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(String xml) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(xml));
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    /** One line per web-app: host (aliases) | context | mappings as written. */
    private static List<String> describe(MappingConfig config) {
        Stream<MappingConfig.Host> hosts = Stream.concat(config.hosts().stream(), Stream.of(config.otherHosts()));
        return hosts.flatMap(host -> Stream.concat(
                        host.webApps().stream().map(app -> (host.regexp() ? "regexp " : "") + host.name()
                                + host.aliases() + "|" + app.contextPath() + "|" + app.mappings()),
                        Stream.of((host.regexp() ? "regexp " : "") + host.name() + host.aliases() + "|(other web-apps)|"
                                + host.webAppDefault())))
                .toList();
    }

    @Test
    void bothFormsAndEveryServletNameAreReadInConfigurationOrder() throws ConfigException {
        MappingConfig mappings = read(RESIN).mappings();
        String jsp = "<servlet-mapping url-pattern=\"*.jsp\" servlet-name=\"resin-jsp\"/>";
        assertEquals(List.of(
                "shop.example[store.example, www.shop.example]|/status|[" + jsp + "]",
                "shop.example[store.example, www.shop.example]|/shop|[" + jsp + ", "
                        + "<servlet-mapping url-pattern=\"/api/*\" servlet-name=\"api\"/>, "
                        + "<servlet-mapping url-pattern=\"/\" servlet-name=\"default\"/>, "
                        + "<servlet-mapping url-pattern=\"/go/*\" servlet-name=\"plugin_match\"/>, "
                        + "<servlet-mapping url-pattern=\"/gone/*\" servlet-name=\"plugin-match\"/>, "
                        + "<servlet-mapping url-pattern=\"/static/*\" servlet-name=\"plugin_ignore\"/>, "
                        + "<servlet-mapping url-pattern=\"/img/*\" servlet-name=\"plugin-ignore\"/>, "
                        + "<servlet-mapping url-pattern=\"*.png\" servlet-name=\"plugin-ignore\"/>, "
                        + "<servlet-mapping url-regexp=\"^/report/(\\d+)\" servlet-name=\"reports\"/>]",
                // a web-app Turnpike knows only from its rules is still there
                "shop.example[store.example, www.shop.example]|/rules-only|[" + jsp + "]",
                "shop.example[store.example, www.shop.example]|(other web-apps)|[" + jsp + "]",
                "regexp (.+)\\.example[]|/status|[" + jsp + "]",
                "regexp (.+)\\.example[]||[" + jsp + ", <servlet-mapping url-pattern=\"/*\""
                        + " servlet-name=\"plugin_match\"/>]",
                "regexp (.+)\\.example[]|(other web-apps)|[" + jsp + "]",
                "[]|/status|[" + jsp + "]",
                "[]|(other web-apps)|[" + jsp + "]"), describe(mappings));
    }

    @Test
    void pluginNamesWithUnderscoreOrDashHaveOneRole() throws ConfigException {
        List<MappingConfig.Mapping> shop = read(RESIN).mappings().hosts().get(0).webApps().get(1).mappings();
        assertEquals(List.of(
                "SERVLET *.jsp", "SERVLET /api/*", "SERVLET /", "PLUGIN_MATCH /go/*", "PLUGIN_MATCH /gone/*",
                "PLUGIN_IGNORE /static/*", "PLUGIN_IGNORE /img/*", "PLUGIN_IGNORE *.png",
                "SERVLET ^/report/(\\d+) (regexp)"),
                shop.stream().map(m -> m.role() + " " + m.pattern() + (m.regexp() ? " (regexp)" : "")).toList());
        assertEquals("resin.xml:13:9", shop.get(1).origin());
        assertEquals("resin.xml:18:9", shop.get(6).origin());
    }

    @Test
    void servletMappingsAreNoLongerSkipped() throws ConfigException {
        assertEquals(List.of("<servlet>"), read(RESIN).skipped());
    }

    @Test
    void theTableServesWhatTheConfigurationSays() throws ConfigException {
        PluginTable table = PluginTable.builder().configuration(read(RESIN).mappings()).build();
        assertEquals("match: /go/* of web-app /shop", table.match("www.shop.example", "/shop/go/x").toString());
        assertEquals("match: /gone/* of web-app /shop", table.match("store.example", "/shop/gone").toString());
        assertEquals("match: *.jsp of web-app /shop", table.match("shop.example", "/shop/a.jsp").toString());
        assertEquals("no match: plugin_ignore *.png of web-app /shop",
                table.match("shop.example", "/shop/a.png").toString());
        // the default servlet's "/" is not reported and the regexp cannot be: the web server keeps these
        assertEquals("no match: no url-pattern of web-app /shop matches /report/7",
                table.match("shop.example", "/shop/report/7").toString());
        assertEquals(List.of("^/report/(\\d+)"), table.host("shop.example").webApp("/shop").notSent());
        assertEquals("match: *.jsp of web-app /rules-only",
                table.match("shop.example", "/rules-only/a.jsp").toString());
        // the regexp host is not reported: its names are the default host's, which has /status only
        assertEquals("no match: no web-app of the default host contains /x", table.match("a.example", "/x").toString());
        assertEquals("match: *.jsp of web-app /status", table.match("a.example", "/status/a.jsp").toString());
    }

    @Test
    void rulesStillApplyNextToMappings() throws ConfigException {
        assertEquals("403", Rules.decide(read(RESIN), TestRequest.get("/private").inContext("/rules-only")
                .withHeader("Host", "shop.example")));
    }

    @Test
    void aResinWebXmlsMappingsAreThoseOfEveryWebAppTheConfigurationDoesNotName() throws ConfigException {
        RuleSet rules = read("""
                <web-app xmlns="http://caucho.com/ns/resin">
                  <servlet-mapping url-pattern="/api/*" servlet-name="plugin_match"/>
                </web-app>
                """);
        assertEquals(List.of("[]|(other web-apps)|[<servlet-mapping url-pattern=\"/api/*\""
                + " servlet-name=\"plugin_match\"/>]"), describe(rules.mappings()));
    }

    @Test
    void aWebXmlInTheJakartaNamespaceIsRead() throws ConfigException {
        RuleSet rules = read("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <servlet><servlet-name>api</servlet-name><servlet-class>x.Api</servlet-class></servlet>
                  <servlet-mapping id="m1">
                    <servlet-name>api</servlet-name>
                    <url-pattern>/api/*</url-pattern>
                    <url-pattern>*.do</url-pattern>
                  </servlet-mapping>
                </web-app>
                """);
        assertEquals(List.of("[]|(other web-apps)|[<servlet-mapping url-pattern=\"/api/*\" servlet-name=\"api\"/>,"
                + " <servlet-mapping url-pattern=\"*.do\" servlet-name=\"api\"/>]"), describe(rules.mappings()));
        assertEquals(List.of("<servlet>"), rules.skipped());
    }

    @Test
    void aConfigurationWithoutMappingsHasNone() throws ConfigException {
        assertTrue(read("<web-app/>").mappings().isEmpty());
        assertTrue(RuleSet.EMPTY.mappings().isEmpty());
    }

    static Stream<Arguments> badMappings() {
        return Stream.of(
                Arguments.of("neither url-pattern nor url-regexp", """
                        <web-app>
                          <servlet-mapping servlet-name="plugin_match"/>
                        </web-app>
                        """, List.of("resin.xml:2:3: TPC0117 <servlet-mapping> needs 'url-pattern' or 'url-regexp': the"
                        + " URLs the servlet answers, which Turnpike reports to the web server's plugin")),
                Arguments.of("the child form without a pattern, with every other problem of the file", """
                        <web-app>
                          <servlet-mapping>
                            <servlet-name>plugin_ignore</servlet-name>
                          </servlet-mapping>
                          <servlet-mapping url-regexp="^/(a"/>
                        </web-app>
                        """, List.of("resin.xml:2:3: TPC0117 <servlet-mapping> needs 'url-pattern' or 'url-regexp': the"
                                + " URLs the servlet answers, which Turnpike reports to the web server's plugin",
                        "resin.xml:5:20: TPC0105 invalid regexp in 'url-regexp' of <servlet-mapping>: Unclosed group"
                                + " near index 4 of \"^/(a\"")),
                Arguments.of("a mapping outside any web-app", """
                        <host id="a.example">
                          <servlet-mapping url-pattern="/x"/>
                        </host>
                        """, List.of("resin.xml:2:3: TPC0110 <servlet-mapping> is a servlet mapping and cannot stand in"
                        + " <host>; known here: containers <cluster>, <host-default>, <host>, <resin>, <server>,"
                        + " <web-app-default>, <web-app>; rules <resin:Dispatch>, <resin:FastCgiProxy>,"
                        + " <resin:Forbidden>, <resin:Forward>, <resin:HttpProxy>, <resin:LoadBalance>,"
                        + " <resin:Location>, <resin:MovedPermanently>, <resin:NotFound>, <resin:Redirect>,"
                        + " <resin:RedirectSecure>, <resin:Rewrite>, <resin:SendError>; filters <resin:AddHeader>,"
                        + " <resin:SetHeader>, <resin:SetRequestCharacterEncoding>, <resin:SetRequestSecure>,"
                        + " <resin:SetVary>; rewrite-dispatch blocks <rewrite-dispatch>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badMappings(String what, String xml, List<String> expected) {
        assertEquals(expected, problems(xml));
    }
}

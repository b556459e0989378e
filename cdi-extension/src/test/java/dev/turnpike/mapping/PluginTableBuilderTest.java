package dev.turnpike.mapping;

import static dev.turnpike.mapping.Mappings.app;
import static dev.turnpike.mapping.Mappings.config;
import static dev.turnpike.mapping.Mappings.host;
import static dev.turnpike.mapping.Mappings.pluginIgnore;
import static dev.turnpike.mapping.Mappings.pluginMatch;
import static dev.turnpike.mapping.Mappings.regexp;
import static dev.turnpike.mapping.Mappings.servlet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How the configuration and the deployment merge into one table, and when the etag changes. */
class PluginTableBuilderTest {

    /** One line per web-app: {@code host|context|m patterns|i patterns|not sent}, "U" when unavailable. */
    private static List<String> describe(PluginTable table) {
        return table.hosts().stream().flatMap(host -> host.webApps().stream().map(app ->
                (host.regexp() ? "regexp " : "") + host.name() + "|" + app.contextPath() + "|"
                        + (app.available() ? "" : "U ") + app.match() + "|" + app.ignore() + "|" + app.notSent()))
                .toList();
    }

    @Test
    void anEmptyTableHasTheDefaultHostOnly() {
        PluginTable table = PluginTable.builder().build();
        assertEquals(1, table.hosts().size());
        assertTrue(table.hosts().get(0).isDefault());
        assertEquals(List.of(), table.hosts().get(0).webApps());
        assertEquals("no match: no web-app of the default host contains /x", table.match("a", "/x").toString());
    }

    @Test
    void deployedPatternsJoinTheConfiguredWebAppOfTheSameHostAndContext() {
        PluginTable table = PluginTable.builder()
                .configuration(config(host("shop.example", List.of("www.shop.example"),
                        app("/shop", pluginMatch("/api/*"), pluginIgnore("/static/*")))))
                .deployed(new DeployedWebApp("shop.example", "/shop/", List.of("/", "*.jsp", "/api/*")))
                .build();
        // configured first, then deployed; "/" (the default servlet) left out; "/api/*" kept once
        assertEquals(List.of("shop.example|/shop|[/api/*, *.jsp]|[/static/*]|[]"), describe(table));
    }

    @Test
    void aDeploymentFindsItsHostByAliasCaseAndPort() {
        PluginTable table = PluginTable.builder()
                .configuration(config(host("shop.example", List.of("www.shop.example"), app("/shop"))))
                .deployed(new DeployedWebApp("WWW.Shop.Example:8080", "shop", List.of("*.do")))
                .build();
        assertEquals(List.of("shop.example|/shop|[*.do]|[]|[]"), describe(table));
    }

    @Test
    void aDeploymentOnAHostTheConfigurationDoesNotNameMakesThatHost() {
        MappingConfig configured = new MappingConfig(List.of(host("shop.example", List.of(), app("/shop"))),
                new MappingConfig.Host("", List.of(), false, List.of(), List.of(servlet("*.jsp"))));
        PluginTable table = PluginTable.builder().configuration(configured)
                .deployed(new DeployedWebApp("blog.example", "/", List.of("/feed")))
                .deployed(new DeployedWebApp("", "/", List.of("/")))
                .build();
        // default host first, then configured hosts, then the server's own; web-app defaults given to both
        assertEquals(List.of("||[*.jsp]|[]|[]", "shop.example|/shop|[]|[]|[]",
                "blog.example||[*.jsp, /feed]|[]|[]"), describe(table));
        assertEquals("match: /feed of web-app /", table.match("blog.example", "/feed").toString());
    }

    @Test
    void aDeployedWebAppTheConfigurationDoesNotNameGetsItsHostsWebAppDefaults() {
        MappingConfig configured = new MappingConfig(List.of(new MappingConfig.Host("shop.example", List.of(), false,
                List.of(app("/known", servlet("*.php"), pluginMatch("/k/*"))), List.of(servlet("*.php")))),
                MappingConfig.NONE.otherHosts());
        PluginTable table = PluginTable.builder().configuration(configured)
                .deployed(new DeployedWebApp("shop.example", "/new", List.of("/n")))
                .build();
        assertEquals(List.of("shop.example|/known|[*.php, /k/*]|[]|[]", "shop.example|/new|[*.php, /n]|[]|[]"),
                describe(table));
    }

    @Test
    void whatEachKindOfMappingBecomes() {
        PluginTable table = PluginTable.builder()
                .configuration(config(host("", List.of(), app("",
                        servlet("/"), pluginMatch("/"), servlet("*.jsp"), servlet("*.jsp"), pluginIgnore("/img/*"),
                        regexp("^/report/\\d+"), servlet("")))))
                .build();
        // an ordinary "/" is the default servlet, left out; plugin_match "/" is meant and kept;
        // duplicates once; "" is reported as Resin does; the regexp is kept but not sent
        assertEquals(List.of("||[/, *.jsp, ]|[/img/*]|[^/report/\\d+]"), describe(table));
        assertEquals(List.of(new HostReply.WebApp("", true, List.of("/", "*.jsp", ""), List.of("/img/*"))),
                table.reply("").webApps());
    }

    @Test
    void aConfiguredWebAppNothingDeployedStaysWithItsConfiguredPatterns() {
        PluginTable table = PluginTable.builder()
                .configuration(config(host("shop.example", List.of(), app("/rules-only"), app("/legacy",
                        pluginMatch("/old/*")))))
                .build();
        assertEquals(List.of("shop.example|/rules-only|[]|[]|[]", "shop.example|/legacy|[/old/*]|[]|[]"),
                describe(table));
    }

    @Test
    void aHostDefinedByARegexpIsListedButNeverResolved() {
        PluginTable table = PluginTable.builder()
                .configuration(config(new MappingConfig.Host("(.+)\\.example", List.of(), true,
                        List.of(app("", pluginMatch("/*"))), List.of())))
                .build();
        assertEquals(List.of("regexp (.+)\\.example||[/*]|[]|[]"), describe(table));
        assertTrue(table.hosts().get(1).regexp());
        assertEquals("regexp host (.+)\\.example", table.hosts().get(1).display());
        assertTrue(table.host("a.example").isDefault());
        assertTrue(table.host("(.+)\\.example").isDefault());
        assertEquals(List.of(), table.reply("a.example").webApps());
    }

    @Test
    void twoHostsOfOneNameMergeAndTheConfiguredDefaultHostReplacesTheTemplate() {
        MappingConfig configured = new MappingConfig(List.of(
                host("a.example", List.of("x.example"), app("/one", servlet("/1"))),
                host("", List.of("www.default"), app("/d", servlet("/d"))),
                host("a.example", List.of("y.example"), app("/one", servlet("/2")), app("/two"))),
                new MappingConfig.Host("", List.of(), false, List.of(app("/every-host")), List.of()));
        PluginTable table = PluginTable.builder().configuration(configured).build();
        assertEquals(List.of("|/d|[/d]|[]|[]", "a.example|/one|[/1, /2]|[]|[]", "a.example|/two|[]|[]|[]"),
                describe(table));
        assertEquals(List.of("x.example", "y.example"), table.host("a.example").aliases());
        assertEquals("", table.host("www.default").name());
    }

    @Test
    void anUnavailableDeploymentMakesItsWebAppUnavailable() {
        PluginTable table = PluginTable.builder()
                .configuration(config(host("", List.of(), app("/shop", pluginMatch("/api/*")))))
                .deployed(new DeployedWebApp("", "/shop", List.of("*.jsp"), false))
                .build();
        assertEquals(List.of("|/shop|U [/api/*, *.jsp]|[]|[]"), describe(table));
    }

    // --- etag

    private static final String CLUSTER = "c app-tier; s 10.0.0.1:6800; s 10.0.0.2:6800; live-time 10";

    private static PluginTable table(UnaryOperator<PluginTableBuilder> change) {
        PluginTableBuilder builder = PluginTable.builder()
                .configuration(config(host("shop.example", List.of("www.shop.example"),
                        app("/shop", pluginMatch("/api/*"), pluginIgnore("/static/*")))))
                .deployed(new DeployedWebApp("shop.example", "/blog", List.of("*.php")))
                .deployed(new DeployedWebApp("shop.example", "/wiki", List.of("/w/*")));
        return change.apply(builder).build();
    }

    @Test
    void theEtagIsStable() {
        String etag = table(b -> b).etag("shop.example", CLUSTER);
        assertEquals(etag, table(b -> b).etag("shop.example", CLUSTER));
        // the order in which the server lists its web-apps does not count
        PluginTable reordered = PluginTable.builder()
                .configuration(config(host("shop.example", List.of("www.shop.example"),
                        app("/shop", pluginMatch("/api/*"), pluginIgnore("/static/*")))))
                .deployed(new DeployedWebApp("shop.example", "/wiki", List.of("/w/*")))
                .deployed(new DeployedWebApp("shop.example", "/blog", List.of("*.php")))
                .build();
        assertEquals(etag, reordered.etag("shop.example", CLUSTER));
        // nor do other hosts
        assertEquals(etag, table(b -> b.deployed(new DeployedWebApp("other.example", "/", List.of("/x"))))
                .etag("shop.example", CLUSTER));
    }

    static Stream<Arguments> etagChanges() {
        return Stream.of(
                Arguments.of("another pattern", (UnaryOperator<PluginTableBuilder>) b ->
                        b.deployed(new DeployedWebApp("shop.example", "/wiki", List.of("*.md"))), CLUSTER),
                Arguments.of("another web-app", (UnaryOperator<PluginTableBuilder>) b ->
                        b.deployed(new DeployedWebApp("shop.example", "/news", List.of())), CLUSTER),
                Arguments.of("a web-app going unavailable", (UnaryOperator<PluginTableBuilder>) b ->
                        b.deployed(new DeployedWebApp("shop.example", "/wiki", List.of(), false)), CLUSTER),
                Arguments.of("another session URL prefix", (UnaryOperator<PluginTableBuilder>) b ->
                        b.sessionUrlPrefix(";sid="), CLUSTER),
                Arguments.of("another server in the cluster", (UnaryOperator<PluginTableBuilder>) b -> b,
                        CLUSTER + "; s 10.0.0.3:6800"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void etagChanges(String what, UnaryOperator<PluginTableBuilder> change, String cluster) {
        assertNotEquals(table(b -> b).etag("shop.example", CLUSTER), table(change).etag("shop.example", cluster));
    }

    @Test
    void theEtagTellsAMatchPatternFromAnIgnorePatternAndFieldsDoNotRunTogether() {
        PluginTable asMatch = PluginTable.builder()
                .configuration(config(host("", List.of(), app("/a", pluginMatch("/x/*"))))).build();
        PluginTable asIgnore = PluginTable.builder()
                .configuration(config(host("", List.of(), app("/a", pluginIgnore("/x/*"))))).build();
        assertNotEquals(asMatch.etag("", "c"), asIgnore.etag("", "c"));
        PluginTable split = PluginTable.builder()
                .configuration(config(host("", List.of(), app("/a", pluginMatch("b"))))).build();
        PluginTable joined = PluginTable.builder()
                .configuration(config(host("", List.of(), app("/ab")))).build();
        assertNotEquals(split.etag("", "c"), joined.etag("", "c"));
    }
}

package dev.turnpike.mapping;

import static dev.turnpike.mapping.Mappings.app;
import static dev.turnpike.mapping.Mappings.config;
import static dev.turnpike.mapping.Mappings.host;
import static dev.turnpike.mapping.Mappings.pluginIgnore;
import static dev.turnpike.mapping.Mappings.pluginMatch;
import static dev.turnpike.mapping.Mappings.servlet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The request matching of resin-spec 5.4 (steps 3-10) on one table, and the configuration reply. */
class PluginTableTest {

    /*
     * shop.example (alias www.shop.example):
     *   /            *.jsp, "/" (the default servlet, not reported); ignore /static/*
     *   /shop        plugin_match /api/*, *.do; ignore /api/public/*
     *   /shop/admin  /*
     *   /down        deployed, unavailable
     * default host:
     *   /app         /hello
     * (.+)\.example  a regexp host, never resolved
     */
    static final PluginTable TABLE = PluginTable.builder()
            .configuration(new MappingConfig(List.of(
                    host("shop.example", List.of("www.shop.example"),
                            app("", servlet("*.jsp"), servlet("/"), pluginIgnore("/static/*")),
                            app("/shop", pluginMatch("/api/*"), servlet("*.do"), pluginIgnore("/api/public/*")),
                            app("/shop/admin", servlet("/*"))),
                    host("", List.of(), app("/app", servlet("/hello"))),
                    new MappingConfig.Host("(.+)\\.example", List.of(), true,
                            List.of(app("", pluginMatch("/*"))), List.of())),
                    MappingConfig.NONE.otherHosts()))
            .deployed(new DeployedWebApp("shop.example", "/down", List.of("*.jsp"), false))
            .build();

    static Stream<Arguments> requests() {
        return Stream.of(
                // the web-app with the longest context path containing the path decides
                Arguments.of("shop.example", "/index.jsp", "match: *.jsp of web-app /"),
                Arguments.of("shop.example", "/shop/x.do", "match: *.do of web-app /shop"),
                Arguments.of("shop.example", "/shop/admin/users", "match: /* of web-app /shop/admin"),
                Arguments.of("shop.example", "/shop/admin", "match: /* of web-app /shop/admin"),
                // a context path is a path prefix: /shopping is the root web-app's (not /shop's *.do)
                Arguments.of("shop.example", "/shopping/x.do", "no match: no url-pattern of web-app / matches"
                        + " /shopping/x.do"),
                // path-info after a suffix
                Arguments.of("shop.example", "/shop/x.do/more", "match: *.do of web-app /shop"),
                // no pattern: the web server keeps it
                Arguments.of("shop.example", "/about.html", "no match: no url-pattern of web-app / matches"
                        + " /about.html"),
                // the default servlet's "/" is not reported, so it does not take everything
                Arguments.of("shop.example", "/", "no match: no url-pattern of web-app / matches /"),
                // plugin_ignore wins over every match pattern (a match here would send static files to Turnpike)
                Arguments.of("shop.example", "/static/page.jsp", "no match: plugin_ignore /static/* of web-app /"),
                Arguments.of("shop.example", "/shop/api/public/x.do", "no match: plugin_ignore /api/public/* of"
                        + " web-app /shop"),
                Arguments.of("shop.example", "/shop/api/orders", "match: /api/* of web-app /shop"),
                // ... except for form login, which must reach Turnpike even under an ignore pattern
                Arguments.of("shop.example", "/shop/api/public/j_security_check", "match: /j_security_check (form"
                        + " login) in web-app /shop"),
                Arguments.of("shop.example", "/login/j_security_check", "match: /j_security_check (form login) in"
                        + " web-app /"),
                Arguments.of("shop.example", "/static/j_security_check", "match: /j_security_check (form login) in"
                        + " web-app /"),
                // /WEB-INF/* and /META-INF/* are every web-app's, unreported (else the web server serves them)
                Arguments.of("shop.example", "/shop/WEB-INF/web.xml", "match: /WEB-INF/* (automatic) of web-app /shop"),
                Arguments.of("shop.example", "/META-INF/MANIFEST.MF", "match: /META-INF/* (automatic) of web-app /"),
                Arguments.of("shop.example", "/WEB-INF", "match: /WEB-INF/* (automatic) of web-app /"),
                Arguments.of("shop.example", "/shop/web-inf/web.xml", "no match: no url-pattern of web-app /shop"
                        + " matches /web-inf/web.xml"),
                // an unavailable web-app takes everything under it
                Arguments.of("shop.example", "/down/any.html", "match: web-app /down is unavailable"),
                // the session part is cut: ".do" after it does not count, one before it does
                Arguments.of("shop.example", "/shop/page;jsessionid=abc.do", "no match: no url-pattern of web-app"
                        + " /shop matches /page"),
                Arguments.of("shop.example", "/shop/x.do;jsessionid=abc", "match: *.do of web-app /shop"),
                // so is everything from the first ':' (a wrong cut would let *.jsp see "/index.html:.jsp")
                Arguments.of("shop.example", "/index.html:.jsp", "no match: no url-pattern of web-app / matches"
                        + " /index.html"),
                Arguments.of("shop.example", "/static/x:/shop/api/y", "no match: plugin_ignore /static/* of web-app /"),
                // '/' after '/' or '\' collapses, before the context path is chosen
                Arguments.of("shop.example", "//shop//api/x", "match: /api/* of web-app /shop"),
                Arguments.of("shop.example", "//static///a.jsp", "no match: plugin_ignore /static/* of web-app /"),
                Arguments.of("shop.example", "/shop/api\\//x", "no match: no url-pattern of web-app /shop matches"
                        + " /api\\x"),
                // hosts: case and port are ignored; an alias is its host
                Arguments.of("WWW.Shop.Example:8080", "/index.jsp", "match: *.jsp of web-app /"),
                Arguments.of("SHOP.example", "/shop/x.do", "match: *.do of web-app /shop"),
                // an unknown name gets the default host, which has no root web-app
                Arguments.of("other.example", "/index.jsp", "no match: no web-app of the default host contains"
                        + " /index.jsp"),
                Arguments.of("other.example", "/app/hello", "match: /hello of web-app /app"),
                Arguments.of(null, "/app/hello", "match: /hello of web-app /app"),
                Arguments.of("", "/app/hello", "match: /hello of web-app /app"),
                // a regexp host is never told to the plugin: its names fall to the default host
                Arguments.of("x.example", "/anything", "no match: no web-app of the default host contains /anything"));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource
    void requests(String hostName, String uri, String expected) {
        assertEquals(expected, TABLE.match(hostName, uri).toString());
    }

    @Test
    void theMatchNamesTheHostAndWebApp() {
        PluginMatch match = TABLE.match("www.shop.example", "/shop/x.do");
        assertEquals("shop.example", match.host().name());
        assertEquals("/shop", match.webApp().contextPath());
        assertTrue(match.matched());
        PluginMatch none = TABLE.match("other.example", "/x");
        assertTrue(none.host().isDefault());
        assertEquals(null, none.webApp());
        assertFalse(none.matched());
    }

    @Test
    void hostsResolveByNameOrAliasElseToTheDefaultHost() {
        assertEquals("shop.example", TABLE.host("www.shop.example").name());
        assertEquals("shop.example", TABLE.host("Shop.Example:443").name());
        assertSame(TABLE.host(""), TABLE.host("unknown"));
        assertSame(TABLE.host(""), TABLE.host("[::1]:8080"));
        assertTrue(TABLE.host("x.example").isDefault());
    }

    @Test
    void theSessionUrlPrefixIsATableSetting() {
        PluginTable table = PluginTable.builder().sessionUrlPrefix(";sid=")
                .configuration(config(host("", List.of(), app("", servlet("*.do"))))).build();
        assertEquals("no match: no url-pattern of web-app / matches /page",
                table.match("", "/page;sid=1.do").toString());
        assertEquals("match: *.do of web-app /", table.match("", "/page;jsessionid=1.do").toString());
        PluginTable none = PluginTable.builder().sessionUrlPrefix("")
                .configuration(config(host("", List.of(), app("", servlet("*.do"))))).build();
        assertEquals("match: *.do of web-app /", none.match("", "/page;jsessionid=1.do").toString());
    }

    @Test
    void theReplyListsTheReportedPatternsOfEachWebApp() {
        HostReply reply = TABLE.reply("shop.example");
        assertFalse(reply.isAlias());
        assertEquals("shop.example", reply.canonicalName());
        assertEquals(List.of(
                new HostReply.WebApp("", true, List.of("*.jsp"), List.of("/static/*")),
                new HostReply.WebApp("/shop", true, List.of("/api/*", "*.do"), List.of("/api/public/*")),
                new HostReply.WebApp("/shop/admin", true, List.of("/*"), List.of()),
                // unavailable: the endpoint writes U and no patterns
                new HostReply.WebApp("/down", false, List.of(), List.of())), reply.webApps());
    }

    @Test
    void anAliasIsAnsweredWithItsCanonicalNameAndTheAliasEtag() {
        HostReply reply = TABLE.reply("WWW.shop.example:80");
        assertTrue(reply.isAlias());
        assertEquals("www.shop.example", reply.requestedName());
        assertEquals("shop.example", reply.canonicalName());
        assertEquals("h-shop.example", TABLE.etag("www.shop.example", "cluster"));
        assertEquals("h-", TABLE.etag("unknown.example", "cluster"));
        assertFalse(TABLE.reply("").isAlias());
    }

    @Test
    void theEtagIsElevenUrlSafeCharacters() {
        String etag = TABLE.etag("shop.example", "c app-tier s 10.0.0.1:6800");
        assertEquals(11, etag.length(), etag);
        assertTrue(etag.matches("[A-Za-z0-9_-]{11}"), etag);
        assertEquals(etag, TABLE.etag("SHOP.EXAMPLE:8080", "c app-tier s 10.0.0.1:6800"));
    }
}

package dev.turnpike.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.config.ResinConfigReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Application predicates, rules and servlet filters named in the configuration, running in the
 * real filter over real HTTP.
 */
class ApplicationRulesHarnessTest {

    private static final String RULES = """
            <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin"
                     xmlns:app="urn:java:dev.turnpike.web.beans">
              <app:Stamp name="X-Outer" value="outer"/>
              <resin:SetRequestSecure regexp="^/secure-check"/>
              <resin:Forbidden regexp="^/secure-check"><app:IsSecure/></resin:Forbidden>
              <resin:Forbidden regexp="^/key"><app:HeaderIs header="X-Key" value="open sesame"/></resin:Forbidden>
              <app:Teapot regexp="^/tea/(.*)" target="/pot/$1">
                <app:Stamp name="X-Inner" value="inner"/>
              </app:Teapot>
              <app:Teapot regexp="^/either">
                <resin:Or><app:HeaderIs header="X-A" value="1"/><resin:IfHeader name="X-B"/></resin:Or>
              </app:Teapot>
              <app:PassThrough regexp="^/index" mark="seen"/>
            </web-app>
            """;

    private static FastHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = FastHarness.start();
        harness.live().loaded(new ResinConfigReader().read("app-rules.xml", RULES.getBytes(StandardCharsets.UTF_8)),
                Instant.now());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void anApplicationPredicateDecidesPerRequest() throws Exception {
        assertEquals(403, harness.get("key/x", "X-Key", "open sesame").statusCode());
        assertEquals(404, harness.get("key/x", "X-Key", "open").statusCode());
        assertEquals(404, harness.get("key/x").statusCode());
    }

    @Test
    void anApplicationPredicateSeesWhatFiltersChanged() throws Exception {
        assertEquals(403, harness.get("secure-check").statusCode());
    }

    @Test
    void anApplicationRuleGetsTheMatchedPathTheTargetAndTheQuery() throws Exception {
        HttpResponse<String> response = harness.get("tea/earl/grey?milk=no");
        assertEquals(418, response.statusCode());
        assertEquals("REQUEST /tea/earl/grey -> /pot/earl/grey ? milk=no", response.body());
    }

    @Test
    void anApplicationRuleWithoutTargetGetsThePathAndItsConditionsDecide() throws Exception {
        assertEquals("REQUEST /either -> /either ? null", harness.get("either", "X-A", "1").body());
        assertEquals(418, harness.get("either", "X-B", "anything").statusCode());
        assertEquals(404, harness.get("either", "X-A", "2").statusCode());
    }

    @Test
    void anApplicationRuleCanServeTheOriginalRequest() throws Exception {
        HttpResponse<String> response = harness.get("index.html");
        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("seen"), response.headers().firstValue("X-Mark"));
    }

    @Test
    void servletFiltersWrapEveryRequestAtTheTopAndTheirRulesRequestsInside() throws Exception {
        HttpResponse<String> plain = harness.get("index.html");
        assertEquals(List.of("outer by Stamp init 1"), plain.headers().allValues("X-Outer"));
        assertEquals(List.of(), plain.headers().allValues("X-Inner"));

        HttpResponse<String> tea = harness.get("tea/x");
        assertEquals(List.of("outer by Stamp init 1"), tea.headers().allValues("X-Outer"));
        assertEquals(List.of("inner by Stamp init 1"), tea.headers().allValues("X-Inner"));
        assertTrue(harness.get("tea/y").headers().firstValue("X-Inner").orElseThrow().endsWith("init 1"),
                "a filter is initialised once");
    }
}

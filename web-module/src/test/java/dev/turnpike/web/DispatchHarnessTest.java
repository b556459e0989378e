package dev.turnpike.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.config.ResinConfigReader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter, status servlet and API with the CDI extension, over real HTTP, without a server. */
class DispatchHarnessTest {

    private static final String RULES = """
            <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
              <resin:Forbidden regexp="^/private/"/>
              <resin:Redirect regexp="^/old/(.*)$" target="/new/$1"/>
              <resin:MovedPermanently regexp="^/moved$" target="/here"/>
              <resin:Forbidden regexp="^/">
                <resin:IfHeader name="X-Block" regexp="^yes$"/>
              </resin:Forbidden>
            </web-app>
            """;

    private static FastHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = FastHarness.start();
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @BeforeEach
    void loadRules() throws Exception {
        harness.live().loaded(new ResinConfigReader().read("harness.xml", RULES.getBytes(StandardCharsets.UTF_8)),
                Instant.now());
    }

    private static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        return harness.get(pathAndQuery, headers);
    }

    @Test
    void forbiddenPathAnswers403() throws Exception {
        assertEquals(403, get("private/secret.txt").statusCode());
    }

    @Test
    void redirectAnswers302WithAnAbsoluteLocationAndTheQuery() throws Exception {
        HttpResponse<String> response = get("old/a/b?x=1");
        assertEquals(302, response.statusCode());
        assertEquals(harness.uri("new/a/b?x=1").toString(), response.headers().firstValue("Location").orElseThrow());
        assertTrue(response.body().contains("The URL has moved <a href=\"" + harness.uri("new/a/b?x=1") + "\">here</a>"),
                response.body());
    }

    @Test
    void movedPermanentlyKeepsTheTargetAsWritten() throws Exception {
        HttpResponse<String> response = get("moved");
        assertEquals(301, response.statusCode());
        assertEquals("/here", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void headerConditionDecidesPerRequest() throws Exception {
        assertEquals(403, get("index.html", "X-Block", "yes").statusCode());
        assertEquals(200, get("index.html", "X-Block", "no").statusCode());
    }

    @Test
    void unmatchedRequestPassesThroughUntouched() throws Exception {
        HttpResponse<String> response = get("");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Turnpike is running"), response.body());
        assertEquals(404, get("no/such/page").statusCode());
    }

    @Test
    void theAdminUiFragmentIsServedUnderTurnpike() throws Exception {
        HttpResponse<String> response = get("turnpike/");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<title>Turnpike</title>"), response.body());
    }

    @Test
    void theStatusApiShowsTheExtensionAndTheServingRules() throws Exception {
        HttpResponse<String> response = get("turnpike/api/status");
        assertEquals(200, response.statusCode());
        JsonObject status;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            status = reader.readObject();
        }
        assertEquals(true, status.getJsonObject("extension").getBoolean("active"));
        assertEquals(List.of("BeforeBeanDiscovery", "AfterBeanDiscovery", "AfterDeploymentValidation"),
                status.getJsonObject("extension").getJsonArray("phases").getValuesAs(v -> v.toString().replace("\"", "")));
        assertEquals("harness.xml", status.getJsonObject("configuration").getString("source"));
        assertEquals(4, status.getJsonArray("rules").size());
        assertEquals("<resin:Forbidden regexp=\"^/private/\"/>",
                status.getJsonArray("rules").getJsonObject(0).getString("rule"));
        assertEquals("harness.xml:2:3", status.getJsonArray("rules").getJsonObject(0).getString("origin"));
    }

    @Test
    void cauchoStatusListsTheRulesAndTheLastProblems() throws Exception {
        harness.live().failed("harness.xml", List.of(new dev.turnpike.config.ConfigProblem("harness.xml", 3, 4,
                "TPC0102", "unknown element <resin:Nope>")), Instant.now());
        HttpResponse<String> response = get("caucho-status");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("&lt;resin:Forbidden regexp=&quot;^/private/&quot;/&gt;"), response.body());
        assertTrue(response.body().contains("harness.xml:3:4: TPC0102 unknown element &lt;resin:Nope&gt;"),
                response.body());
        assertEquals(403, get("private/x").statusCode(), "a failed load keeps the rules serving");
        assertTrue(response.body().contains("<h2>Default Virtual Host</h2>"), response.body());
        assertTrue(response.body().contains("<tr bgcolor='#ffcc66'><td>/</td><td>/caucho-status</td></tr>"),
                "the deployed servlets' url-patterns: " + response.body());
    }

    @Test
    void cauchoStatusShowsThePluginTable() throws Exception {
        String mappings = RULES.replace("</web-app>", """
                  <servlet-mapping url-pattern="*.php" servlet-name="plugin_match"/>
                  <servlet-mapping url-pattern="/static/*" servlet-name="plugin_ignore"/>
                  <servlet-mapping url-regexp="^/report/[0-9]+" servlet-name="reports"/>
                </web-app>""");
        harness.live().loaded(new ResinConfigReader().read("harness.xml", mappings.getBytes(StandardCharsets.UTF_8)),
                Instant.now());
        String page = get("caucho-status").body();
        assertTrue(page.contains("<tr bgcolor='#ffcc66'><td>/</td><td>*.php</td></tr>"), page);
        assertTrue(page.contains("<tr bgcolor='#ffcc66'><td>/</td><td>/static/* (ignore)</td></tr>"), page);
        assertTrue(page.contains("<tr><td>/</td><td><em>^/report/[0-9]+ (url-regexp, not sent to the plugin)</em>"
                + "</td></tr>"), page);
        assertTrue(page.indexOf("<td>*.php</td>") < page.indexOf("<td>/caucho-status</td>"),
                "the configuration's patterns come before the deployed ones: " + page);

        JsonObject status;
        try (JsonReader reader = Json.createReader(new StringReader(
                get("caucho-status", "Accept", "application/json").body()))) {
            status = reader.readObject();
        }
        JsonObject root = status.getJsonArray("hosts").getJsonObject(0).getJsonArray("webApps").getJsonObject(0);
        assertEquals("/", root.getString("contextPath"));
        assertEquals(List.of("*.php true", "/caucho-status true", "/turnpike/api/* true", "/static/* (ignore) true",
                "^/report/[0-9]+ (url-regexp, not sent to the plugin) false"),
                root.getJsonArray("urlPatterns").getValuesAs(JsonObject.class).stream()
                        .map(row -> row.getString("text") + " " + row.getBoolean("sent")).toList());
    }
}

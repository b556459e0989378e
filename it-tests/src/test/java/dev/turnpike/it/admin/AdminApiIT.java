package dev.turnpike.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.it.AdminLogin;
import dev.turnpike.it.ItConfig;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API in the real server: who may call it (401 without a login, 403 without the role,
 * 403 for a state change without its CSRF token or from another site's page), and what its calls
 * do to real requests.
 */
@ExtendWith(ArquillianExtension.class)
class AdminApiIT {

    private static final String CONFIG = """
            <resin xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
              <cluster id="admin-it">
                <server id="one" address="127.0.0.1" port="1"/>
                <server id="two" address="127.0.0.1" port="2"/>
              </cluster>
              <web-app id="/">
                <resin:Redirect regexp="^/admin-it/old/(.*)$" target="/admin-it/new/$1"/>
                <resin:LoadBalance regexp="^/admin-it/lb/" cluster="admin-it"/>
                <rewrite-dispatch>
                  <forbidden regexp="^/admin-it/closed" name="closed"/>
                </rewrite-dispatch>
              </web-app>
            </resin>
            """;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItConfig.ear();
    }

    @BeforeEach
    void rulesOfThisSuite() throws Exception {
        ItConfig.write(CONFIG);
        HttpResponse<String> reloaded = send("POST", "/turnpike/api/reload", AdminLogin.ADMIN, token(), null);
        assertEquals(200, reloaded.statusCode(), reloaded.body());
    }

    @AfterAll
    static void restore() {
        ItConfig.restore();
    }

    private HttpResponse<String> send(String method, String path, String login, String csrf, String json,
                                      String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (login != null) {
            request.header("Authorization", login);
        }
        if (csrf != null) {
            request.header("X-Turnpike-Csrf", csrf);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws Exception {
        HttpResponse<String> response = send("GET", "/turnpike/api/csrf", AdminLogin.ADMIN, null, null);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject token = (JsonObject) json(response);
        assertEquals("X-Turnpike-Csrf", token.getString("header"));
        return token.getString("token");
    }

    private static JsonStructure json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }

    @Test
    void withoutALoginTheServerAsksForOneAndWithoutTheRoleItRefuses() throws Exception {
        for (String path : List.of("/turnpike/api/rules", "/turnpike/api/status", "/turnpike/")) {
            HttpResponse<String> anonymous = send("GET", path, null, null, null);
            assertEquals(401, anonymous.statusCode(), path);
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="),
                    path + " " + anonymous.headers().map());
            assertEquals(403, send("GET", path, AdminLogin.VIEWER, null, null).statusCode(), path);
            assertEquals(401, send("GET", path, AdminLogin.basic("admin", "wrong"), null, null).statusCode(), path);
        }
        assertEquals(401, send("POST", "/turnpike/api/reload", null, null, null).statusCode());
        assertEquals(403, send("POST", "/turnpike/api/reload", AdminLogin.VIEWER, null, null).statusCode());
    }

    @Test
    void stoppingANamedRuleChangesRealRequestsAndNeedsTheCsrfToken() throws Exception {
        assertEquals(403, send("GET", "/admin-it/closed", null, null, null).statusCode());

        HttpResponse<String> noToken = send("POST", "/turnpike/api/rules/closed/stop", AdminLogin.ADMIN, null, null);
        assertEquals(403, noToken.statusCode(), noToken.body());
        assertTrue(((JsonObject) json(noToken)).getString("message").startsWith("a state-changing call needs the header"
                + " X-Turnpike-Csrf"), "the API's refusals say why, as JSON: " + noToken.body());
        HttpResponse<String> wrongToken = send("POST", "/turnpike/api/rules/closed/stop", AdminLogin.ADMIN, "forged",
                null);
        assertEquals(403, wrongToken.statusCode(), wrongToken.body());
        HttpResponse<String> otherSite = send("POST", "/turnpike/api/rules/closed/stop", AdminLogin.ADMIN, token(),
                null, "Origin", "http://evil.example");
        assertEquals(403, otherSite.statusCode(), otherSite.body());
        assertEquals(403, send("GET", "/admin-it/closed", null, null, null).statusCode(), "nothing was switched");

        HttpResponse<String> stopped = send("POST", "/turnpike/api/rules/closed/stop", AdminLogin.ADMIN, token(), null);
        assertEquals(200, stopped.statusCode(), stopped.body());
        assertEquals("stopped", ((JsonObject) json(stopped)).getString("state"));
        assertEquals(404, send("GET", "/admin-it/closed", null, null, null).statusCode(), "the rule is off");

        JsonArray rules = (JsonArray) json(send("GET", "/turnpike/api/rules", AdminLogin.ADMIN, null, null));
        JsonObject closed = rules.getValuesAs(JsonObject.class).stream()
                .filter(rule -> "closed".equals(rule.getString("name", null))).findFirst().orElseThrow();
        assertEquals(false, closed.getBoolean("enabled"));
        assertEquals(2, closed.getJsonNumber("hits").longValue(), "two requests were forbidden before the stop");

        HttpResponse<String> started = send("POST", "/turnpike/api/rules/closed/start", AdminLogin.ADMIN, token(),
                null);
        assertEquals("active", ((JsonObject) json(started)).getString("state"));
        assertEquals(403, send("GET", "/admin-it/closed", null, null, null).statusCode(), "the rule is on again");

        HttpResponse<String> unknown = send("POST", "/turnpike/api/rules/nope/stop", AdminLogin.ADMIN, token(), null);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("no named rule or import nope"), unknown.body());
    }

    @Test
    void explainNamesTheRuleThatDecidesAndItsGroups() throws Exception {
        HttpResponse<String> response = send("POST", "/turnpike/api/explain", AdminLogin.ADMIN, null,
                "{\"url\":\"/admin-it/old/a/b\",\"method\":\"GET\"}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject explanation = (JsonObject) json(response);
        assertEquals("redirect", explanation.getJsonObject("decision").getString("kind"));
        assertTrue(explanation.getJsonObject("decision").getString("target").endsWith("/admin-it/new/a/b"),
                explanation.toString());
        JsonObject first = explanation.getJsonArray("levels").getJsonObject(0).getJsonArray("rules").getJsonObject(0);
        assertEquals("decided", first.getString("result"));
        assertEquals(List.of("/admin-it/old/a/b", "a/b"), first.getJsonArray("groups").getValuesAs(
                value -> value.toString().replace("\"", "")));
    }

    @Test
    void invalidInputIsRefusedWithEachProblem() throws Exception {
        HttpResponse<String> noUrl = send("POST", "/turnpike/api/explain", AdminLogin.ADMIN, null,
                "{\"method\":\"GET GET\"}");
        assertEquals(400, noUrl.statusCode(), noUrl.body());
        JsonObject error = (JsonObject) json(noUrl);
        List<String> details = error.getJsonArray("details").getValuesAs(value -> value.toString().replace("\"", ""));
        assertTrue(details.contains("url: must not be blank"), details.toString());
        assertTrue(details.contains("method: must be an HTTP method such as GET"), details.toString());

        HttpResponse<String> notJson = send("POST", "/turnpike/api/explain", AdminLogin.ADMIN, null, "{url:");
        assertEquals(400, notJson.statusCode(), notJson.body());
        HttpResponse<String> badAction = send("POST", "/turnpike/api/rules/closed/explode", AdminLogin.ADMIN, token(),
                null);
        assertEquals(400, badAction.statusCode(), badAction.body());
    }

    @Test
    void aBrokenReloadIsReportedAndTheRulesServingStay() throws Exception {
        ItConfig.write(CONFIG.replace("<rewrite-dispatch>", "<resin:Forbidden regexp=\"(\"/><rewrite-dispatch>"));
        HttpResponse<String> reloaded = send("POST", "/turnpike/api/reload", AdminLogin.ADMIN, token(), null);
        assertEquals(422, reloaded.statusCode(), reloaded.body());
        JsonObject report = (JsonObject) json(reloaded);
        assertEquals(true, report.getBoolean("serving"));
        assertTrue(report.getJsonArray("problems").getString(0).contains("turnpike-it.xml:9:"), report.toString());
        assertEquals(report.getJsonArray("problems"), ((JsonObject) json(send("GET", "/turnpike/api/errors",
                AdminLogin.ADMIN, null, null))).getJsonArray("problems"));
        assertEquals(302, send("GET", "/admin-it/old/x", null, null, null).statusCode(), "the old rules serve");
    }

    @Test
    void backendsAreListedAndTheOperatorChangesThem() throws Exception {
        assertEquals(503, send("GET", "/admin-it/lb/x", null, null, null).statusCode(), "both servers are down");
        JsonArray backends = (JsonArray) json(send("GET", "/turnpike/api/backends", AdminLogin.ADMIN, null, null));
        List<String> servers = backends.getValuesAs(JsonObject.class).stream()
                .filter(b -> b.getString("cluster").equals("admin-it"))
                .map(b -> b.getString("server") + " " + b.getString("address") + ":" + b.getInt("port")).toList();
        assertEquals(List.of("one 127.0.0.1:1", "two 127.0.0.1:2"), servers, backends.toString());

        assertEquals(403, send("POST", "/turnpike/api/backends/admin-it/one/drain", AdminLogin.ADMIN, null, null)
                .statusCode(), "a state change needs the token");
        HttpResponse<String> drained = send("POST", "/turnpike/api/backends/admin-it/one/drain", AdminLogin.ADMIN,
                token(), null);
        assertEquals(200, drained.statusCode(), drained.body());
        assertEquals("SESSION_ONLY", ((JsonObject) json(drained)).getString("state"));

        HttpResponse<String> tooHeavy = send("POST", "/turnpike/api/backends/admin-it/two/weight", AdminLogin.ADMIN,
                token(), "{\"weight\": 5000}");
        assertEquals(400, tooHeavy.statusCode(), tooHeavy.body());
        assertTrue(tooHeavy.body().contains("weight: must be less than or equal to 1000"), tooHeavy.body());
        HttpResponse<String> weighted = send("POST", "/turnpike/api/backends/admin-it/two/weight", AdminLogin.ADMIN,
                token(), "{\"weight\": 7}");
        assertEquals(7, ((JsonObject) json(weighted)).getInt("weight"), weighted.body());

        assertEquals(404, send("POST", "/turnpike/api/backends/admin-it/three/enable", AdminLogin.ADMIN, token(), null)
                .statusCode());
        assertEquals(404, send("GET", "/turnpike/api/backends/nope/one", AdminLogin.ADMIN, null, null).statusCode());

        String metrics = send("GET", "/turnpike/api/metrics", AdminLogin.ADMIN, null, null).body();
        assertTrue(metrics.contains("turnpike_backend_requests_total{cluster=\"admin-it\",server=\"one\"}"), metrics);
        assertTrue(metrics.contains("turnpike_rule_hits_total{rule=\"resin:LoadBalance\""), metrics);
    }
}

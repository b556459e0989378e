package dev.turnpike.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.config.ResinConfigReader;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API's reading calls over real HTTP, without a server: listing rules and explaining requests. */
class AdminApiHarnessTest {

    private static final String RULES = """
            <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
              <resin:Forbidden regexp="^/private/"/>
              <resin:Redirect regexp="^/old/(\\w+)/(.*)$" target="/new/$2?from=$1"/>
              <resin:Forbidden regexp="^/">
                <resin:IfHeader name="X-Block" regexp="^yes$"/>
              </resin:Forbidden>
              <resin:SetHeader regexp="^/tagged" name="X-Tag" value="t"/>
              <resin:Dispatch regexp="^/tagged" target="/index.html"/>
              <rewrite-dispatch>
                <forbidden regexp="^/closed" name="closed"/>
              </rewrite-dispatch>
            </web-app>
            """;

    private static FastHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = FastHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void load() throws Exception {
        harness.live().loaded(new ResinConfigReader().read("admin.xml", RULES.getBytes(StandardCharsets.UTF_8)),
                Instant.now());
    }

    private static JsonStructure json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }

    @Test
    void theRulesAreListedWithTheirPlaceStateAndHits() throws Exception {
        assertEquals(403, harness.get("private/x").statusCode());
        assertEquals(403, harness.get("private/y").statusCode());
        HttpResponse<String> response = harness.get("turnpike/api/rules");
        assertEquals(200, response.statusCode(), response.body());
        JsonArray rules = (JsonArray) json(response);
        assertEquals(6, rules.size(), "resin:SetHeader is a filter, not a rule: " + response.body());
        JsonObject first = rules.getJsonObject(0);
        assertEquals("1", first.getString("order"));
        assertEquals("web-app", first.getString("level"));
        assertEquals("resin:Forbidden", first.getString("kind"));
        assertEquals("admin.xml:2:3", first.getString("origin"));
        assertEquals(2, first.getJsonNumber("hits").longValue(), "two requests were forbidden");
        assertTrue(first.getBoolean("enabled"));
        assertEquals(false, first.getBoolean("switchable"));
        JsonObject named = rules.getJsonObject(5);
        assertEquals("5.1", named.getString("order"));
        assertEquals("closed", named.getString("name"));
        assertEquals(true, named.getBoolean("switchable"));
        assertEquals(0, named.getJsonNumber("hits").longValue());
    }

    @Test
    void explainShowsEveryRuleTheRequestMetAndTheDecision() throws Exception {
        HttpResponse<String> response = harness.postJson("turnpike/api/explain",
                "{\"url\":\"http://shop.example:8080/old/bob/a%20b;jsessionid=1?x=1\",\"headers\":{\"X-Block\":\"no\"}}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject explanation = (JsonObject) json(response);
        assertEquals("/old/bob/a b", explanation.getJsonObject("request").getString("path"));
        assertEquals("shop.example", explanation.getJsonObject("request").getString("host"));
        JsonObject decision = explanation.getJsonObject("decision");
        assertEquals("redirect", decision.getString("kind"));
        assertEquals(302, decision.getInt("status"));
        assertTrue(decision.getString("target").endsWith("/new/a%20b?from=bob"), decision.toString());
        assertEquals("admin.xml:3:3", decision.getString("origin"));
        JsonArray steps = explanation.getJsonArray("levels").getJsonObject(0).getJsonArray("rules");
        assertEquals("web-app", explanation.getJsonArray("levels").getJsonObject(0).getString("level"));
        assertEquals(List.of("no match", "decided", "not reached", "not reached", "not reached"),
                steps.getValuesAs(JsonObject.class).stream().map(s -> s.getString("result")).toList(), steps.toString());
        assertEquals(List.of("/old/bob/a b", "bob", "a b"), steps.getJsonObject(1).getJsonArray("groups")
                .getValuesAs(v -> v.toString().replace("\"", "")));
        assertEquals(0, ((JsonArray) json(harness.get("turnpike/api/rules"))).getJsonObject(1)
                .getJsonNumber("hits").longValue(), "explaining counts no hit");
        assertEquals(302, harness.get("old/bob/x").statusCode());
        assertEquals(1, ((JsonArray) json(harness.get("turnpike/api/rules"))).getJsonObject(1)
                .getJsonNumber("hits").longValue(), "a served request counts");
    }

    @Test
    void explainShowsEachConditionAndTheEffects() throws Exception {
        JsonObject blocked = (JsonObject) json(harness.postJson("turnpike/api/explain",
                "{\"url\":\"/anything\",\"headers\":{\"X-Block\":\"yes\"}}"));
        assertEquals("send-error", blocked.getJsonObject("decision").getString("kind"));
        JsonObject third = blocked.getJsonArray("levels").getJsonObject(0).getJsonArray("rules").getJsonObject(2);
        assertEquals("decided", third.getString("result"));
        assertEquals("passed", third.getJsonArray("conditions").getJsonObject(0).getString("result"));

        JsonObject passed = (JsonObject) json(harness.postJson("turnpike/api/explain",
                "{\"url\":\"/anything\",\"headers\":{\"X-Block\":\"no\"}}"));
        assertEquals("pass", passed.getJsonObject("decision").getString("kind"));
        assertTrue(!passed.getJsonObject("decision").containsKey("rule")
                || passed.getJsonObject("decision").isNull("rule"), passed.toString());
        JsonArray steps = passed.getJsonArray("levels").getJsonObject(0).getJsonArray("rules");
        assertEquals("condition failed", steps.getJsonObject(2).getString("result"));
        assertEquals(List.of("admin.xml:2:3 no match", "admin.xml:3:3 no match", "admin.xml:4:3 condition failed",
                "admin.xml:8:3 no match", "admin.xml:9:3 continued", "admin.xml:10:5 no match"),
                steps.getValuesAs(JsonObject.class).stream().map(s -> s.getString("origin") + " " + s.getString("result"))
                        .toList(), "a block's rules follow it");

        JsonObject tagged = (JsonObject) json(harness.postJson("turnpike/api/explain", "{\"url\":\"/tagged\"}"));
        assertEquals("dispatch", tagged.getJsonObject("decision").getString("kind"));
        assertEquals("/index.html", tagged.getJsonObject("decision").getString("target"));
        assertEquals(List.of("set response header X-Tag: t", "Cache-Control: private unless the response varies"),
                tagged.getJsonArray("effects")
                .getValuesAs(v -> v.toString().replace("\"", "")));
    }

    @Test
    void explainRejectsAPathAboveTheRootAndOtherSchemes() throws Exception {
        HttpResponse<String> above = harness.postJson("turnpike/api/explain", "{\"url\":\"/a/../../etc/passwd\"}");
        assertEquals(400, above.statusCode(), above.body());
        assertTrue(above.body().contains("climbs above the root"), above.body());
        HttpResponse<String> ftp = harness.postJson("turnpike/api/explain", "{\"url\":\"ftp://x/y\"}");
        assertEquals(400, ftp.statusCode(), ftp.body());
    }

    @Test
    void stateChangingCallsNeedALoginEvenFromThisMachine() throws Exception {
        HttpResponse<String> reload = harness.postJson("turnpike/api/reload", "");
        assertEquals(401, reload.statusCode(), reload.body());
        HttpResponse<String> stop = harness.postJson("turnpike/api/rules/old/stop", "");
        assertEquals(401, stop.statusCode(), stop.body());
    }

    @Test
    void aPostedConfigurationIsCheckedWithoutLoadingIt() throws Exception {
        HttpResponse<String> warned = harness.post("turnpike/api/config/check", "application/xml", """
                <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                  <resin:Forbidden regexp="^/a/"/>
                  <resin:Forbidden regexp="^/a/b"/>
                  <resin:Redirect regexp="^/x/((a+)+)$" target="/y/$1"/>
                </web-app>
                """);
        assertEquals(200, warned.statusCode(), warned.body());
        JsonObject report = (JsonObject) json(warned);
        assertEquals(true, report.getBoolean("loads"));
        List<String> warnings = report.getJsonArray("warnings").getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("code").startsWith("TPL"))
                .map(w -> w.getString("code") + " " + w.getString("origin")).toList();
        assertEquals(List.of("TPL0131 posted:3:3", "TPL0101 posted:4:3"), warnings, report.toString());

        HttpResponse<String> broken = harness.post("turnpike/api/config/check", "application/xml", """
                <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                  <resin:Forbidden regexp="(" />
                  <rewrite-dispatch><import path="/etc/passwd"/></rewrite-dispatch>
                </web-app>
                """);
        JsonObject problems = (JsonObject) json(broken);
        assertEquals(false, problems.getBoolean("loads"), problems.toString());
        List<String> places = problems.getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getInt("line") + ":" + p.getInt("column") + " " + p.getString("code")).toList();
        assertEquals(2, places.size(), places.toString());
        assertTrue(places.get(0).startsWith("2:"), places.toString());
        assertTrue(places.get(1).startsWith("3:") && places.get(1).endsWith("TPC0114"), "the import is refused: " + places);
        assertTrue(!broken.body().contains("root:"), "nothing of the file is shown");
        assertEquals("admin.xml", ((JsonObject) json(harness.get("turnpike/api/errors"))).getString("source"),
                "checking loads nothing");
    }

    @Test
    void metricsAreThePrometheusTextWithEachRulesHits() throws Exception {
        harness.get("private/z");
        HttpResponse<String> metrics = harness.get("turnpike/api/metrics");
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").replace(" ", "").contains("version=0.0.4"),
                metrics.headers().map().toString());
        assertTrue(metrics.body().contains("# TYPE turnpike_rule_hits_total counter"), metrics.body());
        assertTrue(metrics.body().contains("turnpike_rule_hits_total{rule=\"resin:Forbidden\",origin=\"admin.xml:2:3\"} 1"),
                metrics.body());
        assertTrue(metrics.body().contains("turnpike_rule_hits_total{rule=\"closed\",origin=\"admin.xml:10:5\"} 0"),
                metrics.body());
    }
}

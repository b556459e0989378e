package dev.turnpike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.it.beans.ClientSays;
import dev.turnpike.it.beans.Maintenance;
import dev.turnpike.it.beans.Stamp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real EAR, as built by the ear module, deployed into a managed WildFly 39 (full profile) that
 * reads its rules from {@code target/it-work/turnpike-it.xml}; everything is checked over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TurnpikeEarIT {

    /** How long a configuration change may take to be seen: the check runs every 2 s by default. */
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(30);

    private static final Path CONFIG = ItConfig.CONFIG;
    private static final Path TEMPLATE = ItConfig.TEMPLATE;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    /** The real EAR, plus a library with application predicates, rules and filters as users deploy them. */
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("turnpike.it.ear")));
        ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "application-rules.jar")
                .addClasses(ClientSays.class, Maintenance.class, Stamp.class));
        return ear;
    }

    @AfterEach
    void restoreTheStartingConfiguration() throws Exception {
        if (!Files.readString(CONFIG).equals(Files.readString(TEMPLATE))) {
            ItConfig.write(Files.readString(TEMPLATE));
            awaitStatus(status -> status.getJsonObject("configuration").getJsonArray("problems").isEmpty()
                    && status.getJsonArray("rules").size() == 4);
        }
    }

    @Test
    void forbiddenPathAnswers403() throws Exception {
        assertEquals(403, get("/private/report.txt").statusCode());
    }

    @Test
    void redirectAnswers302WithTheRightAbsoluteLocation() throws Exception {
        HttpResponse<String> response = get("/old/a/b?x=1&y=2");
        assertEquals(302, response.statusCode());
        assertEquals(uri("/new/a/b?x=1&y=2").toString(), response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void movedPermanentlyAnswers301() throws Exception {
        HttpResponse<String> response = get("/moved");
        assertEquals(301, response.statusCode());
        assertEquals("/here", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void headerConditionIsEvaluatedPerRequest() throws Exception {
        assertEquals(403, get("/", "X-Block", "yes").statusCode());
        assertEquals(200, get("/", "X-Block", "no").statusCode());
    }

    @Test
    void unmatchedPathPassesUntouched() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Turnpike is running"), page.body());
        assertEquals(404, get("/no/such/page").statusCode());
        HttpResponse<String> adminUi = get("/turnpike/", "Authorization", AdminLogin.ADMIN);
        assertEquals(200, adminUi.statusCode());
        assertTrue(adminUi.body().contains("<title>Turnpike</title>"), adminUi.body());
    }

    @Test
    void theCdiExtensionWasObservedAndServesTheConfiguredFile() throws Exception {
        JsonObject status = status();
        assertEquals(true, status.getJsonObject("extension").getBoolean("active"));
        assertEquals(List.of("BeforeBeanDiscovery", "AfterBeanDiscovery", "AfterDeploymentValidation"),
                status.getJsonObject("extension").getJsonArray("phases").getValuesAs(JsonString::getString));
        assertEquals(CONFIG.toString(), status.getJsonObject("configuration").getString("source"));
        assertEquals(4, status.getJsonArray("rules").size());
        assertEquals(CONFIG + ":5:3", status.getJsonArray("rules").getJsonObject(0).getString("origin"));
    }

    @Test
    void cauchoStatusShowsTheRules() throws Exception {
        HttpResponse<String> page = get("/caucho-status");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("&lt;resin:Forbidden regexp=&quot;^/private/&quot;/&gt;"), page.body());
    }

    @Test
    void aRewrittenConfigurationIsPickedUpWhileTheServerRuns() throws Exception {
        assertEquals(404, get("/fresh/page").statusCode(), "precondition: /fresh/ is not forbidden yet");
        ItConfig.write(Files.readString(TEMPLATE).replace("<resin:Forbidden regexp=\"^/private/\"/>",
                "<resin:Forbidden regexp=\"^/private/\"/>\n  <resin:Forbidden regexp=\"^/fresh/\"/>"));

        awaitStatusCode("/fresh/page", 403);
        assertEquals(403, get("/private/report.txt").statusCode());
        assertEquals(5, status().getJsonArray("rules").size());
    }

    @Test
    void aBrokenRewriteKeepsTheOldRulesWithoutAFailedRequest() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Thread load = new Thread(() -> {
            while (running.get()) {
                check("/private/report.txt", 403, failures);
                check("/", 200, failures);
                requests.addAndGet(2);
            }
        }, "it-load");
        load.start();
        try {
            ItConfig.write(Files.readString(TEMPLATE).replace("<resin:MovedPermanently regexp=\"^/moved$\"",
                    "<resin:MovedPermanentli regexp=\"^/moved$\""));
            JsonObject status = awaitStatus(s -> !s.getJsonObject("configuration").getJsonArray("problems").isEmpty());
            List<String> problems = status.getJsonObject("configuration").getJsonArray("problems")
                    .getValuesAs(JsonString::getString);
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith(CONFIG + ":7:3: TPC0102 unknown element <resin:MovedPermanentli> in"
                    + " <web-app>; did you mean <resin:MovedPermanently>?; known here: "), problems.get(0));
            assertEquals(4, status.getJsonArray("rules").size());
            assertEquals(301, get("/moved").statusCode(), "the old rules keep serving");
        } finally {
            running.set(false);
            load.join();
        }
        assertTrue(requests.get() > 0, "the load thread made no request");
        assertEquals(List.of(), List.copyOf(failures), "requests failed while a broken file was loaded");
    }

    @Test
    void applicationClassesFromTheEarLibraryServeAsConditionsRulesAndFilters() throws Exception {
        ItConfig.write(Files.readString(TEMPLATE).replace("<resin:Forbidden regexp=\"^/private/\"/>", """
                <resin:Forbidden regexp="^/private/"/>
                  <app:Stamp value="outer" xmlns:app="urn:java:dev.turnpike.it.beans"/>
                  <app:Maintenance regexp="^/shop/(.*)" target="/catalogue/$1" retry-after="2m"
                                   xmlns:app="urn:java:dev.turnpike.it.beans">
                    <app:ClientSays value="customer"/>
                  </app:Maintenance>"""));
        HttpResponse<String> down = awaitStatusCode("/shop/books", 503, "X-Client", "customer");
        assertEquals("120", down.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(down.body().contains("/catalogue/books is down for maintenance"), down.body());
        assertEquals(List.of("outer"), down.headers().allValues("X-Stamp"));
        HttpResponse<String> visitor = get("/shop/books", "X-Client", "visitor");
        assertEquals(404, visitor.statusCode(), "the rule's condition decides");
        assertEquals(List.of("outer"), visitor.headers().allValues("X-Stamp"));
    }

    private void check(String path, int expected, ConcurrentLinkedQueue<String> failures) {
        try {
            int status = get(path).statusCode();
            if (status != expected) {
                failures.add(path + " answered " + status + " instead of " + expected);
            }
        } catch (IOException | InterruptedException e) {
            failures.add(path + " failed: " + e);
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject status() throws Exception {
        HttpResponse<String> response = get("/turnpike/api/status", "Authorization", AdminLogin.ADMIN);
        assertEquals(200, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private JsonObject awaitStatus(Predicate<JsonObject> condition) throws Exception {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        JsonObject status = status();
        while (!condition.test(status)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the status did not reach the expected state within " + RELOAD_WAIT + ": "
                        + status);
            }
            Thread.sleep(100);
            status = status();
        }
        return status;
    }

    private HttpResponse<String> awaitStatusCode(String path, int expected, String... headers) throws Exception {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        HttpResponse<String> response = get(path, headers);
        while (response.statusCode() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " answered " + response.statusCode() + ", not " + expected + ", within "
                        + RELOAD_WAIT);
            }
            Thread.sleep(100);
            response = get(path, headers);
        }
        return response;
    }
}

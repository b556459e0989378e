package dev.turnpike.it.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.it.AdminLogin;
import dev.turnpike.it.ItConfig;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample library in the EAR's {@code lib/}, as users deploy their beans: the configuration
 * names its {@code OfficeHours} predicate and {@code Closed} rule, made by CDI with the clock the
 * tests set (an alternative in a second library, set through a servlet); a rule declared in Java
 * serves too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CdiBeansIT {

    /** The configuration using the samples; {@code <office:OfficeHours>} is on line 4. */
    static final String OFFICE_RULES = """
            <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin"
                     xmlns:office="urn:java:dev.turnpike.samples">
              <office:Closed regexp="^/shop/" retry-after="%s">
                <resin:Not><office:OfficeHours open="%s" close="17:00" zone="UTC"/></resin:Not>
              </office:Closed>
            </web-app>
            """;

    private static final Duration RELOAD_WAIT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return withSamples();
    }

    /** The Turnpike EAR with the samples and the tests' clock and Java rule in {@code lib/}, and the clock servlet. */
    static EnterpriseArchive withSamples() {
        return ItConfig.withLibraries(ItConfig.ear(web -> web.addClass(ClockServlet.class)),
                ItConfig.sampleLibrary(),
                ItConfig.library("it-beans.jar", SettableClock.class, DeclaredInJava.class));
    }

    @AfterAll
    static void restore() {
        ItConfig.restore();
    }

    @Test
    void theInjectedClockDecidesWhetherTheShopIsClosed() throws Exception {
        setClock("2030-01-07T20:00:00Z");
        ItConfig.write(OFFICE_RULES.formatted("600", "09:00"));
        HttpResponse<String> closed = awaitStatus("/shop/cart", 503);
        assertEquals(Optional.of("600"), closed.headers().firstValue("Retry-After"));
        assertEquals("/shop/cart is closed now; try again in 600 s\n", closed.body());

        setClock("2030-01-07T10:00:00Z");
        assertEquals(404, get("/shop/cart").statusCode(), "open: the request reaches the application");
        setClock("2030-01-07T17:00:00Z");
        assertEquals(503, get("/shop/cart").statusCode(), "closing time is out of hours");
    }

    @Test
    void aRuleDeclaredInJavaServesBeforeTheConfigurationsRules() throws Exception {
        HttpResponse<String> response = get("/declared/x?y=1");
        assertEquals(200, response.statusCode());
        assertEquals("declared in Java: /declared/x -> /in-java/x", response.body());
    }

    @Test
    void aReloadWithAnInvalidPropertyKeepsTheRulesServingAndReportsIt() throws Exception {
        setClock("2030-01-07T20:00:00Z");
        ItConfig.write(OFFICE_RULES.formatted("60", "09:00"));
        awaitHeader("/shop/cart", "60");

        ItConfig.write(OFFICE_RULES.formatted("60", "9am"));
        String expected = ItConfig.CONFIG + ":4:36: TPC0120 property 'open' of <office:OfficeHours>"
                + " (dev.turnpike.samples.OfficeHours) must be a time of day as HH:mm, such as 09:00; rejected value:"
                + " \"9am\"";
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        List<String> problems;
        while (!(problems = problems()).contains(expected)) {
            assertTrue(System.nanoTime() < deadline, "the problem was not reported within " + RELOAD_WAIT + ": " + problems);
            Thread.sleep(200);
        }
        assertEquals(503, get("/shop/cart").statusCode(), "the rules loaded before keep serving");
    }

    /** The problems of the last load, as {@code /turnpike/api/status} lists them. */
    private List<String> problems() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base.toString())
                .resolve("/turnpike/api/status")).header("Authorization", AdminLogin.ADMIN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject().getJsonObject("configuration").getJsonArray("problems")
                    .getValuesAs(JsonString::getString);
        }
    }

    private void setClock(String instant) throws Exception {
        assertEquals(200, get("/it-clock?at=" + instant).statusCode());
    }

    private HttpResponse<String> awaitStatus(String path, int status) throws Exception {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        HttpResponse<String> response;
        while ((response = get(path)).statusCode() != status) {
            assertTrue(System.nanoTime() < deadline, path + " did not answer " + status + " within " + RELOAD_WAIT
                    + "; last: " + response.statusCode() + " " + response.body());
            Thread.sleep(200);
        }
        return response;
    }

    private void awaitHeader(String path, String retryAfter) throws Exception {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        while (!get(path).headers().firstValue("Retry-After").orElse("").equals(retryAfter)) {
            assertTrue(System.nanoTime() < deadline, path + " did not answer Retry-After " + retryAfter);
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package dev.turnpike.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.it.AdminClient;
import dev.turnpike.it.ItConfig;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reload storm under load: the rule file is rewritten again and again, alternately valid and
 * broken, each version loaded at once (the admin API's reload) while clients keep asking. No
 * request fails or meets a broken version's rules, every broken version is reported with its
 * problem, and the last valid version serves. {@code -Dturnpike.faults=full} runs more versions.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReloadStormIT {

    private static final int VERSIONS = "full".equals(System.getProperty("turnpike.faults")) ? 400 : 40;
    private static final int CLIENTS = 4;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItConfig.ear();
    }

    @AfterAll
    static void restore() {
        ItConfig.restore();
    }

    /** Version {@code n}: forbids /storm/forbidden and says its number; odd versions are broken. */
    private static String version(int n) {
        String broken = n % 2 == 1 ? "  <resin:Forbidden regexp=\"(v" + n + "\"/>\n" : "";
        return """
                <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                  <resin:SetHeader regexp="^/storm/" name="X-Version" value="%d"/>
                  <resin:Forbidden regexp="^/storm/forbidden"/>
                %s</web-app>
                """.formatted(n, broken);
    }

    @Test
    void brokenVersionsAreReportedAndNeverServedWhileRequestsGoOn() throws Exception {
        URI root = URI.create(base.toString());
        AdminClient admin = new AdminClient(root);
        ItConfig.write(version(0));
        assertEquals(200, admin.post("/turnpike/api/reload", null).statusCode());

        AtomicBoolean stop = new AtomicBoolean();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Set<String> versionsSeen = Collections.synchronizedSet(new TreeSet<>());
        long[] served = new long[CLIENTS];
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> ask(root, stop, failures, versionsSeen, served, client), "storm-" + c);
            thread.start();
            clients.add(thread);
        }

        List<String> unreported = new ArrayList<>();
        int lastValid = 0;
        for (int n = 1; n <= VERSIONS; n++) {
            ItConfig.write(version(n));
            HttpResponse<String> reload = admin.post("/turnpike/api/reload", null);
            JsonObject report = AdminClient.json(reload).asJsonObject();
            if (n % 2 == 1) {
                boolean reported = reload.statusCode() == 422 && report.getJsonArray("problems").toString()
                        .contains("(v" + n);
                if (!reported) {
                    unreported.add("version " + n + ": " + reload.statusCode() + " " + reload.body());
                }
            } else {
                assertEquals(200, reload.statusCode(), "version " + n + " is valid: " + reload.body());
                lastValid = n;
            }
        }
        Thread.sleep(300);
        stop.set(true);
        for (Thread client : clients) {
            client.join(30_000);
        }
        long total = java.util.Arrays.stream(served).sum();
        System.out.printf("reload storm: %d versions (%d broken) while %d clients sent %d requests; %d failed;"
                + " versions seen %s%n", VERSIONS, (VERSIONS + 1) / 2, CLIENTS, total, failures.size(), versionsSeen);

        assertTrue(total > 100, "the clients kept asking: " + total);
        assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), "no request failed");
        assertEquals(List.of(), unreported, "every broken version is reported with its problem");
        for (String seen : versionsSeen) {
            assertEquals(0, Integer.parseInt(seen) % 2, "only valid versions ever served: " + versionsSeen);
        }
        HttpResponse<String> last = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                root.resolve("/storm/forbidden")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(String.valueOf(lastValid), last.headers().firstValue("X-Version").orElse(null),
                "the last valid version serves");
    }

    private static void ask(URI root, AtomicBoolean stop, List<String> failures, Set<String> versionsSeen,
                            long[] served, int client) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (long n = 0; !stop.get(); n++) {
            boolean forbidden = n % 2 == 0;
            String path = forbidden ? "/storm/forbidden" : "/storm/open";
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(root.resolve(path))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                int expected = forbidden ? 403 : 404;
                if (response.statusCode() != expected) {
                    failures.add(path + " -> " + response.statusCode());
                }
                response.headers().firstValue("X-Version").ifPresentOrElse(versionsSeen::add,
                        () -> failures.add(path + " without X-Version"));
            } catch (IOException e) {
                failures.add(path + " -> " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            served[client]++;
        }
    }
}

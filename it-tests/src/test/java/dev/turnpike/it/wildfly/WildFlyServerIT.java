package dev.turnpike.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.it.FreePortOffset;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A further WildFly started by {@link WildFlyServer}: it deploys the EAR with a configuration file
 * of its own, answers on its own ports, and leaves neither a process nor a bound port behind.
 */
class WildFlyServerIT {

    private static final String CONFIG = """
            <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
              <resin:Forbidden regexp="^/only-on-b/"/>
            </web-app>
            """;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path work;

    @Test
    void aFurtherServerServesTheEarWithItsOwnConfigurationAndLeavesNothingBehind() throws Exception {
        Path config = Files.writeString(work.resolve("turnpike-b.xml"), CONFIG);
        long begin = System.nanoTime();
        WildFlyServer server = WildFlyServer.start("it-b",
                Map.of("turnpike.config", config.toString(), "turnpike.server", "b"));
        long pid = server.pid();
        List<Integer> ports = FreePortOffset.ports(server.portOffset());
        try {
            System.out.printf("%s: up with the EAR deployed %d ms after start()%n", server,
                    Duration.ofNanos(System.nanoTime() - begin).toMillis());
            assertNotEquals(Integer.getInteger("turnpike.it.port-offset"), server.portOffset(),
                    "the Arquillian server's offset");
            assertTrue(Files.exists(server.baseDirectory().resolve("deployments/turnpike.ear.deployed")));
            assertTrue(ProcessHandle.of(pid).orElseThrow().info().arguments().map(List::of).orElseThrow()
                    .contains("-Dturnpike.server=b"), "the caller's properties reach the server");

            HttpResponse<String> page = get(server, "/caucho-status");
            assertEquals(200, page.statusCode(), page.body());
            JsonObject status = json(page.body());
            assertEquals(config.toString(), status.getJsonObject("configuration").getString("source"),
                    "the server reads the file it was given, not the Arquillian server's");
            assertEquals(List.of(), status.getJsonObject("configuration").getJsonArray("problems"));
            assertEquals(1, status.getJsonArray("rules").size(), status.toString());
            assertEquals(403, get(server, "/only-on-b/page").statusCode(), "the rule of that file serves");
        } finally {
            server.close();
        }
        server.close();

        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " still runs");
        assertEquals(List.of(), unavailable(ports), "ports a new server could not listen on after close()");
    }

    private HttpResponse<String> get(WildFlyServer server, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.url(path)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /**
     * The ports a server could not listen on. Binding with {@code SO_REUSEADDR}, as WildFly does,
     * ignores the connections the stopped server left in TIME_WAIT.
     */
    private static List<Integer> unavailable(List<Integer> ports) {
        return ports.stream().filter(port -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return false;
            } catch (IOException e) {
                return true;
            }
        }).toList();
    }
}

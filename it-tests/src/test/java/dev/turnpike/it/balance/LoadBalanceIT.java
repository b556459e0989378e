package dev.turnpike.it.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.it.EchoLines;
import dev.turnpike.it.ItConfig;
import dev.turnpike.it.OldGenPeak;
import dev.turnpike.it.PatternStream;
import dev.turnpike.it.resin.ResinCluster;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turnpike on WildFly as the web tier of three real Resin 4.0.66 servers ({@code a}, {@code b},
 * {@code c}), reached over HMUX through {@code resin:LoadBalance} rules:
 * <pre>
 *   /echo/...          least-connection, sticky by a route cookie Turnpike sets (TPROUTE)
 *   /code/echo/...     least-connection, sticky by Resin's server code in the session id
 *   /rr/echo/...       round-robin, not sticky
 *   /force/echo/...    sticky by route cookie; a request whose server is down is answered 503
 * </pre>
 * Resin Open Source runs every server as server index 0 of a cluster of its own, so every
 * session id it writes starts with {@code a}, the code of the first server: by server code, every
 * session belongs to {@code a}. The route cookie tells the three apart.
 * The tests run in order: spreading, stickiness by cookie and by URL, large bodies both ways,
 * then a stale pooled connection, a killed server, and its return after the recover time.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalanceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path WORK = Path.of(System.getProperty("turnpike.it.work", "target/differential"))
            .resolveSibling("load-balance");

    private static ResinCluster resin;
    private static String bSession;
    private static String bCookies;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @ArquillianResource
    ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItConfig.ear();
    }

    @BeforeAll
    static void startTheAppTier() {
        resin = ResinCluster.start(3, WORK);
        ItConfig.write("""
                <resin xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                %s
                  <web-app id="/">
                    <resin:LoadBalance regexp="^/rr(/echo/.*)$" target="$1" cluster="app-tier"
                                       strategy="round-robin" sticky-sessions="false"/>
                    <resin:LoadBalance regexp="^/force(/echo/.*)$" target="$1" cluster="app-tier"
                                       route-cookie="TPROUTE" force-sticky="true"/>
                    <resin:LoadBalance regexp="^/code(/echo/.*)$" target="$1" cluster="app-tier"/>
                    <resin:LoadBalance regexp="^/echo/" cluster="app-tier" route-cookie="TPROUTE"/>
                    <resin:HttpProxy regexp="^/http(/echo/.*)$" target="$1" addresses="%s"/>
                  </web-app>
                </resin>
                """.formatted(resin.clusterXml("app-tier",
                "load-balance-recover-time=\"2s\" load-balance-warmup-time=\"1s\" load-balance-socket-timeout=\"30s\""),
                resin.servers().stream().map(s -> "127.0.0.1:" + s.httpPort()).collect(Collectors.joining(" "))));
    }

    @AfterAll
    static void stopTheAppTier() throws Exception {
        ItConfig.restoreThenClose(resin);
    }

    @Test
    @Order(1)
    void roundRobinSpreadsRequestsEvenlyOverTheThreeServers() throws Exception {
        awaitServer("/rr/echo/warm", null, s -> true);
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            Map<String, String> echo = echo("/rr/echo/spread?i=" + i, null);
            counts.merge(echo.get("server"), 1, Integer::sum);
            assertEquals("/echo/spread", echo.get("requestURI"), "the target replaced the path");
            assertEquals("i=" + i, echo.get("queryString"));
        }
        assertEquals(Map.of("a", 10, "b", 10, "c", 10), counts);
    }

    @Test
    @Order(2)
    void aSessionCreatedOnBStaysOnBAcross100RequestsByItsRouteCookie() throws Exception {
        HttpResponse<String> created = null;
        for (int i = 0; i < 60 && created == null; i++) {
            HttpResponse<String> response = send("/echo/login?try=" + i, null);
            assertEquals(200, response.statusCode(), response.body());
            if ("b".equals(EchoLines.parse(response.body()).get("server"))) {
                created = response;
            }
        }
        assertTrue(created != null, "no request reached server b in 60 tries");
        assertEquals(java.util.List.of("TPROUTE=b; Path=/; HttpOnly"), created.headers().allValues("Set-Cookie")
                .stream().filter(c -> c.startsWith("TPROUTE=")).toList());
        bSession = EchoLines.parse(created.body()).get("session");
        bCookies = "TPROUTE=b; JSESSIONID=" + bSession;
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> response = send("/echo/cart?i=" + i, bCookies);
            Map<String, String> echo = EchoLines.parse(response.body());
            assertEquals("b", echo.get("server"), "request " + i);
            assertEquals(bSession, echo.get("session"), "request " + i + " kept its session");
            assertTrue(response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("TPROUTE=")),
                    "a request that stuck gets no new route cookie");
        }
    }

    @Test
    @Order(3)
    void aResinSessionIdStaysWithTheServerItsCodeNamesAcross100RequestsByCookieAndByUrl() throws Exception {
        String session = null;
        for (int i = 0; i < 60 && session == null; i++) {
            Map<String, String> echo = echo("/code/echo/login?try=" + i, null);
            if ("a".equals(echo.get("server"))) {
                session = echo.get("session");
            }
        }
        assertTrue(session != null && session.startsWith("a"), "Resin writes the code of server index 0: " + session);
        for (int i = 0; i < 100; i++) {
            Map<String, String> byCookie = echo("/code/echo/cart?i=" + i, "JSESSIONID=" + session);
            assertEquals("a", byCookie.get("server"), "cookie request " + i);
            assertEquals(session, byCookie.get("session"), "cookie request " + i + " kept its session");
            Map<String, String> byUrl = echo("/code/echo/cart;jsessionid=" + session + "?i=" + i, null);
            assertEquals("a", byUrl.get("server"), "URL request " + i);
        }
    }

    @Test
    @Order(4)
    void a20MegabytePostStreamsThroughToTheBackend() throws Exception {
        int size = 20 * 1024 * 1024;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        HttpRequest request = HttpRequest.newBuilder(uri("/echo/upload"))
                .header("X-Echo", "body,server")
                .header("Cookie", bCookies)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size, sha)))
                .timeout(WAIT).build();
        OldGenPeak heap = OldGenPeak.start(management);
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long growth = heap.growth();
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(growth < size / 2, "the web tier's old generation grew by " + growth + " bytes");
        System.out.printf("20 MB POST: the web tier's old generation grew by at most %.1f MB%n", growth / 1048576.0);
        Map<String, String> echo = EchoLines.parse(response.body());
        assertEquals(String.valueOf(size), echo.get("body.length"));
        assertEquals(HexFormat.of().formatHex(sha.digest()), echo.get("body.sha256"));
        assertEquals("b", echo.get("server"));
    }

    @Test
    @Order(5)
    void a50MegabyteResponseStreamsThroughToTheBrowser() throws Exception {
        int size = 50 * 1024 * 1024;
        HttpRequest request = HttpRequest.newBuilder(uri("/echo/download")).header("X-Echo", "size=" + size)
                .timeout(WAIT).build();
        OldGenPeak heap = OldGenPeak.start(management);
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long count = 0;
        long letters = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                count += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] >= 'a' && buffer[i] <= 'z') {
                        letters++;
                    }
                }
            }
        }
        long growth = heap.growth();
        assertTrue(growth < size / 2, "the web tier's old generation grew by " + growth + " bytes");
        System.out.printf("50 MB response: the web tier's old generation grew by at most %.1f MB%n",
                growth / 1048576.0);
        assertTrue(count > size && count < size + 4096, "body of " + count + " bytes");
        assertTrue(letters >= size, "the filler arrived whole: " + letters + " letters");
    }

    @Test
    @Order(6)
    void aRestartedServerLeavesStalePooledConnectionsThatAreRetriedTransparently() throws Exception {
        assertEquals("a", echo("/echo/pooled", "TPROUTE=a").get("server"));
        resin.kill(0);
        resin.startServer(0);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = send("/echo/after-restart", "TPROUTE=a");
            assertEquals(200, response.statusCode(), "request " + i + ": " + response.body());
            assertEquals("a", EchoLines.parse(response.body()).get("server"), "request " + i);
        }
    }

    @Test
    @Order(7)
    void killingBMovesItsSessionsUnlessForcedAndNewRequestsGoElsewhere() throws Exception {
        resin.kill(1);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = send("/rr/echo/after-kill", null);
            assertEquals(200, response.statusCode(), "request " + i + ": " + response.body());
            counts.merge(EchoLines.parse(response.body()).get("server"), 1, Integer::sum);
        }
        assertEquals(null, counts.get("b"), "no request went to the dead server: " + counts);
        HttpResponse<String> moved = send("/echo/cart", bCookies);
        assertEquals(200, moved.statusCode(), moved.body());
        String movedTo = EchoLines.parse(moved.body()).get("server");
        assertTrue(!"b".equals(movedTo), moved.body());
        assertEquals(java.util.List.of("TPROUTE=" + movedTo + "; Path=/; HttpOnly"), moved.headers()
                .allValues("Set-Cookie").stream().filter(c -> c.startsWith("TPROUTE=")).toList(),
                "the browser is told its new server");
        HttpResponse<String> forced = send("/force/echo/cart", bCookies);
        assertEquals(503, forced.statusCode(), forced.body());
    }

    @Test
    @Order(8)
    void aRestartedServerIsUsedAgainAfterItsRecoverTime() throws Exception {
        resin.startServer(1);
        Map<String, String> echo = awaitServer("/force/echo/back", bCookies, "b"::equals);
        assertEquals("b", echo.get("server"));
    }

    @Test
    @Order(9)
    void httpProxyForwardsToResinsHttpPortsWithForwardingHeadersAndAChunkedBody() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < 6; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri("/http/echo/page?i=" + i))
                    .header("X-Echo", "headers,server")
                    .header("X-Forwarded-For", "6.6.6.6")
                    .timeout(WAIT).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            Map<String, String> echo = EchoLines.parse(response.body());
            assertEquals("/echo/page", echo.get("requestURI"));
            assertEquals("i=" + i, echo.get("queryString"));
            assertEquals("127.0.0.1", echo.get("header.X-Forwarded-For"),
                    "the client's own X-Forwarded-For is not trusted: " + response.body());
            counts.merge(echo.get("server"), 1, Integer::sum);
        }
        assertEquals(Map.of("a", 2, "b", 2, "c", 2), counts, "round-robin over the three HTTP ports");

        int size = 3 * 1024 * 1024 + 17;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        HttpRequest upload = HttpRequest.newBuilder(uri("/http/echo/upload")).header("X-Echo", "body")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size, sha)))
                .timeout(WAIT).build();
        HttpResponse<String> response = client.send(upload, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(String.valueOf(size), EchoLines.parse(response.body()).get("body.length"));
        assertEquals(HexFormat.of().formatHex(sha.digest()), EchoLines.parse(response.body()).get("body.sha256"));
    }

    @Test
    @Order(10)
    void anIisHandlersWebConfigBalancesOverItsResinServersAndKeepsSessionsOnTheirServer() throws Exception {
        String servers = resin.servers().stream().map(s -> "127.0.0.1:" + s.serverPort())
                .collect(Collectors.joining(", "));
        ItConfig.write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration>
                  <appSettings>
                    <add key="resin.servers" value="%s"/>
                    <add key="resin.load-balance-recover-time" value="2s"/>
                  </appSettings>
                  <system.webServer>
                    <handlers><add name="ResinHandlerFactory" path="*" verb="*" type="Caucho.IIS.ResinHandlerFactory"/></handlers>
                  </system.webServer>
                </configuration>
                """.formatted(servers));
        // only the web.config sends /iis/... to Resin (whose echo servlet answers *.do): no rule before it did
        Map<String, String> first = awaitServer("/iis/start.do", null, s -> true);
        assertEquals("/iis/start.do", first.get("requestURI"));
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            counts.merge(echo("/iis/spread.do?i=" + i, null).get("server"), 1, Integer::sum);
        }
        assertEquals(Map.of("a", 10, "b", 10, "c", 10), counts, "the handler's round robin");
        String session = null;
        for (int i = 0; i < 30 && session == null; i++) {
            Map<String, String> made = echo("/iis/login.do?i=" + i, null);
            if ("a".equals(made.get("server"))) {
                session = made.get("session");
            }
        }
        assertTrue(session != null, "no session made on a");
        for (int i = 0; i < 20; i++) {
            assertEquals("a", echo("/iis/cart.do?i=" + i, "JSESSIONID=" + session).get("server"),
                    "a session id of server code a stays on the first server of resin.servers: " + session
                            + ", request " + i);
        }
    }

    // --- helpers ---

    private Map<String, String> awaitServer(String path, String cookie, java.util.function.Predicate<String> server)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send(path, cookie);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && server.test(EchoLines.parse(response.body()).get("server"))) {
                return EchoLines.parse(response.body());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no answer as expected from " + path + " within " + WAIT + "; last: " + last);
    }

    private Map<String, String> echo(String path, String cookie) throws Exception {
        HttpResponse<String> response = send(path, cookie);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return EchoLines.parse(response.body());
    }

    private HttpResponse<String> send(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("X-Echo", "server,session")
                .timeout(WAIT);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }
}

package dev.turnpike.it.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.hmux.HmuxDecoder;
import dev.turnpike.hmux.HmuxEncoder;
import dev.turnpike.hmux.HmuxFrame;
import dev.turnpike.hmux.HmuxLimits;
import dev.turnpike.it.EchoLines;
import dev.turnpike.it.ItConfig;
import dev.turnpike.it.wildfly.WildFlyServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turnpike at both ends of HMUX: the Arquillian WildFly is the web tier, balancing
 * {@code /tier/*} with {@code resin:LoadBalance} over two further WildFly servers whose Turnpike
 * endpoints make them Resin app-tier servers {@code a} (server index 0, session code {@code aaa})
 * and {@code b} (index 1, {@code baa}). Their application prints how it saw each request.
 */
@ExtendWith(ArquillianExtension.class)
class TwoTierIT {

    private static final String BACKEND_CONFIG = """
            <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
              <servlet-mapping url-pattern="/static/*" servlet-name="plugin_ignore"/>
            </web-app>
            """;

    private static WildFlyServer a;
    private static WildFlyServer b;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return withEchoApp();
    }

    /** The Turnpike EAR with the app tier's application in its web module. */
    static EnterpriseArchive withEchoApp() {
        return ItConfig.ear(web -> web.addClass(TierEchoServlet.class));
    }

    @BeforeAll
    static void startTheAppTier() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "two-tier").toAbsolutePath());
        Path config = Files.writeString(work.resolve("app-tier.xml"), BACKEND_CONFIG);
        CompletableFuture<WildFlyServer> first = CompletableFuture.supplyAsync(() -> start("tier-a", 0, config));
        CompletableFuture<WildFlyServer> second = CompletableFuture.supplyAsync(() -> start("tier-b", 1, config));
        try {
            a = first.join();
            b = second.join();
        } catch (RuntimeException e) {
            closeAll(first, second);
            throw e;
        }
        ItConfig.write("""
                <resin xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                  <cluster id="app-tier">
                    <server id="a" address="127.0.0.1" port="%d"/>
                    <server id="b" address="127.0.0.1" port="%d"/>
                  </cluster>
                  <web-app id="/">
                    <resin:LoadBalance regexp="^/tier/" cluster="app-tier" strategy="round-robin"/>
                  </web-app>
                </resin>
                """.formatted(a.hmuxPort(), b.hmuxPort()));
    }

    /** Waits until the web tier has loaded the configuration just written: /tier/ goes to the app tier. */
    @BeforeEach
    void untilTheWebTierBalances() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"a b".contains(EchoLines.parse(get("/tier/ready", null).body()).getOrDefault("tier", "web"))) {
            assertTrue(System.nanoTime() < deadline, "the web tier did not load the two-tier configuration in 30 s");
            Thread.sleep(200);
        }
    }

    private static WildFlyServer start(String name, int index, Path config) {
        Map<String, String> properties = new HashMap<>();
        properties.put("turnpike.config", config.toString());
        properties.put("turnpike.endpoint.server-index", Integer.toString(index));
        properties.put("turnpike.it.tier", name.substring(name.length() - 1));
        return WildFlyServer.start(name, withEchoApp(), properties);
    }

    private static void closeAll(CompletableFuture<WildFlyServer> first, CompletableFuture<WildFlyServer> second) {
        for (CompletableFuture<WildFlyServer> server : List.of(first, second)) {
            try {
                server.join().close();
            } catch (RuntimeException e) {
                // it did not start
            }
        }
    }

    @AfterAll
    static void stopTheAppTier() throws Exception {
        ItConfig.restoreThenClose(() -> {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        });
    }

    @Test
    void sessionsStickToTheServerWhoseCodeTheirIdCarries() throws Exception {
        Map<String, Integer> sessionsPerTier = new HashMap<>();
        for (int s = 0; s < 4; s++) {
            HttpResponse<String> created = get("/tier/start?session=new", null);
            assertEquals(200, created.statusCode(), created.body());
            String cookie = created.headers().firstValue("Set-Cookie").orElseThrow();
            String id = cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
            Map<String, String> first = EchoLines.parse(created.body());
            String tier = first.get("tier");
            assertEquals(tier.equals("a") ? "aaa" : "baa", id.substring(0, 3),
                    "the id leaves " + tier + " with its code: " + cookie);
            assertTrue(id.substring(3).startsWith(first.get("session")), "the server's own id is the rest: " + id);
            sessionsPerTier.merge(tier, 1, Integer::sum);
            for (int n = 2; n <= 6; n++) {
                Map<String, String> again = EchoLines.parse(get("/tier/again", "JSESSIONID=" + id).body());
                assertEquals(tier, again.get("tier"), "request " + n + " of session " + id);
                assertTrue(id.substring(3).startsWith(again.get("requestedSession")),
                        "the code is gone on arrival: " + again.get("requestedSession"));
                assertEquals(Integer.toString(n), again.get("count"), "the session is found, not made anew");
            }
        }
        assertEquals(java.util.Set.of("a", "b"), sessionsPerTier.keySet(),
                "round robin puts new sessions on both servers: " + sessionsPerTier);
    }

    @Test
    void theAppTierSeesTheBrowsersRequest() throws Exception {
        try (Socket browser = new Socket()) {
            browser.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            browser.setSoTimeout(30_000);
            String request = "GET /tier/who%20am%20i?x=1&y=%C3%A9 HTTP/1.1\r\nHost: shop.example:" + base.getPort()
                    + "\r\nX-Turnpike-Hmux-Remote-Addr: 6.6.6.6\r\nConnection: close\r\n\r\n";
            browser.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> seen = EchoLines.parse(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertEquals("/tier/who%20am%20i", seen.get("requestURI"));
            assertEquals("x=1&y=%C3%A9", seen.get("query"));
            assertEquals("127.0.0.1", seen.get("remoteAddr"));
            assertEquals(Integer.toString(browser.getLocalPort()), seen.get("remotePort"),
                    "the browser's own port, not the bridge's");
            assertEquals("shop.example", seen.get("serverName"));
            assertEquals(Integer.toString(base.getPort()), seen.get("serverPort"), "the web tier's port");
            assertEquals("shop.example:" + base.getPort(), seen.get("host"));
            assertEquals("null", seen.get("bridgeHeader"), "bridge headers never reach the application");
        }
    }

    @Test
    void aLargeBodyStreamsThroughBothTiers() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        new Random(11).nextBytes(body);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "tier/upload"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, String> seen = EchoLines.parse(response.body());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Integer.toString(body.length), seen.get("bodyLength"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)),
                seen.get("bodySha256"));
    }

    @Test
    void theDispatchQueryAndTheStatusPageListWhatTheServerDeployed() throws Exception {
        Path shop = deploy(a, ShrinkWrap.create(WebArchive.class, "shop.war").addClass(TierEchoServlet.class)
                .setWebXML(new StringAsset(SHOP_WEB_XML)));
        try {
            queryAndStatusPage();
        } finally {
            undeploy(shop);
        }
    }

    private void queryAndStatusPage() throws Exception {
        try (Socket plugin = new Socket()) {
            plugin.connect(new InetSocketAddress("127.0.0.1", a.hmuxPort()), 10_000);
            plugin.setSoTimeout(30_000);
            List<HmuxFrame> reply = query(plugin, null);
            List<String> shown = new ArrayList<>();
            reply.forEach(f -> shown.add(f.describe()));
            assertEquals("C 2", shown.get(0));
            assertTrue(shown.contains("H \"cookie\"") && shown.contains("S \"JSESSIONID\""), shown.toString());
            assertTrue(shown.contains("s \"127.0.0.1:" + a.hmuxPort() + "\""), shown.toString());
            assertTrue(webApp(shown, "").containsAll(List.of("i \"/static/*\"", "m \"/caucho-status\"",
                    "m \"/tier/*\"")), "Turnpike's web-app: the configured plugin_ignore and its servlets: " + shown);
            assertTrue(webApp(shown, "/shop").containsAll(List.of("m \"*.do\"", "m \"/cart/*\"")),
                    "another web-app the server deployed, read through the servlet context: " + shown);
            HmuxFrame etag = reply.get(reply.size() - 2);
            assertTrue(etag instanceof HmuxFrame.DispatchEtag, shown.toString());
            assertEquals("Q", shown.get(shown.size() - 1));

            List<HmuxFrame> again = query(plugin, ((HmuxFrame.DispatchEtag) etag).value());
            List<String> unchanged = new ArrayList<>();
            again.forEach(f -> unchanged.add(f.describe()));
            assertEquals(List.of("C 2", "n", "Q"), unchanged, "the same etag: no change");
        }

        String page = client.send(HttpRequest.newBuilder(a.url("/caucho-status")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("<tr bgcolor='#ffcc66'><td>/</td><td>/static/* (ignore)</td></tr>"), page);
        assertTrue(page.contains("<tr bgcolor='#ffcc66'><td>/</td><td>/tier/*</td></tr>"), page);
        assertTrue(page.contains("<tr bgcolor='#ffcc66'><td>/shop</td><td>/cart/*</td></tr>"), page);
    }

    private static final String SHOP_WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
              <servlet><servlet-name>cart</servlet-name><servlet-class>%s</servlet-class></servlet>
              <servlet-mapping><servlet-name>cart</servlet-name><url-pattern>/cart/*</url-pattern></servlet-mapping>
              <servlet-mapping><servlet-name>cart</servlet-name><url-pattern>*.do</url-pattern></servlet-mapping>
            </web-app>
            """.formatted(TierEchoServlet.class.getName());

    /** The patterns the reply lists for the web-app {@code a "contextPath"}, sorted. */
    private static List<String> webApp(List<String> shown, String contextPath) {
        int start = shown.indexOf("a \"" + contextPath + "\"");
        assertTrue(start >= 0, "web-app " + contextPath + " in " + shown);
        List<String> patterns = new ArrayList<>();
        for (String frame : shown.subList(start + 1, shown.size())) {
            if (!frame.startsWith("m ") && !frame.startsWith("i ")) {
                break;
            }
            patterns.add(frame);
        }
        patterns.sort(null);
        return patterns;
    }

    /** Drops {@code war} into the server's deployment folder and waits until WildFly has deployed it. */
    private static Path deploy(WildFlyServer server, WebArchive war) throws Exception {
        Path deployments = server.baseDirectory().resolve("deployments");
        Path file = deployments.resolve(war.getName());
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        Path deployed = deployments.resolve(war.getName() + ".deployed");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(deployed)) {
            assertTrue(!Files.exists(deployments.resolve(war.getName() + ".failed")), "WildFly failed to deploy " + war);
            assertTrue(System.nanoTime() < deadline, war.getName() + " not deployed in 60 s");
            Thread.sleep(200);
        }
        return file;
    }

    private static void undeploy(Path war) throws IOException {
        Files.deleteIfExists(war);
    }

    /** A dispatch-configuration query for the default host as mod_caucho sends it, and the reply. */
    private static List<HmuxFrame> query(Socket plugin, String etag) throws IOException {
        OutputStream out = plugin.getOutputStream();
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(HmuxEncoder.encode(new HmuxFrame.Channel(1)));
        request.writeBytes(HmuxEncoder.encode(new HmuxFrame.SubProtocol(HmuxFrame.SubProtocol.DISPATCH)));
        if (etag != null) {
            request.writeBytes(HmuxEncoder.encode(new HmuxFrame.DispatchEtag(etag)));
        }
        request.writeBytes(HmuxEncoder.encode(new HmuxFrame.DispatchHost("")));
        request.writeBytes(HmuxEncoder.encode(new HmuxFrame.DispatchQuery("")));
        request.writeBytes(HmuxEncoder.encode(new HmuxFrame.Quit()));
        out.write(request.toByteArray());
        out.flush();
        HmuxDecoder decoder = HmuxDecoder.forResponses(HmuxLimits.DEFAULT);
        decoder.expectDispatchReply();
        List<HmuxFrame> frames = new ArrayList<>();
        InputStream in = plugin.getInputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            HmuxFrame frame = decoder.next();
            if (frame != null) {
                frames.add(frame);
                if (frame instanceof HmuxFrame.Quit || frame instanceof HmuxFrame.Exit) {
                    return frames;
                }
                continue;
            }
            int n = in.read(buffer);
            assertTrue(n > 0, "the reply ended early: " + frames);
            decoder.feed(buffer, 0, n);
        }
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                .timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertNotNull(response.body());
        return response;
    }

}

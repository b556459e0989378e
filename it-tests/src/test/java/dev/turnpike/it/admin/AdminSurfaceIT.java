package dev.turnpike.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.hmux.HmuxDecoder;
import dev.turnpike.hmux.HmuxEncoder;
import dev.turnpike.hmux.HmuxFrame;
import dev.turnpike.hmux.HmuxLimits;
import dev.turnpike.it.AdminClient;
import dev.turnpike.it.AdminLogin;
import dev.turnpike.it.ItConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole admin surface refuses whoever may not use it: every API call and the page without a
 * login (401), with a user lacking the role (403), every state change without its CSRF token or
 * from another site's page (403); {@code /caucho-status} and the API refused to a client that is
 * not on this machine (reaching the server through its HMUX endpoint); and nothing an
 * administrator sends is evaluated as an expression.
 */
@ExtendWith(ArquillianExtension.class)
class AdminSurfaceIT {

    /** Every call of the API and the page: method, path, body (or {@code null}). */
    private static final List<String[]> CALLS = List.of(
            new String[] {"GET", "/turnpike/", null},
            new String[] {"GET", "/turnpike/api/status", null},
            new String[] {"GET", "/turnpike/api/rules", null},
            new String[] {"GET", "/turnpike/api/errors", null},
            new String[] {"GET", "/turnpike/api/backends", null},
            new String[] {"GET", "/turnpike/api/backends/app-tier/a", null},
            new String[] {"GET", "/turnpike/api/metrics", null},
            new String[] {"GET", "/turnpike/api/config/check", null},
            new String[] {"GET", "/turnpike/api/csrf", null},
            new String[] {"POST", "/turnpike/api/explain", "{\"url\":\"/\"}"},
            new String[] {"POST", "/turnpike/api/config/check", "<web-app/>"},
            new String[] {"POST", "/turnpike/api/rules/maintenance/stop", null},
            new String[] {"POST", "/turnpike/api/rules/maintenance/start", null},
            new String[] {"POST", "/turnpike/api/rules/extra/update", null},
            new String[] {"POST", "/turnpike/api/reload", null},
            new String[] {"POST", "/turnpike/api/backends/app-tier/a/drain", null},
            new String[] {"POST", "/turnpike/api/backends/app-tier/a/disable", null},
            new String[] {"POST", "/turnpike/api/backends/app-tier/a/enable", null},
            new String[] {"POST", "/turnpike/api/backends/app-tier/a/weight", "{\"weight\":1}"});

    /** The calls that change something, which need the CSRF token. */
    private static final List<String[]> CHANGES = CALLS.stream()
            .filter(call -> call[0].equals("POST") && !call[1].endsWith("/explain") && !call[1].endsWith("/check"))
            .toList();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItConfig.ear();
    }

    private HttpResponse<String> send(String[] call, String login, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(call[1]))
                .timeout(Duration.ofSeconds(30))
                .method(call[0], call[2] == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call[2]))
                .header("Content-Type", call[2] != null && call[2].startsWith("<") ? "application/xml"
                        : "application/json");
        if (login != null) {
            request.header("Authorization", login);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyCallWithoutALoginOrTheRoleIsRefused() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String[] call : CALLS) {
            int anonymous = send(call, null).statusCode();
            int wrongPassword = send(call, AdminLogin.basic("nobody", "guess")).statusCode();
            int viewer = send(call, AdminLogin.VIEWER).statusCode();
            if (anonymous != 401 || wrongPassword != 401 || viewer != 403) {
                wrong.add(call[0] + " " + call[1] + ": anonymous " + anonymous + ", unknown user " + wrongPassword
                        + ", viewer " + viewer);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyChangeWithoutTheTokenOrFromAnotherSiteIsRefused() throws Exception {
        String token = AdminClient.json(send(new String[] {"GET", "/turnpike/api/csrf", null}, AdminLogin.ADMIN))
                .asJsonObject().getString("token");
        List<String> wrong = new ArrayList<>();
        for (String[] call : CHANGES) {
            int none = send(call, AdminLogin.ADMIN).statusCode();
            int forged = send(call, AdminLogin.ADMIN, "X-Turnpike-Csrf", token + "x").statusCode();
            int otherSite = send(call, AdminLogin.ADMIN, "X-Turnpike-Csrf", token, "Origin", "https://evil.example")
                    .statusCode();
            if (none != 403 || forged != 403 || otherSite != 403) {
                wrong.add(call[1] + ": no token " + none + ", forged " + forged + ", other site " + otherSite);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void nothingAnAdministratorSendsIsEvaluated() throws Exception {
        for (String probe : List.of("${7*7}", "#{7*7}", "%{7*7}", "*{7*7}", "${T(java.lang.Runtime)}")) {
            String json = "{\"url\":\"/x\",\"headers\":{\"X-Probe\":\"" + probe
                    + "\"},\"user\":\"" + probe + "\"}";
            HttpResponse<String> explained = send(new String[] {"POST", "/turnpike/api/explain", json},
                    AdminLogin.ADMIN);
            assertEquals(200, explained.statusCode(), explained.body());
            assertTrue(explained.body().contains(probe), "the input comes back as written: " + explained.body());
            assertFalse(explained.body().contains("49"), explained.body());

            HttpResponse<String> invalid = send(new String[] {"POST", "/turnpike/api/explain",
                    "{\"url\":\"/\",\"method\":\"" + probe + "\"}"}, AdminLogin.ADMIN);
            assertEquals(400, invalid.statusCode(), invalid.body());
            assertFalse(invalid.body().contains("49"), "a validation message never evaluates: " + invalid.body());

            HttpResponse<String> checked = send(new String[] {"POST", "/turnpike/api/config/check",
                    "<web-app xmlns=\"http://caucho.com/ns/resin\" xmlns:resin=\"urn:java:com.caucho.resin\">"
                            + "<resin:Redirect regexp=\"^/a\" target=\"/" + probe + "\"/><resin:Nope a=\"" + probe
                            + "\"/></web-app>"}, AdminLogin.ADMIN);
            assertEquals(200, checked.statusCode(), checked.body());
            assertFalse(checked.body().contains("49"), checked.body());
        }
    }

    @Test
    void clientsElsewhereAreRefusedEvenWhenTheyComeThroughTheEndpoint() throws Exception {
        int port = 6800 + Integer.getInteger("turnpike.it.port-offset", 0);
        assertEquals("403", statusThroughTheEndpoint(port, "/caucho-status", "10.9.8.7"),
                "the status page answers this machine only");
        assertEquals("403", statusThroughTheEndpoint(port, "/turnpike/api/status", "10.9.8.7"),
                "nor does the API: no login is even offered");
        assertEquals("403", statusThroughTheEndpoint(port, "/turnpike/", "10.9.8.7"));
        assertEquals("200", statusThroughTheEndpoint(port, "/caucho-status", "127.0.0.1"),
                "from this machine it answers");
    }

    /** Sends a GET through the server's HMUX endpoint as a web tier would, for a client at {@code remote}. */
    private static String statusThroughTheEndpoint(int port, String uri, String remote) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            for (HmuxFrame frame : List.of(new HmuxFrame.Channel(1), new HmuxFrame.Method("GET"),
                    new HmuxFrame.Uri(uri), new HmuxFrame.ServerName("localhost"), new HmuxFrame.ServerPort("80"),
                    new HmuxFrame.RemoteAddr(remote), new HmuxFrame.RemotePort("40000"),
                    new HmuxFrame.Header("Host"), new HmuxFrame.HeaderValue("localhost"), new HmuxFrame.Quit())) {
                request.writeBytes(HmuxEncoder.encode(frame));
            }
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            HmuxDecoder decoder = HmuxDecoder.forResponses(HmuxLimits.DEFAULT);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                HmuxFrame frame = decoder.next();
                if (frame instanceof HmuxFrame.Status status) {
                    return status.value().split(" ", 2)[0];
                }
                if (frame instanceof HmuxFrame.Quit || frame instanceof HmuxFrame.Exit) {
                    throw new AssertionError("no status in the answer");
                }
                if (frame == null) {
                    int n = in.read(buffer);
                    assertTrue(n > 0, "the endpoint closed without an answer");
                    decoder.feed(buffer, 0, n);
                }
            }
        }
    }
}

package dev.turnpike.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.turnpike.config.ConfigLocator;
import dev.turnpike.config.ConfigReloader;
import dev.turnpike.config.ResinConfigReader;
import dev.turnpike.config.ResourceConfigSource;
import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.RequestView;
import dev.turnpike.rules.RuleSet;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample bundled in the EAR loads and does what its comments and the README say. */
class SampleConfigurationTest {

    private static RuleSet sample;

    @BeforeAll
    static void load() {
        ConfigReloader reloader = new ConfigReloader(new ResourceConfigSource(ConfigLocator.SAMPLE_RESOURCE,
                SampleConfigurationTest.class.getClassLoader()), new ResinConfigReader());
        sample = assertInstanceOf(ConfigReloader.Outcome.Loaded.class, reloader.check()).rules();
    }

    private static Decision evaluate(String path, String query, Map<String, String> headers) {
        return sample.evaluate(new Exchange(new RequestView() {
            @Override public String method() { return "GET"; }
            @Override public String scheme() { return "http"; }
            @Override public boolean secure() { return false; }
            @Override public String serverName() { return "localhost"; }
            @Override public int serverPort() { return 8080; }
            @Override public int localPort() { return 8080; }
            @Override public String remoteAddr() { return "127.0.0.1"; }
            @Override public String contextPath() { return ""; }
            @Override public String requestUri() { return path; }
            @Override public String path() { return path; }
            @Override public String servletPath() { return path; }
            @Override public String pathInfo() { return null; }
            @Override public String queryString() { return query; }
            @Override public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
            @Override public String cookie(String name) { return null; }
            @Override public String parameter(String name) { return queryParameter(name); }
            @Override public String authType() { return null; }
            @Override public String remoteUser() { return null; }
            @Override public boolean isUserInRole(String role) { return false; }
            @Override public boolean fileExists() { return false; }
        }));
    }

    private static int status(String path) {
        Decision decision = evaluate(path, null, Map.of("host", "localhost:8080"));
        return decision instanceof Decision.SendError error ? error.status() : 0;
    }

    @Test
    void privateAndBackupFilesAreForbidden() {
        assertEquals(403, status("/private/report.txt"));
        assertEquals(403, status("/index.html.bak"));
        assertEquals(0, status("/index.html"));
        assertEquals(0, status("/public/private/x"));
    }

    @Test
    void badBotsAreForbiddenEverywhere() {
        Decision bot = evaluate("/", null, Map.of("host", "localhost:8080", "user-agent", "Mozilla BadBot/1.0"));
        assertEquals(403, ((Decision.SendError) bot).status());
        assertEquals(Decision.PASS, evaluate("/", null, Map.of("host", "localhost:8080", "user-agent", "curl/8")));
    }

    @Test
    void adminMovedForGoodAndStatusRedirectsAbsolutely() {
        Decision moved = evaluate("/admin/x", "a=1", Map.of("host", "localhost:8080"));
        assertEquals(301, ((Decision.Redirect) moved).status());
        assertEquals("/turnpike/x?a=1", ((Decision.Redirect) moved).location());

        Decision status = evaluate("/status", "verbose=1", Map.of("host", "localhost:8080"));
        assertEquals(302, ((Decision.Redirect) status).status());
        assertEquals("http://localhost:8080/caucho-status?verbose=1", ((Decision.Redirect) status).location());
    }
}

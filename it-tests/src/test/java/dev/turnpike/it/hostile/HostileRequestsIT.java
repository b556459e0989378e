package dev.turnpike.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.it.EchoLines;
import dev.turnpike.it.ItConfig;
import dev.turnpike.it.differential.EchoServlet;
import dev.turnpike.it.resin.RawHttp;
import dev.turnpike.it.resin.RawResponse;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile requests against the real EAR on WildFly, over raw sockets so that every byte reaches
 * the server as written: encoding variants of forbidden paths, dispatch targets that climb out of
 * their directory, CR/LF/NUL in captures, open redirects, forged forwarding headers, hop-by-hop
 * headers and catastrophic regexps. The server under test trusts {@code 127.0.0.2} as a proxy
 * ({@code -Dturnpike.trusted-proxies}, see {@code arquillian.xml}); ordinary requests come from
 * {@code 127.0.0.1}.
 *
 * <p>By default about 320 encoding variants per protected path run (968 in all); with
 * {@code -Dturnpike.adversarial=full} about 4 000 per path (16 352 in all).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileRequestsIT {

    private static final Duration RELOAD_WAIT = Duration.ofSeconds(30);
    private static final boolean FULL = "full".equals(System.getProperty("turnpike.adversarial"));

    private static HeaderEchoBackend backend;

    @ArquillianResource
    URL base;

    private RawHttp http;
    private String host;

    /** The EAR with the echo servlet, a servlet the rules forbid, and files under WEB-INF and META-INF. */
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItConfig.ear(web -> web.addClasses(EchoServlet.class, SecretServlet.class)
                .addAsWebInfResource(new StringAsset("SECRET web-inf\n"), "secret.txt")
                .addAsWebInfResource(new StringAsset("a view\n"), "views/ok.txt")
                .addAsWebResource(new StringAsset("SECRET meta-inf\n"), "META-INF/secret.txt")
                .addAsWebResource(new StringAsset("public\n"), "public/index.txt"));
    }

    static String rules(int backendPort) {
        String proxy = "127.0.0.1:" + backendPort;
        return """
                <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                  <resin:Forbidden regexp="^/admin"/>
                  <resin:Forbidden regexp="^/WEB-INF"/>
                  <resin:Forbidden regexp="^/META-INF"/>
                  <resin:Forbidden regexp="^/echo/private"/>
                  <resin:Forbidden regexp="^/redos/(a+)+$"/>
                  <resin:Forbidden regexp="^/hdr-redos">
                    <resin:IfHeader name="X-Evil" regexp="^(a|aa)+$"/>
                  </resin:Forbidden>
                  <resin:Forbidden regexp="^/echo/office">
                    <resin:Not><resin:IfNetwork value="10.9.0.0/16"/></resin:Not>
                  </resin:Forbidden>
                  <resin:Dispatch regexp="^/page/(.*)" target="/echo/$1"/>
                  <resin:Forward regexp="^/fwd/(.*)" target="/echo/$1"/>
                  <resin:Dispatch regexp="^/view/(.*)" target="/WEB-INF/views/$1"/>
                  <resin:Dispatch regexp="^/hdr/(.*)" target="/echo/$1">
                    <resin:SetHeader name="X-Rule" value="$1"/>
                  </resin:Dispatch>
                  <resin:Redirect regexp="^/r302/(.*)" target="/$1"/>
                  <resin:MovedPermanently regexp="^/r301/(.*)" target="/$1"/>
                  <resin:Redirect regexp="^/r302any/(.*)" target="$1"/>
                  <resin:MovedPermanently regexp="^/r301any/(.*)" target="$1"/>
                  <resin:Redirect regexp="^/r302abs/(.*)" target="http://elsewhere.test/$1"/>
                  <resin:MovedPermanently regexp="^/r301abs/(.*)" target="http://elsewhere.test/$1"/>
                  <resin:HttpProxy regexp="^/px(/.*)" target="$1" addresses="PROXY"/>
                  <resin:HttpProxy regexp="^/pq/(.*)" target="/elsewhere?$1" addresses="PROXY"/>
                  <rewrite-dispatch>
                    <dispatch full-url-regexp="^/q\\?f=(.*)" target="/echo/$1"/>
                    <redirect regexp="^/r3/(.*)" target="/$1"/>
                    <moved-permanently regexp="^/m3/(.*)" target="/$1"/>
                  </rewrite-dispatch>
                </web-app>
                """.replace("PROXY", proxy);
    }

    @BeforeEach
    void loadTheHostileRules() throws Exception {
        http = new RawHttp(base.getPort());
        host = "localhost:" + base.getPort();
        if (backend == null) {
            backend = new HeaderEchoBackend();
            ItConfig.write(rules(backend.port()));
            long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
            while (http.get("/echo/private/x", host).status() != 403) {
                assertTrue(System.nanoTime() < deadline, "the hostile rules did not load within " + RELOAD_WAIT);
                Thread.sleep(100);
            }
        }
        backend.clear();
    }

    @AfterAll
    static void restoreTheConfiguration() throws Exception {
        ItConfig.restoreThenClose(backend);
        backend = null;
    }

    // ---- 1. encoding and normalisation -------------------------------------------------------

    /**
     * No spelling of a forbidden path reaches what the rule protects: each answer is 403 (the rule
     * saw the path), 400 (refused as ambiguous) or 404 (it named something else). A wrong result
     * would be a 200 carrying the secret.
     */
    @Test
    void noEncodingVariantOfAForbiddenPathIsServed() {
        List<String> protectedPaths = FULL ? List.of("/admin/x", "/echo/private/x", "/WEB-INF/secret.txt",
                "/META-INF/secret.txt") : List.of("/admin/x", "/echo/private/x", "/WEB-INF/secret.txt");
        List<String> bypasses = new ArrayList<>();
        int sent = 0;
        for (String path : protectedPaths) {
            List<String> variants = FULL ? BypassVariants.full(path, 42) : BypassVariants.basic(path);
            for (String variant : variants) {
                RawResponse response = http.get(variant, host);
                sent++;
                String body = response.bodyText();
                boolean served = body.contains("SECRET") || body.contains("pathInfo=/private");
                if (served || !List.of(400, 403, 404).contains(response.status())) {
                    bypasses.add(variant + " -> " + response.status() + " " + firstLine(body));
                }
            }
        }
        System.out.println("HostileRequestsIT: " + sent + " encoding variants of " + protectedPaths.size()
                + " forbidden paths sent");
        assertEquals(List.of(), bypasses, "variants that were served or answered unexpectedly");
        assertTrue(sent >= (FULL ? 2000 : 300), "too few variants: " + sent);
    }

    /**
     * The canonical subject: the rules see the path WildFly decoded and normalised, with path
     * parameters removed; requests it cannot decode to one path are refused with 400 before any
     * rule runs. Each row: request, status, and for 403 the rule that saw it.
     */
    @Test
    void theRulesSeeOneCanonicalSubject() {
        record Row(String request, int status) {
        }
        List<Row> rows = List.of(
                new Row("/admin/x", 403),
                new Row("/public/../admin/x", 403),
                new Row("/public/%2e%2e/admin/x", 403),
                new Row("/public/%2E%2e/admin/x", 403),
                new Row("/public;/../admin/x", 403),
                new Row("/admin;x=y/x", 403),
                new Row("/%61dmin/x", 403),
                new Row("/%61%64%6D%69%6e/x", 403),
                new Row("//admin/x", 403),
                new Row("/./admin/x", 403),
                new Row("/admin%00/x", 400),
                new Row("/public/..%00/admin/x", 400),
                new Row("/admin%0d%0a/x", 400),
                // WildFly leaves %5c (like %2f) encoded: a segment name of its own, not a separator
                new Row("/%5cadmin/x", 404),
                new Row("/public%5c..%5cadmin/x", 404),
                new Row("/public/%c0%ae%c0%ae/admin/x", 400),
                new Row("/public/%u002e%u002e/admin/x", 400),
                new Row("/public/%252e%252e/admin/x", 404));
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            RawResponse response = http.get(row.request(), host);
            if (response.status() != row.status()) {
                wrong.add(row.request() + " -> " + response.status() + " (expected " + row.status() + ") "
                        + firstLine(response.bodyText()));
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * Dispatch and forward targets built from captures stay inside the web-app: a target that
     * decodes to a {@code .}/{@code ..} segment, a backslash or a control character answers 400;
     * one that reaches {@code /WEB-INF/} or {@code /META-INF/} when the configured target does not
     * name it answers 404. A wrong result would be the secret file.
     */
    @Test
    void targetsBuiltFromCapturesCannotLeaveTheWebApp() {
        record Row(String request, int status) {
        }
        List<Row> rows = List.of(
                new Row("/page/a", 200),
                new Row("/page/%252e%252e/WEB-INF/secret.txt", 400),
                new Row("/page/%252E%252e/%252e%252e/WEB-INF/secret.txt", 400),
                new Row("/fwd/%252e%252e/WEB-INF/secret.txt", 400),
                new Row("/page/..%252fWEB-INF%252fsecret.txt", 400),
                new Row("/page/%255c..%255cWEB-INF/secret.txt", 400),
                new Row("/page/%25c0%25ae%25c0%25ae/WEB-INF/secret.txt", 400),
                new Row("/q?f=../WEB-INF/secret.txt", 400),
                new Row("/q?f=..%2fWEB-INF%2fsecret.txt", 400),
                new Row("/q?f=%2e%2e/META-INF/secret.txt", 400),
                new Row("/q?f=./x", 400),
                new Row("/q?f=x", 200),
                new Row("/view/ok.txt", 200),
                new Row("/view/%252e%252e/secret.txt", 400),
                new Row("/view/..%252fsecret.txt", 400));
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            RawResponse response = http.get(row.request(), host);
            String body = response.bodyText();
            if (response.status() != row.status() || body.contains("SECRET")) {
                wrong.add(row.request() + " -> " + response.status() + " (expected " + row.status() + ") "
                        + firstLine(body));
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * Encoded {@code ?}, {@code ;}, {@code %}, {@code +} and non-ASCII characters in the path and
     * query, through dispatch, forward and both redirects: which URI the echo servlet was served
     * with, or which {@code Location} came back. Derived from the kinds of cases Tomcat's rewrite
     * valve tests cover.
     */
    @Test
    void reservedAndNonAsciiCharactersKeepTheirMeaning() {
        record Row(String request, int status, String expected) {
        }
        String here = "http://" + host;
        List<Row> rows = List.of(
                // dispatch: decoded captures are re-encoded for the dispatcher; a wrong result splits the path
                new Row("/page/a%20b", 200, "pathInfo=/a b"),
                new Row("/page/a+b", 200, "pathInfo=/a+b"),
                new Row("/page/a%2Bb", 200, "pathInfo=/a+b"),
                new Row("/page/caf%C3%A9", 200, "pathInfo=/café"),
                new Row("/page/x?q=a%26b", 200, "queryString=q=a%26b"),
                new Row("/page/x?q=%C3%A9", 200, "queryString=q=%C3%A9"),
                new Row("/page/100%25", 200, "pathInfo=/100%"),
                // a decoded ';' or '?' in a capture means in the target what it means in any URI
                // (path parameter, query), as in Resin
                new Row("/page/a%3Bb", 200, "pathInfo=/a"),
                new Row("/page/a%3Fb", 200, "pathInfo=/a"),
                new Row("/fwd/caf%C3%A9?x=1", 200, "pathInfo=/café"),
                // redirects: the location is escaped for a header (Resin's lower-case hex), never
                // decoded into a new meaning
                new Row("/r302/a%20b", 302, here + "/a%20b"),
                new Row("/r302/caf%C3%A9", 302, here + "/caf%c3%a9"),
                new Row("/r302/a+b?q=a%2Bb", 302, here + "/a+b?q=a%2Bb"),
                new Row("/r301/a%3Cb%3E", 301, "/a%3cb%3e"),
                new Row("/r301/a%22b", 301, "/a%22b"),
                new Row("/r301/x?y=1", 301, "/x?y=1"),
                new Row("/r302abs/caf%C3%A9", 302, "http://elsewhere.test/caf%c3%a9"),
                new Row("/r3/a%20b", 302, here + "/a%20b"),
                new Row("/m3/caf%C3%A9", 301, "/caf%c3%a9"));
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            RawResponse response = http.get(row.request(), host);
            String seen = response.status() >= 300 && response.status() < 400
                    ? response.headerOrNull("Location") : response.bodyText();
            boolean ok = response.status() == row.status() && seen != null
                    && (response.status() >= 300 && response.status() < 400 ? seen.equals(row.expected())
                    : ("\n" + seen).contains("\n" + row.expected() + "\n"));
            if (!ok) {
                wrong.add(row.request() + " -> " + response.status() + " " + (seen == null ? "" : firstLine(
                        seen.replace("\n", " | "))) + " (expected " + row.status() + " " + row.expected() + ")");
            }
        }
        assertEquals(List.of(), wrong);
    }

    // ---- 2. header injection and open redirects ----------------------------------------------

    /** Decoded CR, LF and NUL from the path never reach a response header, not even as the Location. */
    @Test
    void capturesCannotSplitAResponse() {
        List<String> wrong = new ArrayList<>();
        for (String request : List.of("/r302/a%0d%0aSet-Cookie:%20x=1", "/r301/a%0d%0aSet-Cookie:%20x=1",
                "/r302any/a%0aSet-Cookie:%20x=1", "/r301any/a%0dSet-Cookie:%20x=1", "/r3/a%00b%0d%0aSet-Cookie:%20x=1",
                "/m3/%0d%0aSet-Cookie:%20x=1", "/hdr/a%0d%0aSet-Cookie:%20x=1", "/r302abs/x%0d%0aSet-Cookie:%20x=1",
                "/r302/x?q=%0d%0aSet-Cookie:%20x=1")) {
            RawResponse response = http.get(request, host);
            boolean split = response.headerOrNull("Set-Cookie") != null;
            for (RawResponse.Header header : response.headers()) {
                split |= header.value().chars().anyMatch(c -> c < 0x20 && c != '\t');
            }
            if (split) {
                wrong.add(request + " -> " + response.status() + " " + response.headers());
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals("$1", http.get("/hdr/x", host).headerOrNull("X-Rule"), "SetHeader values are never substituted");
    }

    /**
     * A redirect whose configured target is not absolute stays on this server whatever the capture
     * holds: {@code //host}, {@code /\host}, {@code \\host} and {@code https:host} are collapsed
     * to a path. An absolute configured target keeps its own host.
     */
    @Test
    void redirectsBuiltFromCapturesStayOnThisServer() {
        List<String> wrong = new ArrayList<>();
        List<String> evil = List.of("/evil.example", "%5cevil.example", "%5c%5cevil.example", "/%5cevil.example",
                "%5c/evil.example", "/%2fevil.example", "%09/evil.example", "https:evil.example",
                "https:%5c%5cevil.example", "javascript:alert(1)", "HTTP://evil.example/", "//evil.example",
                "%2f%2fevil.example", "/%09/evil.example", "%20//evil.example");
        for (String prefix : List.of("/r302/", "/r301/", "/r302any/", "/r301any/", "/r3/", "/m3/")) {
            for (String attack : evil) {
                RawResponse response = http.get(prefix + attack, host);
                String location = response.headerOrNull("Location");
                if (response.status() < 400 && (location == null || !staysHere(location))) {
                    wrong.add(prefix + attack + " -> " + response.status() + " Location: " + location);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals("http://elsewhere.test/x", http.get("/r302abs/x", host).headerOrNull("Location"));
        assertTrue(http.get("/r301abs/%5c%5cevil.example", host).headerOrNull("Location")
                .startsWith("http://elsewhere.test/"), "an absolute target keeps its own host");
    }

    /** Where a browser would go: its URL parser reads {@code \} as {@code /} and drops tabs and newlines. */
    private boolean staysHere(String location) {
        String asBrowser = location.replace("\\", "/").replaceAll("[\\t\\n\\r]", "").strip();
        if (asBrowser.startsWith("//")) {
            return false;
        }
        int colon = asBrowser.indexOf(':');
        int slash = asBrowser.indexOf('/');
        boolean hasScheme = colon > 0 && (slash < 0 || colon < slash) && asBrowser.substring(0, colon)
                .chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-');
        return !hasScheme || asBrowser.toLowerCase(Locale.ROOT).startsWith("http://" + host + "/");
    }

    /**
     * CR/LF/NUL decoded into a capture that becomes the proxied path or query (the CVE-2023-25690
     * shape) travel percent-encoded: the backend gets exactly one request, with no injected line.
     */
    @Test
    void capturesCannotSplitAProxiedRequest() {
        List<String> wrong = new ArrayList<>();
        for (String request : List.of("/px/a%0d%0aX-Injected:%201", "/pq/a%0d%0aX-Injected:%201",
                "/pq/a%20HTTP/1.1%0d%0aX-Injected:%201%0d%0a%0d%0aGET%20/smuggled", "/px/a%00b", "/pq/a%00b",
                "/px/x?q=%0d%0aX-Injected:%201")) {
            backend.clear();
            RawResponse response = http.get(request, host);
            List<String> heads = backend.heads();
            boolean injected = heads.stream().anyMatch(h -> h.contains("\nX-Injected") || h.contains("smuggled HTTP"));
            if (heads.size() > 1 || injected || (response.status() != 200 && response.status() != 400)) {
                wrong.add(request + " -> " + response.status() + ", backend saw " + heads);
            }
        }
        assertEquals(List.of(), wrong);
    }

    // ---- 3. forwarded headers and hop-by-hop headers -----------------------------------------

    /** A client that is not a trusted proxy cannot forge where the request came from. */
    @Test
    void forwardingHeadersFromAnUntrustedClientAreDropped() {
        RawResponse response = http.get("/px/echo", host, "X-Forwarded-For: 6.6.6.6", "X-Forwarded-Proto: https",
                "X-Forwarded-Host: evil.example", "X-Forwarded-Port: 1", "Forwarded: for=6.6.6.6;proto=https",
                "x-forwarded-for: 7.7.7.7");
        assertEquals(200, response.status(), response.bodyText());
        String head = response.bodyText();
        assertFalse(head.contains("6.6.6.6") || head.contains("7.7.7.7") || head.contains("evil.example")
                || head.contains("https"), head);
        assertTrue(head.contains("\r\nX-Forwarded-For: 127.0.0.1\r\n"), head);
        assertTrue(head.contains("\r\nX-Forwarded-Proto: http\r\n"), head);
        assertEquals(1, backend.heads().size());
        assertEquals(403, http.get("/echo/office", host, "X-Forwarded-For: 10.9.1.1").status(),
                "IfNetwork must not believe a client's X-Forwarded-For");
    }

    /**
     * From a trusted proxy ({@code 127.0.0.2}) the chain is kept and extended, and conditions see
     * the first untrusted hop from the right.
     */
    @Test
    void forwardingHeadersFromATrustedProxyAreBelieved() throws Exception {
        RawHttp proxy = new RawHttp(new InetSocketAddress(InetAddress.getLoopbackAddress(), base.getPort()),
                RawHttp.DEFAULT_TIMEOUT, InetAddress.getByName("127.0.0.2"));
        RawResponse response = proxy.get("/px/echo", host, "X-Forwarded-For: 10.9.1.1", "X-Forwarded-Proto: https");
        String head = response.bodyText();
        assertTrue(head.contains("\r\nX-Forwarded-For: 10.9.1.1, 127.0.0.2\r\n"), head);
        assertTrue(head.contains("\r\nX-Forwarded-Proto: https\r\n"), head);
        assertEquals(200, proxy.get("/echo/office", host, "X-Forwarded-For: 10.9.1.1").status(),
                "the client a trusted proxy names is the one conditions see");
        assertEquals(403, proxy.get("/echo/office", host, "X-Forwarded-For: 10.9.1.1, 6.6.6.6").status(),
                "the first untrusted hop from the right is the client");
        Map<String, String> echo = EchoLines.parse(proxy.get("/echo/x", host, "X-Forwarded-For: 10.9.1.1").bodyText());
        assertEquals("/x", echo.get("pathInfo"));
    }

    /**
     * Hop-by-hop headers, and every header the client names in {@code Connection}, stop at
     * Turnpike; naming {@code X-Forwarded-For} there does not remove the one Turnpike adds
     * (CVE-2022-31813).
     */
    @Test
    void hopByHopHeadersNeverReachTheBackend() {
        RawResponse response = http.get("/px/echo", host, "Connection: keep-alive, X-Forwarded-For, X-Hop, Forwarded",
                "X-Hop: secret-hop", "Keep-Alive: timeout=5", "Proxy-Connection: keep-alive", "TE: trailers",
                "Trailer: X-T", "Proxy-Authorization: Basic c2VjcmV0OnNlY3JldA==", "Upgrade: websocket", "X-End: 1");
        String head = response.bodyText();
        assertEquals(200, response.status(), head);
        List<String> names = Stream.of(head.split("\r\n")).skip(1).filter(l -> l.indexOf(':') > 0)
                .map(l -> l.substring(0, l.indexOf(':')).toLowerCase(Locale.ROOT)).toList();
        for (String hop : List.of("x-hop", "keep-alive", "proxy-connection", "te", "trailer", "proxy-authorization",
                "upgrade")) {
            assertFalse(names.contains(hop), hop + " reached the backend: " + head);
        }
        assertTrue(names.contains("x-forwarded-for") && names.contains("forwarded") && names.contains("x-end"), head);
    }

    // ---- 4. ReDoS ------------------------------------------------------------------------------

    /**
     * Catastrophic regexps ({@code ^/redos/(a+)+$} as a rule, {@code ^(a|aa)+$} on a header) end
     * within their budget, treated as not matching, while ordinary requests keep being answered.
     */
    @Test
    void catastrophicPatternsCostBoundedTimeAndTheServerKeepsAnswering() throws Exception {
        assertEquals(403, http.get("/redos/aaaa", host).status());
        assertEquals(403, http.get("/hdr-redos", host, "X-Evil: aaaa").status());
        String evilPath = "/redos/" + "a".repeat(40) + "!";
        String evilHeader = "X-Evil: " + "a".repeat(80) + "!";
        ExecutorService attackers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> attacks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attacks.add(attackers.submit(() -> new RawHttp(base.getPort()).get(evilPath, host).status()));
                attacks.add(attackers.submit(() -> new RawHttp(base.getPort()).get("/hdr-redos", host, evilHeader)
                        .status()));
            }
            long worst = 0;
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                assertEquals(200, http.get("/page/ok", host).status());
                worst = Math.max(worst, System.nanoTime() - start);
            }
            for (Future<Integer> attack : attacks) {
                assertEquals(404, attack.get(10, TimeUnit.SECONDS), "the evil subject is treated as not matching");
            }
            assertTrue(worst < TimeUnit.SECONDS.toNanos(2), "an ordinary request took " + worst / 1_000_000 + " ms");
        } finally {
            attackers.shutdownNow();
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}

package dev.turnpike.it.smuggling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.it.ItConfig;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Request smuggling through Turnpike on WildFly, raw bytes on a socket, against a counting
 * backend of each protocol Turnpike forwards to:
 * <pre>
 *   /h/...   resin:HttpProxy      an HTTP/1.1 backend
 *   /f/...   resin:FastCgiProxy   a FastCGI responder
 *   /x/...   resin:LoadBalance    an HMUX server
 * </pre>
 * The invariant, for every case and backend: each request the server answered from a backend
 * reached that backend exactly once, no backend read a request nobody was answered for, no
 * backend received a request it could not frame, and none received a hop-by-hop header
 * ({@code Upgrade: h2c} included) or a header the client's {@code Connection} named. Most framing
 * tricks are refused by Undertow itself with 400 before Turnpike sees them; the table pins what the
 * browser gets.
 *
 * <p>The table runs in the default build; {@code -Dturnpike.adversarial=full} adds a generated
 * matrix of {@code Transfer-Encoding} and {@code Content-Length} spellings.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SmugglingIT {

    /** The wait for each byte of an answer: loopback answers come at once; a silent server costs this much. */
    private static final Duration WAIT = Duration.ofSeconds(2);

    /** Headers no backend may receive: hop-by-hop, h2c's, and the one the cases name in Connection. */
    private static final Set<String> NEVER_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "upgrade", "http2-settings", "x-secret", "expect", "proxy-authorization");

    private static CountingBackend http;
    private static CountingBackend fastCgi;
    private static CountingBackend hmux;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItConfig.ear();
    }

    @BeforeAll
    static void startBackends() throws Exception {
        http = CountingBackend.http();
        fastCgi = CountingBackend.fastCgi();
        hmux = CountingBackend.hmux();
        ItConfig.write("""
                <resin xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                  <cluster id="counting">
                    <server id="a" address="127.0.0.1" port="%d"/>
                  </cluster>
                  <web-app id="/">
                    <resin:HttpProxy regexp="^/h/" addresses="127.0.0.1:%d"/>
                    <resin:FastCgiProxy regexp="^/f/" address="127.0.0.1:%d" document-root="/srv"/>
                    <resin:LoadBalance regexp="^/x/" cluster="counting"/>
                  </web-app>
                </resin>
                """.formatted(hmux.port(), http.port(), fastCgi.port()));
    }

    @AfterAll
    static void stopBackends() throws Exception {
        try {
            ItConfig.restore();
        } finally {
            for (CountingBackend backend : new CountingBackend[] {http, fastCgi, hmux}) {
                if (backend != null) {
                    backend.close();
                }
            }
        }
    }

    @BeforeEach
    void awaitTheRules() throws Exception {
        for (String prefix : List.of("/h", "/f", "/x")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<RawExchange.Answer> last = List.of();
            while (System.nanoTime() < deadline) {
                last = RawExchange.send(base.getPort(), "GET " + prefix + "/ready.php HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n", null, WAIT);
                if (last.size() == 1 && last.get(0).seenBy() != null) {
                    break;
                }
                Thread.sleep(250);
            }
            assertTrue(last.size() == 1 && last.get(0).seenBy() != null, prefix + " not proxied within 60s: " + last);
        }
    }

    /**
     * One raw exchange: the bytes, with {@code {p}} for the backend's prefix, an optional body sent
     * after a {@code 100 Continue}, and what the client must get (statuses, with {@code +} for an
     * answer from the backend, empty when the server closed the connection without an answer,
     * {@code silent} when it neither answered nor closed it within the wait;
     * {@code http|fastcgi|hmux} where the protocols differ).
     */
    record Case(String name, String request, String afterContinue, String expected) {
        Case(String name, String request, String expected) {
            this(name, request, null, expected);
        }

        String forPrefix(String text, String prefix) {
            return text == null ? null : text.replace("{p}", prefix);
        }
    }

    private static final String HOST = "Host: localhost\r\n";

    static List<Case> table() {
        return List.of(
                // framing Turnpike could not state unambiguously: refused before any backend sees it
                new Case("Content-Length and Transfer-Encoding, a request hidden in the body",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + "0\r\n\r\nGET {p}/smuggled.php HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n",
                        "400"),
                new Case("Transfer-Encoding and a short Content-Length",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"
                                + "8\r\nSMUGGLED\r\n0\r\n\r\n", "400"),
                new Case("two different Content-Lengths",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Content-Length: 4\r\nContent-Length: 40\r\n"
                                + "Connection: close\r\n\r\nbody", "400"),
                new Case("a Content-Length list",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Content-Length: 4, 40\r\nConnection: close\r\n\r\nbody",
                        "400"),
                new Case("Content-Length with a sign",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Content-Length: +4\r\nConnection: close\r\n\r\nbody",
                        "400"),
                new Case("obs-fold hiding Transfer-Encoding",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Content-Length: 4\r\nX-A: a\r\n Transfer-Encoding: chunked"
                                + "\r\nConnection: close\r\n\r\nbody", "200+"),
                new Case("bare LF line ends",
                        "POST {p}/a.php HTTP/1.1\n" + HOST.replace("\r", "") + "Content-Length: 4\nConnection: close\n\n"
                                + "body", "200+"),
                new Case("bare CR inside a header",
                        "GET {p}/a.php HTTP/1.1\r\n" + HOST + "X-A: a\rTransfer-Encoding: chunked\r\nConnection: close"
                                + "\r\n\r\n", "silent"),
                new Case("NUL inside a header",
                        "GET {p}/a.php HTTP/1.1\r\n" + HOST + "X-A: a\0b\r\nConnection: close\r\n\r\n", "400"),
                new Case("Transfer-Encoding that is not chunked",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Transfer-Encoding: xchunked\r\nContent-Length: 4\r\n"
                                + "Connection: close\r\n\r\nbody", "400"),
                new Case("Transfer-Encoding with a space before the colon",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Transfer-Encoding : chunked\r\nContent-Length: 4\r\n"
                                + "Connection: close\r\n\r\nbody", "400"),
                new Case("Transfer-Encoding: chunked, identity",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked, identity\r\n"
                                + "Connection: close\r\n\r\n4\r\nbody\r\n0\r\n\r\n", "400"),
                new Case("chunk size beyond a long",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                                + "fffffffffffffffff1\r\nbody\r\n0\r\n\r\n", ""),
                new Case("chunk extension with a quoted CRLF",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                                + "4;a=\"x\r\nbody\r\n0\r\n\r\nGET {p}/smuggled.php HTTP/1.1\r\n" + HOST + "\r\n\"\r\n"
                                + "body\r\n0\r\n\r\n", "200+"),
                new Case("chunked with a bare LF chunk line",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                                + "4\nbody\r\n0\r\n\r\n", "200+"),
                new Case("chunked on HTTP/1.0",
                        "POST {p}/a.php HTTP/1.0\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\n4\r\nbody\r\n0\r\n\r\n",
                        "400"),
                new Case("a header of 100 KiB",
                        "GET {p}/a.php HTTP/1.1\r\n" + HOST + "X-A: " + "a".repeat(100 * 1024) + "\r\nConnection: close"
                                + "\r\n\r\n", "200+|502|502"),
                new Case("2000 headers",
                        "GET {p}/a.php HTTP/1.1\r\n" + HOST + "X-A: 1\r\n".repeat(2000) + "Connection: close\r\n\r\n",
                        "400"),

                // unusual but well framed: forwarded once each, without the connection's headers
                new Case("Upgrade: h2c",
                        "GET {p}/a.php HTTP/1.1\r\n" + HOST + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                                + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n", "101 200+"),
                new Case("Upgrade: h2c on a POST",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Connection: Upgrade, HTTP2-Settings, close\r\n"
                                + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nContent-Length: 4\r\n\r\nbody",
                        "101 200+"),
                // HTTP/1.0, so that the server closes after answering: it keeps an HTTP/1.1 connection
                // whose Connection header lists more than "close"
                new Case("hop-by-hop headers and one named by Connection",
                        "GET {p}/a.php HTTP/1.0\r\n" + HOST + "Connection: X-Secret\r\nX-Secret: 1\r\n"
                                + "Keep-Alive: timeout=5\r\nTE: trailers\r\nProxy-Connection: keep-alive\r\n"
                                + "Proxy-Authorization: Basic Zm9vOmJhcg==\r\n\r\n", "200+"),
                new Case("Expect: 100-continue, body after the 100",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Expect: 100-continue\r\nContent-Length: 4\r\n"
                                + "Connection: close\r\n\r\n", "body", "100 200+"),
                new Case("Expect: 100-continue with the body at once and a request after it",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Expect: 100-continue\r\nContent-Length: 4\r\n\r\nbody"
                                + "GET {p}/b.php HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n", "100 200+ 200+"),
                new Case("Expect: 100-continue on a request without a body, a request after it",
                        "GET {p}/a.php HTTP/1.1\r\n" + HOST + "Expect: 100-continue\r\n\r\n"
                                + "GET {p}/b.php HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n", "200+"),
                new Case("an expectation nobody knows",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Expect: 200-ok\r\nContent-Length: 4\r\n"
                                + "Connection: close\r\n\r\nbody", "200+"),
                new Case("two pipelined requests",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Content-Length: 4\r\n\r\nbody"
                                + "GET {p}/b.php HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n", "200+ 200+"),
                new Case("a chunked body",
                        "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                                + "2\r\nbo\r\n2;ext=1\r\ndy\r\n0\r\nX-Trailer: 1\r\n\r\n", "200+"));
    }

    /** A generated matrix of Transfer-Encoding and Content-Length spellings, for the full run. */
    static List<Case> generated() {
        List<Case> cases = new ArrayList<>();
        List<String> encodings = List.of("chunked", "Chunked", "CHUNKED", " chunked", "chunked ", "\tchunked",
                "chunked,", ",chunked", "chunked, chunked", "gzip, chunked", "chunked, gzip", "identity", "\"chunked\"",
                "chunked;q=1", "chunk", "ch\u00fcnked");
        List<String> names = List.of("Transfer-Encoding", "transfer-encoding", "Transfer_Encoding", "Transfer-Encoding ",
                " Transfer-Encoding", "Transfer-Encoding\t");
        for (String name : names) {
            for (String encoding : encodings) {
                for (String length : List.of("", "Content-Length: 4\r\n", "Content-Length: 40\r\n")) {
                    cases.add(new Case(name + ":" + encoding + "|" + length.strip(), "POST {p}/a.php HTTP/1.1\r\n" + HOST
                            + name + ":" + encoding + "\r\n" + length + "Connection: close\r\n\r\n4\r\nbody\r\n0\r\n\r\n"
                            + "GET {p}/smuggled.php HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n", "*"));
                }
            }
        }
        for (String length : List.of("4", " 4", "4 ", "04", "4.0", "0x4", "4,4", "4, 4", "-1", "", "99999999999999999999",
                "4\u00a0")) {
            cases.add(new Case("Content-Length:" + length, "POST {p}/a.php HTTP/1.1\r\n" + HOST + "Content-Length:" + length
                    + "\r\nConnection: close\r\n\r\nbodyGET {p}/smuggled.php HTTP/1.1\r\n" + HOST + "\r\n\r\n", "*"));
        }
        return cases;
    }

    @Test
    void everyRequestReachesItsBackendOnceOrNotAtAll() throws Exception {
        List<Case> cases = new ArrayList<>(table());
        if ("full".equals(System.getProperty("turnpike.adversarial"))) {
            cases.addAll(generated());
        }
        List<String> report = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Case c : cases) {
            for (CountingBackend backend : List.of(http, fastCgi, hmux)) {
                String prefix = switch (backend.protocol()) {
                    case "http" -> "/h";
                    case "fastcgi" -> "/f";
                    default -> "/x";
                };
                int before = backend.seen().size();
                List<RawExchange.Answer> answers = RawExchange.send(base.getPort(), c.forPrefix(c.request(), prefix),
                        c.forPrefix(c.afterContinue(), prefix), WAIT);
                List<CountingBackend.Seen> seen = backend.seen().subList(before, backend.seen().size());
                String got = answers.stream().map(SmugglingIT::shown).collect(Collectors.joining(" "));
                report.add(String.format("%-70s %-8s %-16s %s", c.name(), backend.protocol(), got, seen));
                check(c, backend, answers, seen, got, problems);
            }
        }
        System.out.println("SmugglingIT\n" + String.join("\n", report));
        assertEquals(List.of(), problems, String.join("\n", report));
        assertEquals(List.of(), http.unreadable(), "the HTTP backend read requests it could not frame");
        assertEquals(List.of(), fastCgi.unreadable(), "the FastCGI backend read records it could not frame");
        assertEquals(List.of(), hmux.unreadable(), "the HMUX backend read frames it could not frame");
    }

    /** An answer as the table writes it: {@code 200+} from the backend, {@code 400} from the server, or {@code silent}. */
    private static String shown(RawExchange.Answer answer) {
        if (answer == RawExchange.SILENT) {
            return "silent";
        }
        return answer.seenBy() != null ? answer.status() + "+" : Integer.toString(answer.status());
    }

    private static void check(Case c, CountingBackend backend, List<RawExchange.Answer> answers,
            List<CountingBackend.Seen> seen, String got, List<String> problems) {
        String where = c.name() + " [" + backend.protocol() + "]: ";
        long answeredByBackend = answers.stream().filter(a -> a.seenBy() != null).count();
        if (answeredByBackend != seen.size()) {
            problems.add(where + seen.size() + " requests reached the backend, " + answeredByBackend
                    + " answers came from it: " + seen + " / " + answers);
        }
        for (RawExchange.Answer answer : answers) {
            if (answer.seenBy() != null && !answer.seenBy().startsWith(backend.protocol() + " #")
                    && !answer.seenBy().equals(RawExchange.H2_ANSWER)) {
                problems.add(where + "an answer from another backend: " + answer);
            }
        }
        for (CountingBackend.Seen request : seen) {
            for (String header : request.headers()) {
                String name = header.startsWith("http_") ? header.substring(5).replace('_', '-') : header;
                boolean chunkedToHttp = backend.protocol().equals("http") && name.equals("transfer-encoding");
                if (NEVER_FORWARDED.contains(name) || name.equals("transfer-encoding") && !chunkedToHttp) {
                    problems.add(where + "the backend received " + header + ": " + request);
                }
            }
        }
        String expected = c.expected();
        if (expected.contains("|")) {
            String[] byProtocol = expected.split("\\|", -1);
            expected = byProtocol[List.of("http", "fastcgi", "hmux").indexOf(backend.protocol())];
        }
        if (!expected.equals("*") && !expected.equals(got)) {
            problems.add(where + "expected \"" + expected + "\", got \"" + got + "\"");
        }
    }
}

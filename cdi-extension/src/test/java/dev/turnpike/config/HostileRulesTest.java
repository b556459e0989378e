package dev.turnpike.config;

import static dev.turnpike.config.Rules.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.turnpike.rules.TestRequest;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules meeting hostile input: redirects whose captures point elsewhere, dispatch targets whose
 * captures climb out of their directory, catastrophic condition regexps. The subject here is what
 * the servlet container hands over (decoded, normalised); a literal {@code %2e} in it comes from
 * a double-encoded request.
 */
class HostileRulesTest {

    private static final String MOVED = "<resin:MovedPermanently regexp='^/r/(.*)' target='/$1'/>";
    private static final String MOVED_ANY = "<resin:MovedPermanently regexp='^/r/(.*)' target='$1'/>";
    private static final String REDIRECT = "<resin:Redirect regexp='^/r/(.*)' target='/$1'/>";
    private static final String REDIRECT_ANY = "<resin:Redirect regexp='^/r/(.*)' target='$1'/>";
    private static final String ABSOLUTE = "<resin:Redirect regexp='^/r/(.*)' target='http://other.example/$1'/>";
    private static final String RESIN3 = "<rewrite-dispatch><redirect regexp='^/r3/(.*)' target='/$1'/>"
            + "<moved-permanently regexp='^/m3/(.*)' target='/$1'/></rewrite-dispatch>";
    private static final String DISPATCH = "<resin:Dispatch regexp='^/p/(.*)' target='/echo/$1'/>";
    private static final String DISPATCH_ROOT = "<resin:Dispatch regexp='^/p/(.*)' target='/$1'/>";
    private static final String FORWARD = "<resin:Forward regexp='^/f/(.*)' target='/echo/$1'/>";
    private static final String VIEWS = "<resin:Dispatch regexp='^/v/(.*)' target='/WEB-INF/views/$1'/>";
    private static final String PROXY = "<resin:HttpProxy regexp='^/api/(.*)' target='/public/$1' address='127.0.0.1:8081'/>";
    private static final String FULL_URL = "<rewrite-dispatch><dispatch full-url-regexp='^/q\\?f=(.*)' target='/echo/$1'/>"
            + "</rewrite-dispatch>";

    static Stream<Arguments> decides() {
        return Stream.of(
                // open redirects: a target that is not absolute stays on this server (a wrong result
                // would be a Location starting // or \\, or with a scheme from the capture)
                rule(MOVED, "/r//evil.example", "301 /evil.example"),
                rule(MOVED, "/r/\\evil.example", "301 /evil.example"),
                rule(MOVED, "/r/\\/\\/evil.example/x?y", "301 /evil.example/x?y"),
                rule(MOVED_ANY, "/r/\\\\evil.example", "301 /evil.example"),
                rule(MOVED_ANY, "/r//\\evil.example", "301 /evil.example"),
                rule(MOVED_ANY, "/r/https:evil.example", "301 /https:evil.example"),
                rule(MOVED_ANY, "/r/javascript:alert(1)", "301 /javascript:alert(1)"),
                rule(MOVED_ANY, "/r/HTTP://evil.example/", "301 /HTTP://evil.example/"),
                rule(MOVED_ANY, "/r/relative/page", "301 relative/page"),
                rule(REDIRECT, "/r//evil.example", "302 http://example.com/evil.example"),
                rule(REDIRECT_ANY, "/r/https://evil.example/x", "302 http://example.com/https://evil.example/x"),
                rule(REDIRECT_ANY, "/r/\\\\evil.example", "302 http://example.com/evil.example"),
                rule(RESIN3, "/r3//evil.example", "302 http://example.com/evil.example"),
                rule(RESIN3, "/m3/\\\\evil.example", "301 /evil.example"),
                // an absolute configured target keeps its own host whatever follows it
                rule(ABSOLUTE, "/r//x", "302 http://other.example//x"),
                // ordinary redirects are as before
                rule(MOVED, "/r/a/b?c", "301 /a/b?c"),
                rule(REDIRECT, "/r/a b", "302 http://example.com/a%20b"),
                // CR LF never reach the Location
                rule(MOVED, "/r/a\r\nSet-Cookie: x=1", "301 /a%0d%0aSet-Cookie:%20x=1"),
                // dispatch targets: decoded captures that climb, or reach WEB-INF/META-INF, are refused
                rule(DISPATCH, "/p/ok/x", "dispatch /echo/ok/x"),
                rule(DISPATCH, "/p/..x/y.", "dispatch /echo/..x/y."),
                rule(DISPATCH, "/p/../WEB-INF/web.xml", "400"),
                rule(DISPATCH, "/p/%2e%2e/WEB-INF/web.xml", "400"),
                rule(DISPATCH, "/p/%2E./x", "400"),
                rule(DISPATCH, "/p/..;x=1/x", "400"),
                rule(DISPATCH, "/p/%252e%252e/x", "400"),
                rule(DISPATCH, "/p/..%2fWEB-INF", "400"),
                rule(DISPATCH, "/p/a\\b", "400"),
                rule(DISPATCH, "/p/%5c..%5cx", "400"),
                rule(DISPATCH, "/p/a\u0000b", "400"),
                rule(DISPATCH, "/p/%00", "400"),
                rule(DISPATCH, "/p/%c0%ae%c0%ae/x", "400"),
                rule(DISPATCH, "/p/%u002e%u002e/x", "400"),
                rule(DISPATCH, "/p/100%", "dispatch /echo/100%"),
                rule(DISPATCH, "/p/caf\u00e9", "dispatch /echo/caf\u00e9"),
                rule(DISPATCH_ROOT, "/p/WEB-INF/web.xml", "404"),
                rule(DISPATCH_ROOT, "/p/web-inf/web.xml", "404"),
                rule(DISPATCH_ROOT, "/p//META-INF/x", "404"),
                rule(DISPATCH_ROOT, "/p/%57EB-INF/web.xml", "404"),
                rule(DISPATCH_ROOT, "/p/WEB-INF;x/web.xml", "404"),
                rule(DISPATCH_ROOT, "/p/WEB-INFO/x", "dispatch /WEB-INFO/x"),
                rule(FORWARD, "/f/%2e%2e/WEB-INF/web.xml", "400"),
                rule(FORWARD, "/f/x", "forward /echo/x"),
                rule(VIEWS, "/v/a.jsp", "dispatch /WEB-INF/views/a.jsp"),
                rule(VIEWS, "/v/%2e%2e/web.xml", "400"),
                rule(FULL_URL, "/q?f=../WEB-INF/web.xml", "400"),
                rule(FULL_URL, "/q?f=..%2fWEB-INF%2fweb.xml", "400"),
                rule(FULL_URL, "/q?f=x", "dispatch /echo/x"),
                rule(PROXY, "/api/%2e%2e/admin", "400"),
                rule(PROXY, "/api/WEB-INF/x", "proxy HTTP /public/WEB-INF/x"),
                rule(PROXY, "/api/x", "proxy HTTP /public/x"),
                // SetHeader values are constants: a capture is never substituted into a header
                rule("<resin:Dispatch regexp='^/h/(.*)' target='/echo/$1'><resin:SetHeader name='X' value='$1'/>"
                        + "</resin:Dispatch>", "/h/a", "dispatch /echo/a + set X: $1"));
    }

    @ParameterizedTest
    @MethodSource
    void decides(String rules, String request, UnaryOperator<TestRequest> setup, String expected) {
        assertEquals(expected, Rules.decide(Rules.webApp(rules), setup.apply(TestRequest.get(request))));
    }

    static Stream<Arguments> catastrophicRegexpsOnClientTextEndInTime() {
        String evil = "a".repeat(64) + "!";
        String header = "<resin:Forbidden regexp='^/x'><resin:IfHeader name='X-A' regexp='^(a|aa)+$'/></resin:Forbidden>";
        return Stream.of(
                rule(header, "/x", r -> r.withHeader("X-A", evil), "pass + private unless vary"),
                rule(header, "/x", r -> r.withHeader("X-A", "aaaa"), "403 + private unless vary"),
                rule("<resin:Forbidden regexp='^/x'><resin:Not><resin:IfHeader name='X-A' regexp='^(a+)+$'/></resin:Not>"
                        + "</resin:Forbidden>", "/x", r -> r.withHeader("X-A", evil), "403 + private unless vary"),
                rule("<resin:Forbidden regexp='^/x'><resin:IfCookie name='c' regexp='^(a|aa)+$'/></resin:Forbidden>",
                        "/x", r -> r.withCookie("c", evil), "pass + private unless vary"),
                rule("<resin:Forbidden regexp='^/x'><resin:IfQueryParam name='q' regexp='^(a|aa)+$'/></resin:Forbidden>",
                        "/x?q=" + evil, "pass"),
                rule("<rewrite-dispatch><forbidden regexp='^/x'><when header='X-A' regexp='^(a|aa)+$'/></forbidden>"
                        + "</rewrite-dispatch>", "/x", r -> r.withHeader("X-A", evil), "pass + merge Vary: X-A, private unless vary"),
                rule("<resin:SetHeader regexp='^/(a|aa)+$' name='X-B' value='1'/>", "/" + evil, "pass"),
                rule("<resin:SetHeader regexp='^/(a|aa)+$' name='X-B' value='1'/>", "/aaaa", "pass + set X-B: 1"));
    }

    /**
     * Condition and filter regexps meet text the client chose (headers, cookies, parameters): a
     * backtracking pattern gives up within the matching budget and counts as not matching. A wrong
     * result would hold the thread for longer than the universe is old.
     */
    @ParameterizedTest
    @MethodSource
    void catastrophicRegexpsOnClientTextEndInTime(String rules, String request, UnaryOperator<TestRequest> setup,
                                                  String expected) {
        String decided = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Rules.decide(Rules.webApp(rules), setup.apply(TestRequest.get(request))));
        assertEquals(expected, decided);
    }
}

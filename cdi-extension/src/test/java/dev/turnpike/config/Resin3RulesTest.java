package dev.turnpike.config;

import static dev.turnpike.config.Rules.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnpike.rules.TestRequest;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Resin 3.1 {@code <rewrite-dispatch>} rules and conditions, read from XML and applied to requests. */
class Resin3RulesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                rule("<forbidden regexp='^/secret'/>", "/secret/x", "403"),
                rule("<gone regexp='^/old'/>", "/old", "410"),
                rule("<not-found regexp='^/nf'/>", "/nf", "404"),
                rule("<redirect regexp='^/old/(.*)' target='/new/$1'/>", "/old/x?a=1", "302 http://example.com/new/x?a=1"),
                rule("<redirect regexp='^/s' target='/find?e=2'/>", "/s?q=1", "302 http://example.com/find?e=2&q=1"),
                rule("<redirect regexp='a' target='b'/>", "/aaa", "302 http://example.com/bbb"),
                rule("<moved-permanently regexp='^/m/(.*)' target='/n/$1'/>", "/m/x?a=1", "301 /n/x?a=1"),
                rule("<moved-permanently regexp='^/m' target='/n?b=2'/>", "/m?a=1", "301 /n?b=2"),
                rule("<dispatch regexp='^/d/(.*)' target='/echo/$1'/>", "/d/x?a=1", "dispatch /echo/x"),
                rule("<dispatch regexp='^/d'/>", "/d", "stop"),
                rule("<forward regexp='^/f/(.*)' target='/echo/$1'/>", "/f/x", "forward /echo/x"),
                rule("<forward regexp='^/f' absolute-target='/shop/x'/>", "/f", "forward-root /shop/x"),
                rule("<rewrite regexp='^/r/(.*)' target='/t/$1'/><forward regexp='^/t/(.*)' target='/u/$1'/>", "/r/x",
                        "forward /u/x"),
                rule("<rewrite regexp='^/r/(.*)' replacement='/t/$1'/><forward regexp='^/t/' target='/u'/>", "/r/x",
                        "forward /ux"),
                rule("<rewrite regexp='^/r' target='/t'/>", "/r", "pass"),
                rule("<redirect full-url-regexp='^/find\\?q=(.*)' target='/search/$1'/>", "/find?q=abc",
                        "302 http://example.com/search/abc?q=abc"),
                rule("<match regexp='^/a/'><forbidden regexp='x'/><redirect regexp='y' target='/z'/></match>"
                        + "<forbidden regexp='^/b'/>", "/a/y", "302 http://example.com/a//z"),
                rule("<match regexp='^/a/'><forbidden regexp='x'/></match><not-found regexp='^/a'/>", "/a/q", "404"),
                rule("<match regexp='^/a/'><rewrite regexp='/a/' target='/b/'/></match><forbidden regexp='^/b/'/>",
                        "/a/q", "403"),
                rule("<set request-secure='true'/><forbidden><when secure='true'/></forbidden>", "/x", "403 + private unless vary, secure true"),
                rule("<load-balance regexp='^/app/' cluster='tier'/>", "/app/x", "proxy cluster /app/x"),
                rule("<proxy regexp='^/p/' address='127.0.0.1:81'/>", "/p/q", "proxy HTTP /p/q"),
                // conditions and the headers they leave
                rule("<redirect regexp='^/r' target='/m'><when header='X-A' regexp='b'/></redirect>", "/r",
                        r -> r.withHeader("X-A", "b"), "302 http://example.com/m + merge Vary: X-A, private unless vary"),
                rule("<redirect regexp='^/r' target='/m'><when header='X-A' regexp='b'/></redirect>", "/r",
                        "pass + merge Vary: X-A, private unless vary"),
                rule("<redirect regexp='^/r' target='/m'><when header='X-A' send-vary='false'/></redirect>", "/r",
                        "pass + private unless vary"),
                rule("<forbidden><when cookie='session' regexp='^adm'/></forbidden>", "/x",
                        r -> r.withCookie("session", "admin"), "403 + merge Vary: Cookie, private unless vary"),
                rule("<forbidden><unless header='X-Ok'/></forbidden>", "/x", "403 + merge Vary: X-Ok, private unless vary"),
                rule("<forbidden><when query-param='debug' regexp='1'/></forbidden>", "/x?debug=1", "403 + private unless vary"),
                rule("<forbidden><when query-param='debug'/></forbidden>", "/x", r -> r.withFormParameter("debug", "1"),
                        "pass + private unless vary"),
                rule("<forbidden><when remote-addr='192.168'/></forbidden>", "/x", r -> r.withRemoteAddr("192.168.4.4"),
                        "403 + cache-control private, private unless vary"),
                rule("<forbidden><when auth-type='form' send-vary='false'/></forbidden>", "/x",
                        r -> r.withUser("FORM", "ann"), "403 + cache-control private, private unless vary"),
                rule("<forbidden><when remote-user='ann'/></forbidden>", "/x", r -> r.withUser("FORM", "ann"),
                        "403 + merge Vary: Cookie, private unless vary"),
                rule("<forbidden><when user-in-role='admin'/></forbidden>", "/x", r -> r.withUser("FORM", "ann", "admin"),
                        "403 + merge Vary: Cookie, private unless vary"),
                rule("<forbidden><when locale='^FR'/></forbidden>", "/x", r -> r.withHeader("Accept-Language", "fr-ca"),
                        "403 + merge Vary: Accept-Language, private unless vary"),
                rule("<forbidden><when method='POST'/></forbidden>", "/x", r -> r.withMethod("POST"), "403 + private unless vary"),
                rule("<forbidden><when server-name='^EXAMPLE'/></forbidden>", "/x", "403 + private unless vary"),
                rule("<forbidden><when server-port='80'/></forbidden>", "/x", "403 + private unless vary"),
                rule("<forbidden><when local-port='8080'/></forbidden>", "/x", "403 + private unless vary"),
                rule("<forbidden><when exists='ignored'/></forbidden>", "/x", r -> r.withFileExists(true), "403 + private unless vary"),
                rule("<forbidden><when expr='${false}'/></forbidden>", "/x", "pass + private unless vary"),
                rule("<forbidden><or><when method='PUT'/><when header='X'/></or></forbidden>", "/x",
                        r -> r.withHeader("X", "1"), "403 + merge Vary: X, private unless vary"),
                rule("<forbidden><and><when method='GET'/><when header='X'/></and></forbidden>", "/x",
                        "pass + merge Vary: X, private unless vary"),
                rule("<forbidden><not><when method='PUT'/><when header='X'/></not></forbidden>", "/x",
                        "403 + merge Vary: X, private unless vary"),
                rule("<forbidden><when method='PUT'/><when header='X'/></forbidden>", "/x", "pass + private unless vary"),
                // switches
                rule("<forbidden regexp='^/x' name='maintenance' enabled='false'/>", "/x", "pass"),
                rule("<forbidden regexp='^/x' enabled='false' enable-at='* * * * *'/>", "/x", "403"),
                rule("<forbidden regexp='^/x' enable-at='0 0 1 1 *' disable-at='* * * * *'/>", "/x", "pass"));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("cases")
    void decides(String rules, String request, UnaryOperator<TestRequest> setup, String expected) {
        String document = "<web-app xmlns='http://caucho.com/ns/resin'><rewrite-dispatch>" + rules
                + "</rewrite-dispatch></web-app>";
        assertEquals(expected, Rules.decide(Rules.document(document.replace('\'', '"')),
                setup.apply(TestRequest.get(request))));
    }
}

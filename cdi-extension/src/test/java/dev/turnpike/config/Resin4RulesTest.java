package dev.turnpike.config;

import static dev.turnpike.config.Rules.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnpike.rules.TestRequest;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Resin 4 {@code resin:*} rules, conditions and filters, read from XML and applied to requests. */
class Resin4RulesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // actions
                rule("<resin:Forbidden regexp='^/secret'/>", "/secret/x", "403"),
                rule("<resin:Forbidden regexp='^/secret'/>", "/public/secret", "pass"),
                rule("<resin:NotFound regexp='\\.bak$'/>", "/a/b.bak", "404"),
                rule("<resin:SendError regexp='^/teapot' code='418' message='short and stout'/>", "/teapot",
                        "418 short and stout"),
                rule("<resin:SendError regexp='^/e'/>", "/e", "403"),
                rule("<resin:Redirect regexp='^/old/(.*)' target='/new/$1'/>", "/old/a/b?x=1",
                        "302 http://example.com/new/a/b?x=1"),
                rule("<resin:Redirect regexp='^/s' target='/find?engine=2'/>", "/s?q=1",
                        "302 http://example.com/find?engine=2"),
                rule("<resin:Redirect regexp='^/x' target='https://other.example/y'/>", "/x/z",
                        "302 https://other.example/y/z"),
                rule("<resin:MovedPermanently regexp='^/old/(.*)' target='/new/$1'/>", "/old/x?q=1", "301 /new/x?q=1"),
                rule("<resin:Dispatch regexp='^/d/(.*)' target='/echo/$1'/>", "/d/a/b?q=1", "dispatch /echo/a/b"),
                rule("<resin:Dispatch regexp='^/plain'/>", "/plain", "stop"),
                rule("<resin:Forward regexp='^/f/(.*)' target='/echo/$1'/>", "/f/x", "forward /echo/x"),
                rule("<resin:Forward regexp='a' target='b'/>", "/aaa", "forward /bbb"),
                rule("<resin:Forward regexp='^/f' absolute-target='/shop/x'/>", "/f", "forward-root /shop/x"),
                rule("<resin:Redirect regexp='a' target='b'/>", "/aaa", "302 http://example.com/baa"),
                rule("<resin:Dispatch regexp='^' target='/index.php'/>", "/Main_Page", "dispatch /index.php/Main_Page"),
                rule("<resin:Dispatch regexp='^/item/(\\d+)' target='/e/item?id=$1'/>", "/item/42/extra",
                        "dispatch /e/item?id=42/extra"),
                rule("<resin:RedirectSecure regexp='^/login'/>", "/login?next=1",
                        "302 https://example.com/login?next=1"),
                rule("<resin:HttpProxy regexp='^/api/' address='127.0.0.1:8081'/>", "/api/x", "proxy HTTP /api/x"),
                rule("<resin:FastCgiProxy regexp='\\.php$'><address>127.0.0.1:9000</address></resin:FastCgiProxy>",
                        "/a.php", "proxy FastCGI /a.php"),
                rule("<resin:LoadBalance regexp='^/app/' cluster='app-tier'/>", "/app/x", "proxy cluster /app/x"),
                rule("<resin:LoadBalance regexp='^/app/(.*)' cluster='app-tier' target='/v2/$1'/>", "/app/x",
                        "proxy cluster /v2/x"),
                // first match wins; rewrite changes what later rules see
                rule("<resin:Forbidden regexp='^/a'/><resin:Redirect regexp='^/a' target='/b'/>", "/a", "403"),
                rule("<resin:Rewrite regexp='^/r/(.*)' target='/echo/$1'/><resin:Dispatch regexp='^/echo/'/>",
                        "/r/x", "stop"),
                rule("<resin:Rewrite regexp='^/r/(.*)' target='/t/$1'/><resin:Forward regexp='^/t/(.*)' target='/u/$1'/>",
                        "/r/x", "forward /u/x"),
                rule("<resin:Rewrite regexp='^/r' target='/t'/>", "/r", "pass"),
                // conditions
                rule("<resin:Forbidden><resin:IfHeader name='X-A' regexp='b'/></resin:Forbidden>", "/x",
                        r -> r.withHeader("X-A", "abc"), "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfHeader name='X-A' regexp='b'/></resin:Forbidden>", "/x",
                        r -> r.withHeader("X-A", "zzz"), "pass + private unless vary"),
                rule("<resin:Forbidden><resin:IfHeader name='X-A'/></resin:Forbidden>", "/x", "pass + private unless vary"),
                rule("<resin:Forbidden><resin:IfCookie name='role' value='^admin$'/></resin:Forbidden>", "/x",
                        r -> r.withCookie("role", "admin"), "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfMethod value='POST'/></resin:Forbidden>", "/x",
                        r -> r.withMethod("POST"), "403"),
                rule("<resin:Forbidden><resin:IfMethod value='post'/></resin:Forbidden>", "/x",
                        r -> r.withMethod("POST"), "pass"),
                rule("<resin:Forbidden><resin:IfQueryParam name='debug' regexp='^1$'/></resin:Forbidden>", "/x?debug=1",
                        "403"),
                rule("<resin:Forbidden><resin:IfQueryParam name='debug'/></resin:Forbidden>", "/x",
                        r -> r.withFormParameter("debug", "yes"), "403"),
                rule("<resin:Forbidden><resin:IfSecure/></resin:Forbidden>", "/x", r -> r.withSecure(true),
                        "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfSecure value='false'/></resin:Forbidden>", "/x",
                        "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfNetwork value='10.0.0.0/8'/></resin:Forbidden>", "/x",
                        r -> r.withRemoteAddr("10.1.2.3"), "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfNetwork><value>192.168/16</value><value>10/8</value></resin:IfNetwork>"
                        + "</resin:Forbidden>", "/x", r -> r.withRemoteAddr("192.168.9.9"), "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfNetwork value='10.0.0.0/8'/></resin:Forbidden>", "/x",
                        r -> r.withRemoteAddr("11.0.0.1"), "pass + private unless vary"),
                rule("<resin:Forbidden><resin:IfRemoteAddr value='127.0.0.1'/></resin:Forbidden>", "/x",
                        "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfAuthType value='none'/></resin:Forbidden>", "/x",
                        "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfAuthType value='BASIC'/></resin:Forbidden>", "/x",
                        r -> r.withUser("BASIC", "ann"), "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfRemoteUser value='ann'/></resin:Forbidden>", "/x",
                        r -> r.withUser("FORM", "ann"), "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfUserInRole role='admin'/></resin:Forbidden>", "/x",
                        r -> r.withUser("FORM", "ann", "admin"), "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfUserInRole role='*'/></resin:Forbidden>", "/x",
                        "pass + private unless vary"),
                rule("<resin:Forbidden><resin:IfUserInRole/></resin:Forbidden>", "/x", r -> r.withUser("FORM", "bob"),
                        "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfLocale value='^fr'/></resin:Forbidden>", "/x",
                        r -> r.withHeader("Accept-Language", "FR-ca, en;q=0.9"), "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfLocale value='fr_CA'/></resin:Forbidden>", "/x",
                        r -> r.withHeader("Accept-Language", "fr-ca"), "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfLocalPort value='8080'/></resin:Forbidden>", "/x",
                        "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfServerPort value='80'/></resin:Forbidden>", "/x",
                        "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfServerName regexp='^example'/></resin:Forbidden>", "/x",
                        "403 + private unless vary"),
                rule("<resin:Forbidden><resin:IfFileExists/></resin:Forbidden>", "/x", r -> r.withFileExists(true), "403"),
                rule("<resin:Forbidden><resin:IfCron enable-at='* * * * *' disable-at='0 0 1 1 *'/></resin:Forbidden>",
                        "/x", "403 + private unless vary"),
                rule("<resin:Forbidden><resin:And><resin:IfMethod value='GET'/><resin:IfHeader name='X'/></resin:And>"
                        + "</resin:Forbidden>", "/x", r -> r.withHeader("X", "1"), "403 + private unless vary"),
                rule("<resin:Forbidden><resin:Or><resin:IfMethod value='PUT'/><resin:IfHeader name='X'/></resin:Or>"
                        + "</resin:Forbidden>", "/x", r -> r.withHeader("X", "1"), "403 + private unless vary"),
                rule("<resin:Forbidden><resin:Not><resin:IfMethod value='GET'/></resin:Not></resin:Forbidden>", "/x",
                        "pass + private unless vary"),
                rule("<resin:Forbidden><resin:NotAnd><resin:IfMethod value='GET'/><resin:IfHeader name='X'/>"
                        + "</resin:NotAnd></resin:Forbidden>", "/x", "403 + private unless vary"),
                rule("<resin:Forbidden><resin:NotOr><resin:IfMethod value='PUT'/><resin:IfHeader name='X'/>"
                        + "</resin:NotOr></resin:Forbidden>", "/x", "403 + private unless vary"),
                rule("<resin:Forbidden><resin:And/></resin:Forbidden>", "/x", "403 + private unless vary"),
                rule("<resin:Forbidden><resin:Or/></resin:Forbidden>", "/x", "pass + private unless vary"),
                rule("<resin:Forbidden><resin:IfMethod value='GET'/><resin:IfHeader name='X'/></resin:Forbidden>", "/x",
                        "pass + private unless vary"),
                // filters
                rule("<resin:SetHeader name='X-Frame-Options' value='DENY'/>", "/any", "pass + set X-Frame-Options: DENY"),
                rule("<resin:SetHeader regexp='^/img/' name='Cache-Control' value='max-age=60'/>", "/other", "pass"),
                rule("<resin:AddHeader name='X-A' value='1'/><resin:SetVary value='Accept'/>", "/",
                        "pass + add X-A: 1, add Vary: Accept"),
                rule("<resin:SetRequestSecure/><resin:Forbidden><resin:IfSecure/></resin:Forbidden>", "/x",
                        "403 + private unless vary, secure true"),
                rule("<resin:Redirect regexp='^/r' target='/t'><resin:SetHeader name='X-R' value='1'/></resin:Redirect>",
                        "/r", "302 http://example.com/t + set X-R: 1"),
                rule("<resin:Redirect regexp='^/r' target='/t'><resin:SetHeader name='X-R' value='1'/></resin:Redirect>",
                        "/q", "pass"),
                rule("<resin:SetHeader name='X-Bot' value='1'><resin:IfHeader name='User-Agent' regexp='bot'/>"
                        + "</resin:SetHeader>", "/", r -> r.withHeader("User-Agent", "a bot"), "pass + set X-Bot: 1"),
                // Location groups
                rule("<resin:Location regexp='^/admin'><resin:IfNetwork value='10.0.0.0/8'/>"
                        + "<resin:Dispatch/></resin:Location><resin:Forbidden regexp='^/admin'/>", "/admin/x",
                        r -> r.withRemoteAddr("10.0.0.5"), "stop + private unless vary"),
                rule("<resin:Location regexp='^/admin'><resin:IfNetwork value='10.0.0.0/8'/>"
                        + "<resin:Dispatch/></resin:Location><resin:Forbidden regexp='^/admin'/>", "/admin/x",
                        r -> r.withRemoteAddr("8.8.8.8"), "403 + private unless vary"),
                // encodings of the subject are the decoded path
                rule("<resin:Redirect regexp='^/caf\u00e9' target='/cafe'/>", "/caf\u00e9", "302 http://example.com/cafe"),
                rule("<resin:Redirect regexp='^/a b' target='/x y'/>", "/a b", "302 http://example.com/x%20y"));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("cases")
    void decides(String rules, String request, UnaryOperator<TestRequest> setup, String expected) {
        assertEquals(expected, Rules.decide(Rules.webApp(rules.replace('\'', '"')), setup.apply(TestRequest.get(request))));
    }
}

package dev.turnpike.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    private static Pattern p(String regexp) {
        return Pattern.compile(regexp);
    }

    private static Redirect redirect(String regexp, String target, RequestPredicate... conditions) {
        return new Redirect(p(regexp), Target.of(target, p(regexp)), List.of(conditions), "t.xml:" + regexp);
    }

    @Test
    void noRuleMatchedPasses() {
        RuleSet rules = new RuleSet(List.of(new Forbidden(p("^/private/"), List.of(), "t.xml:1:1")), "t.xml");
        assertSame(Decision.PASS, rules.evaluate(TestRequest.get("/public/private/x")));
    }

    @Test
    void firstMatchWinsInDocumentOrder() {
        Forbidden forbidden = new Forbidden(p("^/a"), List.of(), "t.xml:1:1");
        RuleSet rules = new RuleSet(List.of(forbidden, redirect("^/a", "/b")), "t.xml");
        assertEquals(new Decision.SendError(forbidden, 403), rules.evaluate(TestRequest.get("/a")));
    }

    @Test
    void regexpFindsAnywhereUnlessAnchored() {
        Forbidden forbidden = new Forbidden(p("\\.bak$"), List.of(), "t.xml:1:1");
        RuleSet rules = new RuleSet(List.of(forbidden), "t.xml");
        assertEquals(403, ((Decision.SendError) rules.evaluate(TestRequest.get("/deep/dir/file.bak"))).status());
        assertSame(Decision.PASS, rules.evaluate(TestRequest.get("/file.bak.txt")));
    }

    @Test
    void failingConditionDefersToTheNextRule() {
        IfHeader mobile = new IfHeader("User-Agent", p("(?i)iphone"));
        Redirect toMobile = redirect("^/$", "/m/", mobile);
        Redirect toHome = redirect("^/$", "/home");
        RuleSet rules = new RuleSet(List.of(toMobile, toHome), "t.xml");

        Decision phone = rules.evaluate(TestRequest.get("/").withHeader("User-Agent", "Mozilla (iPhone)"));
        Decision desktop = rules.evaluate(TestRequest.get("/").withHeader("User-Agent", "Mozilla (X11)"));

        assertEquals(new Decision.Redirect(toMobile, 302, "http://example.com/m/"), phone);
        assertEquals(new Decision.Redirect(toHome, 302, "http://example.com/home"), desktop);
    }

    @Test
    void ifHeaderWithoutRegexpTestsPresence() {
        IfHeader present = new IfHeader("X-Debug", null);
        assertEquals(true, present.isMatch(TestRequest.get("/").withHeader("x-debug", "")));
        assertEquals(false, present.isMatch(TestRequest.get("/")));
    }

    @Test
    void redirectIsAbsoluteAndKeepsTheQueryWhenTheTargetHasNone() {
        Redirect rule = redirect("^/old/(.*)$", "/new/$1");
        Decision decision = new RuleSet(List.of(rule), "t.xml").evaluate(TestRequest.get("/old/a/b?x=1&y=2"));
        assertEquals(new Decision.Redirect(rule, 302, "http://example.com/new/a/b?x=1&y=2"), decision);
    }

    @Test
    void redirectDropsTheRequestQueryWhenTheTargetHasOne() {
        Redirect rule = redirect("^/search$", "/find?engine=new");
        Decision decision = new RuleSet(List.of(rule), "t.xml").evaluate(TestRequest.get("/search?q=x"));
        assertEquals(new Decision.Redirect(rule, 302, "http://example.com/find?engine=new"), decision);
    }

    @Test
    void movedPermanentlyKeepsTheTargetAsWritten() {
        MovedPermanently rule = new MovedPermanently(p("^/old/(.*)$"), Target.of("/new/$1", p("^/old/(.*)$")),
                List.of(), "t.xml:1:1");
        Decision decision = new RuleSet(List.of(rule), "t.xml").evaluate(TestRequest.get("/old/x?q=1"));
        assertEquals(new Decision.Redirect(rule, 301, "/new/x?q=1"), decision);
    }

    @Test
    void ruleWithoutRegexpAlwaysApplies() {
        Forbidden rule = new Forbidden(null, List.of(new IfHeader("X-Block", null)), "t.xml:1:1");
        RuleSet rules = new RuleSet(List.of(rule), "t.xml");
        assertEquals(new Decision.SendError(rule, 403), rules.evaluate(TestRequest.get("/any").withHeader("X-Block", "1")));
        assertSame(Decision.PASS, rules.evaluate(TestRequest.get("/any")));
    }

    @Test
    void rulesPrintInConfigurationSyntax() {
        Forbidden rule = new Forbidden(p("^/a\"<b>&"), List.of(new IfHeader("Host", p("x"))), "t.xml:1:1");
        assertEquals("<resin:Forbidden regexp=\"^/a&quot;&lt;b&gt;&amp;\"><resin:IfHeader name=\"Host\" regexp=\"x\"/>"
                + "</resin:Forbidden>", rule.toString());
        assertEquals("<resin:Redirect regexp=\"^/o/(.*)\" target=\"/n/$1\"/>", redirect("^/o/(.*)", "/n/$1").toString());
    }
}

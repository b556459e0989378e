package dev.turnpike.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.config.beans.Banner;
import dev.turnpike.config.beans.HeaderEquals;
import dev.turnpike.config.beans.Ordinary;
import dev.turnpike.rules.MatchRule;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.custom.CustomCondition;
import dev.turnpike.rules.custom.CustomDispatch;
import dev.turnpike.rules.custom.ServletFilterRule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Application classes in {@code urn:java:} namespaces as conditions, rules and filters. */
class CustomTagsTest {

    private static final String OPEN = "<web-app xmlns=\"http://caucho.com/ns/resin\"\n"
            + "         xmlns:resin=\"urn:java:com.caucho.resin\" xmlns:app=\"urn:java:dev.turnpike.config.beans\">\n";
    private static final String CLOSE = "</web-app>\n";

    private final ResinConfigReader reader = new ResinConfigReader();

    private RuleSet read(String body) throws ConfigException {
        return reader.read("rules.xml", (OPEN + body + CLOSE).getBytes(StandardCharsets.UTF_8));
    }

    private List<String> problems(String body) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(body));
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void aPredicateGetsEveryKindOfPropertyThenItsPostConstruct() throws ConfigException {
        RuleSet rules = read("""
                  <resin:Forbidden regexp="^/a">
                    <app:HeaderEquals header="X-Key" value="k1" comparison="ignore-case" min-length="2"
                                      maxLength="9" negate="true" weight="0.5" shape="^k\\d" ttl="10s">
                      <app:value>k2</app:value>
                    </app:HeaderEquals>
                  </resin:Forbidden>
                """);
        MatchRule rule = (MatchRule) rules.rules().get(0);
        CustomCondition condition = assertInstanceOf(CustomCondition.class, rule.conditions().get(0));
        HeaderEquals bean = (HeaderEquals) condition.predicate();
        assertEquals("X-Key [k1, k2] IGNORE_CASE 2 9 true 0.5 ^k\\d PT10S [postConstruct]", bean.state());
        assertEquals("<resin:Forbidden regexp=\"^/a\"><app:HeaderEquals header=\"X-Key\" value=\"k1\""
                + " comparison=\"ignore-case\" min-length=\"2\" maxLength=\"9\" negate=\"true\" weight=\"0.5\""
                + " shape=\"^k\\d\" ttl=\"10s\"/></resin:Forbidden>", rule.toString());
    }

    @Test
    void anApplicationRuleMatchesLikeABuiltInOneWithConditionsAndFilters() throws ConfigException {
        RuleSet rules = read("""
                  <app:Stamp name="X-Top"/>
                  <app:Banner regexp="^/b/(.*)" target="/t/$1" status="201">
                    <resin:IfMethod value="GET"/>
                    <app:Stamp value="inner"/>
                  </app:Banner>
                """);
        RuleSet.Scope scope = rules.scopes().get(0);
        ServletFilterRule top = assertInstanceOf(ServletFilterRule.class, scope.rules().filters().get(0));
        assertEquals("Stamp", top.name());
        MatchRule rule = (MatchRule) scope.rules().rules().get(0);
        CustomDispatch action = assertInstanceOf(CustomDispatch.class, rule.spec().action());
        assertEquals(201, ((Banner) action.handler()).status());
        Matcher matcher = rule.regexp().matcher("/b/x/y");
        assertTrue(matcher.find());
        assertEquals("/t/x/y", action.target().resolve(matcher, "/b/x/y"));
        assertEquals(1, rule.conditions().size());
        assertEquals(List.of("<app:Stamp value=\"inner\"/>"), rule.spec().filters().stream().map(Object::toString).toList());
        assertEquals("app:Banner ^/b/(.*)", rule.spec().logPrefix());
    }

    @Test
    void badPropertiesAreReportedAtTheirAttributes() {
        assertEquals(List.of(
                "rules.xml:4:51: TPC0111 invalid 'comparison' on <app:HeaderEquals>: 'fuzzy' is not valid; valid: exact, ignore-case",
                "rules.xml:4:34: TPC0111 invalid 'min-length' on <app:HeaderEquals>: 'two' is not a whole number in the range of int",
                "rules.xml:6:36: TPC0111 invalid 'min-length' on <app:HeaderEquals>: HeaderEquals.setMinLength refused \"-1\": min-length must not be negative",
                "rules.xml:8:23: TPC0103 unknown attribute 'colour' on <app:HeaderEquals>; known attributes: comparison, header, max-length, maxLength, min-length, minLength, negate, shape, ttl, value, weight"),
                problems("""
                  <resin:Forbidden regexp="^/a">
                    <app:HeaderEquals header="X" min-length="two" comparison="fuzzy"/>
                    <resin:Not>
                      <app:HeaderEquals header="X" min-length="-1"/>
                    </resin:Not>
                    <app:HeaderEquals colour="red" header="X"/>
                  </resin:Forbidden>
                """));
    }

    @Test
    void aFailingPostConstructIsAProblemAtTheElement() {
        assertEquals(List.of("rules.xml:4:5: TPC0116 HeaderEquals.checkComplete() (@PostConstruct) failed:"
                        + " HeaderEquals needs a header"),
                problems("""
                  <resin:Forbidden regexp="^/a">
                    <app:HeaderEquals value="x"/>
                  </resin:Forbidden>
                """));
    }

    @Test
    void classesThatCannotBeRulePartsAreErrorsInsideRules() {
        List<String> problems = problems("""
                  <resin:Forbidden regexp="^/a">
                    <app:Missing/>
                    <app:Ordinary/>
                    <app:Banner/>
                    <app:NeedsArgument/>
                  </resin:Forbidden>
                """);
        assertEquals(List.of(
                "rules.xml:4:5: TPC0115 cannot use <app:Missing> in <resin:Forbidden>: no class dev.turnpike.config.beans.Missing on the class path; an application class used here must be a dev.turnpike.spi.RequestPredicate or a jakarta.servlet.Filter",
                "rules.xml:5:5: TPC0115 cannot use <app:Ordinary> in <resin:Forbidden>: dev.turnpike.config.beans.Ordinary is not a dev.turnpike.spi.RequestPredicate, dev.turnpike.spi.AbstractTargetDispatchRule or jakarta.servlet.Filter; an application class used here must be a dev.turnpike.spi.RequestPredicate or a jakarta.servlet.Filter",
                "rules.xml:6:5: TPC0115 cannot use <app:Banner> in <resin:Forbidden>: it is a rule; an application class used here must be a dev.turnpike.spi.RequestPredicate or a jakarta.servlet.Filter",
                "rules.xml:7:5: TPC0115 cannot use <app:NeedsArgument> in <resin:Forbidden>: dev.turnpike.config.beans.NeedsArgument has no public no-argument constructor; an application class used here must be a dev.turnpike.spi.RequestPredicate or a jakarta.servlet.Filter"),
                problems);
        assertNull(System.getProperty(Ordinary.INITIALISED), "naming a class must not initialise it");
    }

    @Test
    void aContainerSkipsBeansThatAreNoRulePartsAndListsThem() throws ConfigException {
        RuleSet rules = read("""
                  <app:Missing/>
                  <app:Ordinary/>
                  <app:HeaderEquals header="X"/>
                  <resin:Forbidden regexp="^/a"/>
                """);
        assertEquals(List.of(
                "<app:Missing> (no class dev.turnpike.config.beans.Missing on the class path)",
                "<app:Ordinary> (dev.turnpike.config.beans.Ordinary is not a dev.turnpike.spi.RequestPredicate, dev.turnpike.spi.AbstractTargetDispatchRule or jakarta.servlet.Filter)",
                "<app:HeaderEquals> (a predicate outside any rule)"), rules.skipped());
        assertEquals(1, rules.size());
        assertNull(System.getProperty(Ordinary.INITIALISED), "naming a class must not initialise it");
    }

    @Test
    void aRulePartThatCannotBeMadeIsAnErrorEvenInAContainer() {
        assertEquals(List.of("rules.xml:3:3: TPC0115 cannot use <app:NeedsArgument> in <web-app>: dev.turnpike.config.beans.NeedsArgument has no public no-argument constructor; an application class used here must be a dev.turnpike.spi.AbstractTargetDispatchRule or a jakarta.servlet.Filter"),
                problems("""
                  <app:NeedsArgument/>
                """));
    }
}

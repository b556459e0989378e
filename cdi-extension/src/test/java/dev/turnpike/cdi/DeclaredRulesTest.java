package dev.turnpike.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.cdi.beans.BadDeclarations;
import dev.turnpike.cdi.beans.EarlyRule;
import dev.turnpike.cdi.beans.LateRule;
import dev.turnpike.cdi.beans.Switchboard;
import dev.turnpike.cdi.beans.UnnamedRule;
import dev.turnpike.config.ConfigException;
import dev.turnpike.config.ResinConfigReader;
import dev.turnpike.rules.Manageable;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.TestRequest;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules declared in Java with {@code @TurnpikeRule}, joining every loaded configuration at the root web-app. */
class DeclaredRulesTest {

    private static final String XML_RULES = """
            <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
              <resin:Forbidden regexp="^/java/"/>
              <resin:Forbidden regexp="^/xml"/>
            </web-app>
            """;

    private static WeldContainer weld;
    private static CdiAppObjects objects;
    private static Switchboard board;

    @BeforeAll
    static void start() {
        weld = new Weld().disableDiscovery().addExtension(new TurnpikeExtension())
                .addBeanClasses(Switchboard.class, EarlyRule.class, LateRule.class, UnnamedRule.class)
                .initialize();
        objects = new CdiAppObjects(weld.getBeanManager());
        board = weld.select(Switchboard.class).get();
    }

    @AfterAll
    static void stop() {
        objects.close();
        weld.close();
    }

    private static RuleSet read(String xml) throws ConfigException {
        return new ResinConfigReader(objects).read("rules.xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void negativeOrdersComeBeforeTheConfigurationsRulesTheOthersAfterThemTiesByName() throws ConfigException {
        RuleSet rules = read(XML_RULES);
        assertEquals(List.of(
                "@TurnpikeRule(regexp=\"^/java/(.*)\", target=\"/early/$1\", name=\"early\", order=-1)"
                        + " dev.turnpike.cdi.beans.EarlyRule",
                "<resin:Forbidden regexp=\"^/java/\"/>",
                "<resin:Forbidden regexp=\"^/xml\"/>",
                "@TurnpikeRule(regexp=\"^/unnamed\", order=5) dev.turnpike.cdi.beans.UnnamedRule",
                "@TurnpikeRule(regexp=\"^/\", name=\"late\", order=5) dev.turnpike.cdi.beans.LateRule"),
                rules.rules().stream().map(Rule::toString).toList());
        assertEquals("EarlyRule /early/x", CdiAppObjectsTest.decide(rules, TestRequest.get("/java/x")));
        assertEquals("403", CdiAppObjectsTest.decide(rules, TestRequest.get("/xml")));
        assertEquals("LateRule /other", CdiAppObjectsTest.decide(rules, TestRequest.get("/other")));
        rules.release();
    }

    @Test
    void namedJavaRulesAreManagedLikeNamedXmlRules() throws ConfigException {
        RuleSet rules = read(XML_RULES);
        List<Manageable.Item> items = Manageable.in(rules);
        assertEquals(List.of("default / early", "default / late"),
                items.stream().map(item -> item.host() + " " + item.webApp() + " " + item.name()).toList());
        items.get(1).rule().spec().toggle().stop();
        assertEquals("pass", CdiAppObjectsTest.decide(rules, TestRequest.get("/other")));
        items.get(1).rule().spec().toggle().start();
        assertEquals("LateRule /other", CdiAppObjectsTest.decide(rules, TestRequest.get("/other")));
        rules.release();
    }

    @Test
    void everyHostsRootWebAppGetsThemAndADependentRuleIsMadeAndReleasedPerLoad() throws ConfigException {
        board.drainEvents();
        RuleSet rules = read("""
                <resin xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                  <host id="www.example.com">
                    <web-app id="/"><resin:Forbidden regexp="^/"/></web-app>
                    <web-app id="/shop"><resin:Forbidden regexp="^/java/"/></web-app>
                  </host>
                </resin>
                """);
        assertEquals("EarlyRule /early/x", CdiAppObjectsTest.decide(rules,
                TestRequest.get("/java/x").withHeader("Host", "www.example.com")));
        assertEquals("403", CdiAppObjectsTest.decide(rules,
                TestRequest.get("/java/x").withHeader("Host", "www.example.com").inContext("/shop")),
                "only the root web-app has the Java rules");
        assertEquals("EarlyRule /early/x", CdiAppObjectsTest.decide(rules,
                TestRequest.get("/java/x").withHeader("Host", "other.example.com")));
        assertEquals(List.of("PostConstruct early"), board.drainEvents());
        rules.release();
        assertEquals(List.of("PreDestroy early"), board.drainEvents());
    }

    @Test
    void badDeclarationsFailTheDeploymentNamingEachClass() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> new Weld().disableDiscovery()
                .addExtension(new TurnpikeExtension())
                .addBeanClasses(BadDeclarations.BadRegexp.class, BadDeclarations.NotARule.class)
                .initialize().close());
        assertTrue(failure instanceof DeploymentException, failure.toString());
        String message = failure.getMessage();
        assertTrue(message.contains("TPC0123 @TurnpikeRule on dev.turnpike.cdi.beans.BadDeclarations$BadRegexp:"
                + " invalid regexp: Unclosed group near index 11 of \"^/(unclosed\""), message);
        assertTrue(message.contains("TPC0123 @TurnpikeRule on dev.turnpike.cdi.beans.BadDeclarations$NotARule: the"
                + " class must extend dev.turnpike.spi.AbstractTargetDispatchRule"), message);
    }
}

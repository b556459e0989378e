package dev.turnpike.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.cdi.beans.BoardIsOpen;
import dev.turnpike.cdi.beans.Greeting;
import dev.turnpike.cdi.beans.SharedGate;
import dev.turnpike.cdi.beans.Switchboard;
import dev.turnpike.cdi.beans.WeekdayGate;
import dev.turnpike.config.ConfigException;
import dev.turnpike.config.ConfigProblem;
import dev.turnpike.config.ConfigReloader;
import dev.turnpike.config.ConfigSource;
import dev.turnpike.config.ResinConfigReader;
import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.TestRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Application predicates and rules made by CDI (Weld SE): injection, {@code @Named} beans,
 * scopes, unusable classes, Bean Validation, and release of what each load made.
 */
class CdiAppObjectsTest {

    private static final String OPEN = "<web-app xmlns=\"http://caucho.com/ns/resin\"\n"
            + "         xmlns:resin=\"urn:java:com.caucho.resin\" xmlns:app=\"urn:java:dev.turnpike.cdi.beans\">\n";
    private static final String CLOSE = "</web-app>\n";

    private static WeldContainer weld;
    private static CdiAppObjects objects;
    private static ResinConfigReader reader;
    private static Switchboard board;

    @BeforeAll
    static void start() {
        weld = new Weld().disableDiscovery().addExtension(new TurnpikeExtension())
                .addBeanClasses(Switchboard.class, SharedGate.class, WeekdayGate.class, Greeting.Hello.class,
                        Greeting.Hi.class)
                .initialize();
        objects = new CdiAppObjects(weld.getBeanManager());
        reader = new ResinConfigReader(objects);
        board = weld.select(Switchboard.class).get();
    }

    @AfterAll
    static void stop() {
        objects.close();
        weld.close();
    }

    @BeforeEach
    void closeTheBoard() {
        board.setOpen(false);
        board.drainEvents();
    }

    private static RuleSet read(String body) throws ConfigException {
        return reader.read("rules.xml", (OPEN + body + CLOSE).getBytes(StandardCharsets.UTF_8));
    }

    private static List<ConfigProblem> problems(String body) {
        return assertThrows(ConfigException.class, () -> read(body)).problems();
    }

    private static List<String> messages(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::toString).toList();
    }

    /** The decision for a request whose servlet face answers {@code getHeader} as the test request does. */
    static String decide(RuleSet rules, TestRequest request) {
        Object servlet = Proxy.newProxyInstance(CdiAppObjectsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getHeader")) {
                        return request.header((String) arguments[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Decision decision = rules.evaluate(new Exchange(request.withServletRequest(servlet)));
        if (decision instanceof Decision.SendError error) {
            return Integer.toString(error.status());
        }
        if (decision instanceof Decision.Custom custom) {
            return custom.handler().getClass().getSimpleName().replaceAll("\\$.*", "") + " " + custom.target();
        }
        return decision instanceof Decision.Pass ? "pass" : decision.toString();
    }

    // --- injection and names ---

    @Test
    void anInjectedServiceDecidesThePredicate() throws ConfigException {
        RuleSet rules = read("""
                  <resin:Forbidden regexp="^/a"><app:BoardIsOpen label="front" weight="2"/></resin:Forbidden>
                """);
        assertEquals(List.of("PostConstruct front weight 2"), board.drainEvents(), "properties are set before @PostConstruct");
        assertEquals("pass", decide(rules, TestRequest.get("/a")));
        board.setOpen(true);
        assertEquals("403", decide(rules, TestRequest.get("/a")));
    }

    @Test
    void aNamedBeanIsFoundInTheNamespacesPackage() throws ConfigException {
        RuleSet rules = read("""
                  <resin:Forbidden regexp="^/n"><app:weekdays day="friday"/></resin:Forbidden>
                """);
        board.setOpen(true);
        assertEquals("403", decide(rules, TestRequest.get("/n").withHeader("X-Day", "friday")));
        assertEquals("pass", decide(rules, TestRequest.get("/n").withHeader("X-Day", "monday")));
    }

    @Test
    void aNamedBeanOfAnotherPackageIsNotFound() {
        assertEquals(List.of("rules.xml:3:75: TPC0115 cannot use <other:weekdays> in <resin:Forbidden>: no class"
                        + " dev.turnpike.other.weekdays on the class path and no @Named(\"weekdays\") bean in package"
                        + " dev.turnpike.other; an application class used here must be a dev.turnpike.spi.RequestPredicate"
                        + " or a jakarta.servlet.Filter"),
                messages(problems("""
                  <resin:Forbidden regexp="^/n" xmlns:other="urn:java:dev.turnpike.other"><other:weekdays/></resin:Forbidden>
                """)));
    }

    // --- scopes ---

    @Test
    void aNormalScopedBeanIsTheApplicationsSharedInstance() throws ConfigException {
        RuleSet rules = read("""
                  <resin:Forbidden regexp="^/s1"><app:SharedGate/></resin:Forbidden>
                  <resin:Forbidden regexp="^/s2"><app:SharedGate/></resin:Forbidden>
                """);
        assertEquals("403", decide(rules, TestRequest.get("/s1").withHeader("X-Gate", "X")));
        assertEquals("pass", decide(rules, TestRequest.get("/s2")));
        SharedGate applications = weld.select(SharedGate.class).get();
        try {
            applications.setMode("open");
            assertEquals("403", decide(rules, TestRequest.get("/s1")));
            assertEquals("403", decide(rules, TestRequest.get("/s2")));
        } finally {
            applications.setMode("closed");
        }
    }

    @Test
    void aNormalScopedBeanTakesNoProperties() {
        List<ConfigProblem> problems = problems("""
                  <resin:Forbidden regexp="^/s"><app:SharedGate mode="open"/></resin:Forbidden>
                """);
        assertEquals(List.of("rules.xml:3:49: TPC0121 cannot set 'mode' on <app:SharedGate>: it is the"
                + " @ApplicationScoped bean dev.turnpike.cdi.beans.SharedGate, one instance the application shares,"
                + " and setting it would change that object for everyone; remove the attribute, or make the bean"
                + " @Dependent so that each element gets an instance of its own"), messages(problems));
        assertTrue(problems.get(0).application());
    }

    // --- unusable classes ---

    @Test
    void unsatisfiedAndAmbiguousDependenciesAreProblemsAtTheElement() {
        List<ConfigProblem> problems = problems("""
                  <resin:Forbidden regexp="^/u"><app:NeedsUnavailable/></resin:Forbidden>
                  <app:NeedsGreeting regexp="^/g"/>
                  <resin:Forbidden regexp="^/(">
                """ + "  </resin:Forbidden>\n");
        assertEquals(List.of(
                "rules.xml:3:33: TPC0115 cannot use <app:NeedsUnavailable> in <resin:Forbidden>:"
                        + " dev.turnpike.cdi.beans.NeedsUnavailable has an unsatisfied dependency: no bean of type"
                        + " dev.turnpike.cdi.beans.Unavailable with qualifiers @Default for NeedsUnavailable.missing;"
                        + " deploy such a bean where Turnpike sees it (the EAR's lib/); an application class used here"
                        + " must be a dev.turnpike.spi.RequestPredicate or a jakarta.servlet.Filter",
                "rules.xml:4:3: TPC0115 cannot use <app:NeedsGreeting> in <web-app>: dev.turnpike.cdi.beans.NeedsGreeting"
                        + " has an ambiguous dependency: 2 beans of type dev.turnpike.cdi.beans.Greeting with qualifiers"
                        + " @Default for NeedsGreeting(Greeting) parameter 0: dev.turnpike.cdi.beans.Greeting$Hello,"
                        + " dev.turnpike.cdi.beans.Greeting$Hi; qualify the injection point or make one bean an"
                        + " alternative; an application class used here must be a"
                        + " dev.turnpike.spi.AbstractTargetDispatchRule or a jakarta.servlet.Filter",
                "rules.xml:5:20: TPC0105 invalid regexp in 'regexp' of <resin:Forbidden>: Unclosed group near index 3"
                        + " of \"^/(\""),
                messages(problems));
        assertEquals(List.of(true, true, false), problems.stream().map(ConfigProblem::application).toList(),
                "only the problems with application classes fail a deployment");
    }

    @Test
    void aClassOfNoneOfTheThreeKindsIsAProblemInsideARule() {
        assertEquals(List.of("rules.xml:3:33: TPC0115 cannot use <app:Switchboard> in <resin:Forbidden>:"
                        + " dev.turnpike.cdi.beans.Switchboard is not a dev.turnpike.spi.RequestPredicate,"
                        + " dev.turnpike.spi.AbstractTargetDispatchRule or jakarta.servlet.Filter; an application class"
                        + " used here must be a dev.turnpike.spi.RequestPredicate or a jakarta.servlet.Filter"),
                messages(problems("""
                  <resin:Forbidden regexp="^/w"><app:Switchboard/></resin:Forbidden>
                """)));
    }

    // --- properties and Bean Validation ---

    @Test
    void constraintViolationsAreProblemsAtTheirAttributesAndNothingIsInitialised() {
        List<ConfigProblem> problems = problems("""
                  <resin:Forbidden regexp="^/v">
                    <app:BoardIsOpen label="Front" weight="0"/>
                    <app:BoardIsOpen weight="two"/>
                    <app:BoardIsOpen weight="3"/>
                  </resin:Forbidden>
                """);
        assertEquals(List.of(
                "rules.xml:4:22: TPC0120 property 'label' of <app:BoardIsOpen> (dev.turnpike.cdi.beans.BoardIsOpen)"
                        + " must be lower-case letters, not ${1+1} [a-z]+; rejected value: \"Front\"",
                "rules.xml:4:36: TPC0120 property 'weight' of <app:BoardIsOpen> (dev.turnpike.cdi.beans.BoardIsOpen)"
                        + " must be greater than or equal to 1; rejected value: 0",
                "rules.xml:5:22: TPC0111 invalid 'weight' on <app:BoardIsOpen>: 'two' is not a whole number in the"
                        + " range of int",
                "rules.xml:6:5: TPC0120 property 'label' of <app:BoardIsOpen> (dev.turnpike.cdi.beans.BoardIsOpen)"
                        + " must not be null; rejected value: null"),
                messages(problems));
        assertTrue(problems.stream().allMatch(ConfigProblem::application));
        assertEquals(List.of(), board.drainEvents(), "no @PostConstruct, and no @PreDestroy for what was not initialised");
    }

    // --- release ---

    @Test
    void aFailedLoadReleasesWhatItMade() {
        problems("""
                  <resin:Forbidden regexp="^/r"><app:BoardIsOpen label="made"/></resin:Forbidden>
                  <resin:Forbidden regexp="^/r"><app:NoSuchClass/></resin:Forbidden>
                """);
        assertEquals(List.of("PostConstruct made weight 1", "PreDestroy made"), board.drainEvents());
    }

    @Test
    void aReloadReleasesTheOldRulesAfterTheNewOnesServeAndAFailedOneOnlyWhatItMade() throws Exception {
        String[] content = {rulesWith("one")};
        ConfigSource source = new ConfigSource() {
            @Override
            public String name() {
                return "rules.xml";
            }

            @Override
            public byte[] read() {
                return content[0].getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public Path directory() {
                return null;
            }

            @Override
            public boolean watched() {
                return true;
            }
        };
        ConfigReloader reloader = new ConfigReloader(source, reader);
        LiveRules live = new LiveRules();
        live.loaded(((ConfigReloader.Outcome.Loaded) reloader.check()).rules(), Instant.EPOCH);
        assertEquals(List.of("PostConstruct one weight 1"), board.drainEvents());

        content[0] = rulesWith("two");
        live.loaded(((ConfigReloader.Outcome.Loaded) reloader.check()).rules(), Instant.EPOCH);
        assertEquals(List.of("PostConstruct two weight 1", "PreDestroy one"), board.drainEvents());

        content[0] = rulesWith("three") .replace(CLOSE, "  <resin:Forbidden regexp=\"(\"/>\n" + CLOSE);
        assertTrue(reloader.check() instanceof ConfigReloader.Outcome.Failed);
        assertEquals(List.of("PostConstruct three weight 1", "PreDestroy three"), board.drainEvents(),
                "a failed reload releases what it made, not the rules serving");

        live.stopped();
        assertEquals(List.of("PreDestroy two"), board.drainEvents());
    }

    private static String rulesWith(String label) {
        return OPEN + "  <resin:Forbidden regexp=\"^/r\"><app:BoardIsOpen label=\"" + label + "\"/></resin:Forbidden>\n"
                + CLOSE;
    }

    @Test
    void theReflectiveDefaultNeitherInjectsNorValidates() throws ConfigException {
        assertEquals(List.of("rules.xml:3:32: TPC0115 cannot use <app:NeedsGreeting> in <resin:Forbidden>:"
                        + " dev.turnpike.cdi.beans.NeedsGreeting has no public no-argument constructor; an application"
                        + " class used here must be a dev.turnpike.spi.RequestPredicate or a jakarta.servlet.Filter"),
                messages(assertThrows(ConfigException.class, () -> new ResinConfigReader().read("rules.xml",
                        (OPEN + "  <resin:Forbidden regexp=\"^/\"><app:NeedsGreeting/></resin:Forbidden>\n" + CLOSE)
                                .getBytes(StandardCharsets.UTF_8))).problems()));
        RuleSet rules = new ResinConfigReader().read("rules.xml", (OPEN
                + "  <resin:Forbidden regexp=\"^/\"><app:SharedGate mode=\"open\"/></resin:Forbidden>\n" + CLOSE)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("403", decide(rules, TestRequest.get("/")));
    }
}

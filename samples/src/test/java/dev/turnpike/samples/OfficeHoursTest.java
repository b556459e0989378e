package dev.turnpike.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.cdi.CdiAppObjects;
import dev.turnpike.cdi.TurnpikeExtension;
import dev.turnpike.config.ConfigException;
import dev.turnpike.config.ConfigProblem;
import dev.turnpike.config.ResinConfigReader;
import dev.turnpike.rules.MatchRule;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.custom.CustomCondition;
import dev.turnpike.rules.conditions.Composites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The samples made by CDI (Weld SE) from a configuration, with a clock the test sets. */
class OfficeHoursTest {

    /** The clock the samples get: fixed at an instant the test chooses. */
    static class TestClocks {
        static volatile Instant now = Instant.parse("2030-01-07T10:00:00Z");

        @Produces
        @ApplicationScoped
        Clock clock() {
            return new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
        }
    }

    private static WeldContainer weld;
    private static CdiAppObjects objects;

    @BeforeAll
    static void start() {
        weld = new Weld().disableDiscovery().addExtension(new TurnpikeExtension())
                .addBeanClasses(TestClocks.class, OfficeHours.class, Closed.class).initialize();
        objects = new CdiAppObjects(weld.getBeanManager());
    }

    @AfterAll
    static void stop() {
        objects.close();
        weld.close();
    }

    private static RuleSet read(String hours) throws ConfigException {
        return new ResinConfigReader(objects).read("rules.xml", ("""
                <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin"
                         xmlns:office="urn:java:dev.turnpike.samples">
                  <office:Closed regexp="^/shop/" retry-after="600">
                    <resin:Not>%s</resin:Not>
                  </office:Closed>
                </web-app>
                """.formatted(hours)).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theInjectedClockDecides() throws ConfigException {
        RuleSet rules = read("<office:OfficeHours open=\"09:00\" close=\"17:00\" zone=\"Europe/Berlin\"/>");
        MatchRule closed = (MatchRule) rules.rules().get(0);
        Composites.Not not = (Composites.Not) closed.conditions().get(0);
        OfficeHours hours = (OfficeHours) ((CustomCondition) not.child()).predicate();
        TestClocks.now = Instant.parse("2030-01-07T10:00:00Z");
        assertTrue(hours.isMatch(null), "11:00 in Berlin");
        TestClocks.now = Instant.parse("2030-01-07T16:30:00Z");
        assertFalse(hours.isMatch(null), "17:30 in Berlin");
    }

    @Test
    void badTimesAreReportedAtTheirAttributes() {
        List<String> problems = assertThrows(ConfigException.class, () -> read(
                "<office:OfficeHours open=\"9am\" close=\"17:00\"/><office:OfficeHours open=\"18:00\" close=\"08:00\"/>"))
                .problems().stream().map(ConfigProblem::toString).toList();
        assertEquals(List.of(
                "rules.xml:4:36: TPC0120 property 'open' of <office:OfficeHours> (dev.turnpike.samples.OfficeHours)"
                        + " must be a time of day as HH:mm, such as 09:00; rejected value: \"9am\"",
                "rules.xml:4:62: TPC0116 OfficeHours @PostConstruct failed: open (18:00) must be before close (08:00)"),
                problems);
    }
}

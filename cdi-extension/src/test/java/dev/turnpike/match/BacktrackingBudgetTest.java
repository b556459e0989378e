package dev.turnpike.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.turnpike.config.ConfigException;
import dev.turnpike.config.ResinConfigReader;
import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.TestRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Matching on request input is bounded, and risky patterns are pointed out at load time. */
class BacktrackingBudgetTest {

    private static final String EVIL = "/" + "a".repeat(40) + "!";

    private static RuleSet load(String rules) throws ConfigException {
        return new ResinConfigReader().read("rules.xml", ("<web-app xmlns:resin=\"urn:java:com.caucho.resin\">\n"
                + rules + "</web-app>\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBudgetStopsACatastrophicMatch() {
        Pattern pattern = Pattern.compile("^/(.*a){20}$");
        assertThrows(BoundedSubject.BudgetExceeded.class, () -> pattern.matcher(new BoundedSubject(EVIL)).find());
    }

    @Test
    void aRuleThatRunsOutOfBudgetDoesNotMatchAndLaterRulesStillDecide() throws ConfigException {
        RuleSet rules = load("""
                <resin:Forbidden regexp="^/(.*a){20}$"/>
                <resin:Redirect regexp="^/a" target="/elsewhere"/>
                """);
        Decision decision = rules.evaluate(new Exchange(TestRequest.get(EVIL)));
        assertEquals(302, ((Decision.Redirect) decision).status());
        String longButHonest = "/a" + "x".repeat(8000) + "b";
        assertEquals(403, ((Decision.SendError) load("<resin:Forbidden regexp=\"^/a.*b$\"/>\n")
                .evaluate(new Exchange(TestRequest.get(longButHonest)))).status(), "the budget grows with the subject");
    }

    @Test
    void nestedRepetitionIsALoadWarningWithItsPlace() throws ConfigException {
        RuleSet rules = load("""
                <resin:Forbidden regexp="^/(a+)+$"/>
                <resin:Forbidden regexp="^/(a+)?b"/>
                """);
        assertEquals(List.of("rules.xml:2:18: TPW0001 the regexp \"^/(a+)+$\" in 'regexp' of <resin:Forbidden> repeats a"
                + " part that itself repeats; a crafted request can make such a pattern backtrack for a very long time."
                + " Turnpike stops a match after a budget and treats it as not matching, so prefer a pattern without"
                + " nested repetition"), rules.warnings());
    }
}

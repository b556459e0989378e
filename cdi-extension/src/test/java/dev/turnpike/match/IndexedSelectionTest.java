package dev.turnpike.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.rules.Action;
import dev.turnpike.rules.Condition;
import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.MatchRule;
import dev.turnpike.rules.Outcome;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.RuleList;
import dev.turnpike.rules.Target;
import dev.turnpike.rules.TestRequest;
import dev.turnpike.rules.actions.Actions;
import dev.turnpike.rules.actions.QueryAppend;
import dev.turnpike.rules.conditions.Conditions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The indexed rule list decides exactly as trying every rule in order does, over thousands of
 * random rule sets (dispatching, rewriting and conditional rules, with and without regexps) and
 * random subjects.
 */
class IndexedSelectionTest {

    private static final Condition PASS = new Conditions.Constant(true, "true");
    private static final Condition FAIL = new Conditions.Constant(false, "false");

    @Test
    void theIndexChoosesAsTheOrderedLoopDoes() {
        RandomRules random = new RandomRules(4_2026L);
        int compared = 0;
        int decided = 0;
        for (int set = 0; set < 2500; set++) {
            List<Rule> rules = new ArrayList<>();
            int size = 1 + random.nextInt(set % 5 == 0 ? 400 : 40);
            for (int i = 0; i < size; i++) {
                rules.add(rule(random, i));
            }
            RuleList indexed = new RuleList(List.of(), rules);
            for (int s = 0; s < 40; s++) {
                String subject = random.subject();
                Outcome expected = inOrder(rules, subject);
                Outcome actual = indexed.evaluate(new Exchange(TestRequest.get("/")), subject);
                assertEquals(expected, actual, () -> "subject '" + subject + "' with rules " + rules);
                compared++;
                if (!(expected instanceof Outcome.Continue)) {
                    decided++;
                }
            }
        }
        assertTrue(decided > compared / 10, "too few subjects decided by a rule to say much: " + decided);
    }

    private static Rule rule(RandomRules random, int number) {
        Pattern regexp = random.nextInt(15) == 0 ? null : random.pattern();
        int kind = random.nextInt(10);
        Action action;
        if (kind < 6 || regexp == null) {
            action = new Actions.Dispatch(Target.of("/t" + number, regexp), QueryAppend.NONE);
        } else if (kind < 9) {
            action = new Actions.Rewrite(Target.of(random.subject() + "/r", regexp));
        } else {
            action = new Actions.SendError(403, null);
        }
        List<Condition> conditions = switch (random.nextInt(8)) {
            case 0 -> List.of(FAIL);
            case 1 -> List.of(PASS);
            default -> List.of();
        };
        return new MatchRule(new MatchRule.Spec("rule " + number + " " + regexp, "rule " + number, false, regexp,
                false, conditions, List.of(), action, null, null, "random:" + number));
    }

    /** The reference: every rule tried in order. */
    private static Outcome inOrder(List<Rule> rules, String subject) {
        Exchange exchange = new Exchange(TestRequest.get("/"));
        String current = subject;
        for (Rule rule : rules) {
            Outcome outcome = rule.apply(exchange, current);
            if (outcome instanceof Outcome.Continue next) {
                current = next.subject();
            } else if (outcome != null) {
                return outcome;
            }
        }
        return new Outcome.Continue(current);
    }
}

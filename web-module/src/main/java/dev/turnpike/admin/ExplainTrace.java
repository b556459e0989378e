package dev.turnpike.admin;

import dev.turnpike.rules.Condition;
import dev.turnpike.rules.Outcome;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.RuleList;
import dev.turnpike.rules.RuleTrace;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Collects an explained request's trace into {@link Explanation.Level}s: every rule of every list
 * the request met, in list order, with what happened to it.
 */
final class ExplainTrace implements RuleTrace {

    /** A rule's step while the trace is collected. */
    private static final class Draft {
        final Rule rule;
        String result;
        String subject;
        List<String> groups = List.of();
        final List<Explanation.ConditionResult> conditions = new ArrayList<>();
        String outcome;

        Draft(Rule rule, String result) {
            this.rule = rule;
            this.result = result;
        }

        Explanation.Step build() {
            return new Explanation.Step(rule.toString(), rule.origin(), rule.name(), result, subject, groups,
                    List.copyOf(conditions), outcome);
        }
    }

    private final List<String> levels = new ArrayList<>();
    private final List<String> subjects = new ArrayList<>();
    private final List<List<Draft>> steps = new ArrayList<>();
    private final Map<Rule, Draft> drafts = new IdentityHashMap<>();
    private Draft lastTried;

    @Override
    public void level(String level, String subject) {
        levels.add(level);
        subjects.add(subject);
        steps.add(new ArrayList<>());
        lastTried = null;
    }

    @Override
    public void candidates(RuleList rules, int[] candidates, String subject) {
        if (steps.isEmpty()) {
            level("web-app", subject);
        }
        List<Rule> list = rules.rules();
        boolean[] tried = new boolean[list.size()];
        for (int candidate : candidates) {
            tried[candidate] = true;
        }
        List<Draft> level = steps.get(steps.size() - 1);
        int insertAt = lastTried == null ? level.size() : level.indexOf(lastTried) + 1;
        for (int i = 0; i < list.size(); i++) {
            Draft draft = drafts.get(list.get(i));
            if (draft == null) {
                draft = new Draft(list.get(i), tried[i] ? "not reached" : "not a candidate");
                drafts.put(list.get(i), draft);
                level.add(insertAt++, draft);
            } else if (tried[i] && draft.result.equals("not a candidate")) {
                draft.result = "not reached";
            }
        }
    }

    private Draft draft(Rule rule) {
        Draft draft = drafts.get(rule);
        if (draft == null) {
            draft = new Draft(rule, "not reached");
            drafts.put(rule, draft);
            steps.get(steps.size() - 1).add(draft);
        }
        return draft;
    }

    @Override
    public void tried(Rule rule, String subject) {
        Draft draft = draft(rule);
        draft.result = "matched";
        draft.subject = subject;
        lastTried = draft;
    }

    @Override
    public void switchedOff(Rule rule) {
        draft(rule).result = "switched off";
    }

    @Override
    public void regexp(Rule rule, String matched, Matcher matcher) {
        Draft draft = draft(rule);
        draft.subject = matched;
        if (matcher == null) {
            draft.result = "no match";
            return;
        }
        List<String> groups = new ArrayList<>();
        for (int g = 0; g <= matcher.groupCount(); g++) {
            groups.add(matcher.group(g));
        }
        draft.groups = groups;
        draft.result = "matched";
    }

    @Override
    public void condition(Rule rule, Condition condition, boolean passed) {
        Draft draft = draft(rule);
        draft.conditions.add(new Explanation.ConditionResult(condition.toString(), passed ? "passed" : "failed"));
        draft.result = passed ? "matched" : "condition failed";
    }

    @Override
    public void conditionFailed(Rule rule, Condition condition, RuntimeException failure) {
        Draft draft = draft(rule);
        draft.conditions.add(new Explanation.ConditionResult(condition.toString(), "error: "
                + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage())));
        draft.result = "condition error";
    }

    @Override
    public void fired(Rule rule, Outcome outcome) {
        Draft draft = draft(rule);
        if (outcome instanceof Outcome.Continue next) {
            draft.result = "continued";
            draft.outcome = "continue with " + next.subject();
        } else {
            draft.result = "decided";
            draft.outcome = Decisions.describe((dev.turnpike.rules.Decision) outcome);
        }
    }

    List<Explanation.Level> levels() {
        List<Explanation.Level> built = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            built.add(new Explanation.Level(levels.get(i), subjects.get(i),
                    steps.get(i).stream().map(Draft::build).toList()));
        }
        return built;
    }
}

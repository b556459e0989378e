package dev.turnpike.config;

import dev.turnpike.rules.MatchRule;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.RuleSwitch;
import dev.turnpike.rules.Target;
import dev.turnpike.rules.custom.CustomDispatch;
import dev.turnpike.spi.AbstractTargetDispatchRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Rules declared in Java ({@link AppObjects#declaredRules()}) joining a rule set at the root
 * web-app: those of negative order before the configuration's rules there, the others after
 * them, each group by order, then name, then class name. Each load makes the rules' objects
 * afresh, like those of the configuration's elements, and releases them with the rule set.
 */
final class DeclaredRules {

    /** Orders declared rules: by order, then name, then class name. */
    static final Comparator<AppObjects.DeclaredRule> ORDER = Comparator
            .comparingInt(AppObjects.DeclaredRule::order)
            .thenComparing(AppObjects.DeclaredRule::name)
            .thenComparing(rule -> rule.candidate().type().getName());

    private DeclaredRules() {
    }

    /**
     * The rule set with the declared rules added.
     *
     * @param releases the rule set's releases, which the rules' objects join
     * @throws ConfigException when a rule's object cannot be made or its annotation is invalid;
     *                         the problems are placed at the class
     */
    static RuleSet addTo(RuleSet rules, AppObjects objects, Releases releases) throws ConfigException {
        List<AppObjects.DeclaredRule> declared = new ArrayList<>(objects.declaredRules());
        if (declared.isEmpty()) {
            return rules;
        }
        declared.sort(ORDER);
        List<ConfigProblem> problems = new ArrayList<>();
        List<AppObjects.Made> made = new ArrayList<>();
        List<Rule> first = new ArrayList<>();
        List<Rule> last = new ArrayList<>();
        for (AppObjects.DeclaredRule rule : declared) {
            Rule built = build(rule, problems, made);
            if (built != null) {
                (rule.order() < 0 ? first : last).add(built);
            }
        }
        if (!problems.isEmpty()) {
            Releases.releaseEach(made);
            throw new ConfigException(problems);
        }
        releases.addAll(made);
        return rules.withRootWebAppRules(first, last);
    }

    private static Rule build(AppObjects.DeclaredRule rule, List<ConfigProblem> problems, List<AppObjects.Made> made) {
        AppObjects.Candidate candidate = rule.candidate();
        String origin = candidate.type().getName();
        Pattern regexp = null;
        Target target = null;
        try {
            regexp = rule.regexp().isEmpty() ? null : Pattern.compile(rule.regexp());
            target = rule.target().isEmpty() ? null : Target.of(rule.target(), regexp, Target.Replace.FIRST);
        } catch (PatternSyntaxException e) {
            problems.add(problem(origin, "TPC0123", "invalid regexp in " + syntax(rule) + ": " + e.getDescription()
                    + " near index " + e.getIndex() + " of \"" + rule.regexp() + "\""));
            return null;
        } catch (IllegalArgumentException e) {
            problems.add(problem(origin, "TPC0123", "invalid target in " + syntax(rule) + ": " + e.getMessage()));
            return null;
        }
        if (!AbstractTargetDispatchRule.class.isAssignableFrom(candidate.type())) {
            problems.add(problem(origin, "TPC0123", syntax(rule) + " is on a class that is not a "
                    + AbstractTargetDispatchRule.class.getName()));
            return null;
        }
        String unusable = candidate.unusable();
        if (unusable != null) {
            problems.add(problem(origin, "TPC0115", "cannot use " + syntax(rule) + ": " + unusable));
            return null;
        }
        AppObjects.Made object;
        try {
            object = candidate.make();
            made.add(object);
            object.initialise();
        } catch (AppObjects.Failure e) {
            problems.add(problem(origin, "TPC0116", e.getMessage()));
            return null;
        }
        String name = rule.name().isEmpty() ? null : rule.name();
        RuleSwitch toggle = name == null && rule.enabled() ? null : new RuleSwitch(rule.enabled(), null, null);
        return new MatchRule(new MatchRule.Spec(syntax(rule), candidate.type().getSimpleName()
                + (regexp == null ? "" : " " + regexp.pattern()), false, regexp, false, List.of(), List.of(),
                new CustomDispatch((AbstractTargetDispatchRule) object.object(), target), toggle, name, origin));
    }

    private static ConfigProblem problem(String origin, String code, String message) {
        return new ConfigProblem(origin, 0, 0, code, message, true);
    }

    /** The rule as declared, for listings and messages: {@code @TurnpikeRule(regexp="^/x", order=10) com.example.X}. */
    static String syntax(AppObjects.DeclaredRule rule) {
        StringBuilder out = new StringBuilder("@TurnpikeRule(");
        List<String> parts = new ArrayList<>();
        if (!rule.regexp().isEmpty()) {
            parts.add("regexp=" + quoted(rule.regexp()));
        }
        if (!rule.target().isEmpty()) {
            parts.add("target=" + quoted(rule.target()));
        }
        if (!rule.name().isEmpty()) {
            parts.add("name=" + quoted(rule.name()));
        }
        parts.add("order=" + rule.order());
        if (!rule.enabled()) {
            parts.add("enabled=false");
        }
        return out.append(String.join(", ", parts)).append(") ").append(rule.candidate().type().getName()).toString();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

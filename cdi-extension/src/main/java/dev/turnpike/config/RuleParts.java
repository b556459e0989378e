package dev.turnpike.config;

import dev.turnpike.rules.Action;
import dev.turnpike.rules.Condition;
import dev.turnpike.rules.MatchRule;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.RuleFilter;
import dev.turnpike.rules.RuleList;
import dev.turnpike.rules.RuleSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Assembles rules from the checked parts of a tag. */
final class RuleParts {

    private RuleParts() {
    }

    static List<Condition> conditions(List<Object> children) {
        return Containers.all(children, Condition.class);
    }

    static List<RuleFilter> filters(List<Object> children) {
        return Containers.all(children, RuleFilter.class);
    }

    static RuleList childRules(List<Object> children) {
        List<Rule> rules = new ArrayList<>();
        for (Object child : children) {
            if (child instanceof Rule rule) {
                rules.add(rule);
            }
        }
        return new RuleList(List.of(), rules);
    }

    /** A Resin 4 rule, or {@code null} when a part failed. */
    static Rule resin4(TagContext context, List<Object> children, Pattern regexp, Action action) {
        if (context.failed() || action == null) {
            return null;
        }
        List<Object> shown = new ArrayList<>(conditions(children));
        shown.addAll(filters(children));
        return new MatchRule(new MatchRule.Spec(context.syntax(shown), context.display()
                + (regexp == null ? "" : " " + regexp.pattern()), false, regexp, false, conditions(children),
                filters(children), action, null, null, context.origin()));
    }

    /** A Resin 3.1 rule, or {@code null} when a part failed. */
    static Rule resin3(TagContext context, List<Object> children, String logName, Pattern regexp, boolean fullUrl,
                       Action action, RuleSwitch toggle) {
        if (context.failed() || action == null) {
            return null;
        }
        return new MatchRule(new MatchRule.Spec(context.syntax(conditions(children)), logName
                + (regexp == null ? "" : " " + regexp.pattern()), true, regexp, fullUrl, conditions(children),
                List.of(), action, toggle, context.value("name"), context.origin()));
    }
}

package dev.turnpike.admin;

import dev.turnpike.rules.Action;
import dev.turnpike.rules.MatchRule;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.RuleCounters;
import dev.turnpike.rules.RuleList;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.actions.Actions;
import java.util.ArrayList;
import java.util.List;

/** Every rule of a rule set, nested ones included, in evaluation order ({@link RuleView}). */
final class RuleListing {

    private RuleListing() {
    }

    static List<RuleView> of(RuleSet rules) {
        List<RuleView> views = new ArrayList<>();
        if (rules == null) {
            return views;
        }
        for (RuleSet.Scope scope : rules.scopes()) {
            String host = scope.host() == null || scope.host().isEmpty() ? "default" : scope.host();
            String webApp = !scope.level().equals("web-app") ? null
                    : scope.webApp() == null || scope.webApp().isEmpty() ? "/" : scope.webApp();
            add(scope.rules(), "", scope.level(), host, webApp, views);
        }
        return views;
    }

    private static void add(RuleList list, String prefix, String level, String host, String webApp,
                            List<RuleView> views) {
        int position = 0;
        for (Rule rule : list.rules()) {
            String order = prefix + ++position;
            views.add(view(rule, order, level, host, webApp));
            RuleList children = children(rule);
            if (children != null) {
                add(children, order + ".", level, host, webApp, views);
            }
        }
    }

    private static RuleList children(Rule rule) {
        if (!(rule instanceof MatchRule match)) {
            return null;
        }
        Action action = match.spec().action();
        if (action instanceof Actions.Group group) {
            return group.children();
        }
        if (action instanceof Actions.RewriteDispatch block) {
            return block.children();
        }
        if (action instanceof Actions.Import imported) {
            return imported.source().rules();
        }
        return null;
    }

    private static RuleView view(Rule rule, String order, String level, String host, String webApp) {
        boolean enabled = true;
        boolean switchable = false;
        long hits = 0;
        RuleCounters.Failure failure = null;
        if (rule instanceof MatchRule match) {
            switchable = match.spec().toggle() != null;
            enabled = !switchable || match.spec().toggle().isEnabled();
            hits = match.counters().hits();
            failure = match.counters().lastFailure();
        }
        return new RuleView(order, level, host, webApp, rule.name(), kind(rule.toString()), rule.toString(),
                rule.origin(), enabled, switchable, hits, failure == null ? null : failure.message(),
                failure == null ? null : failure.at().toString());
    }

    /** The tag of a rule written as {@code <resin:Redirect ...>}: {@code resin:Redirect}. */
    static String kind(String syntax) {
        if (!syntax.startsWith("<")) {
            return syntax;
        }
        int end = 1;
        while (end < syntax.length() && " \t\n/>".indexOf(syntax.charAt(end)) < 0) {
            end++;
        }
        return syntax.substring(1, end);
    }
}

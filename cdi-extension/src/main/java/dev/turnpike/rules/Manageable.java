package dev.turnpike.rules;

import dev.turnpike.rules.actions.Actions;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a rule set operators manage while it serves: named rules (start/stop) and imports
 * (reload), each with the host and web-app it belongs to, found anywhere in the rule tree.
 */
public final class Manageable {

    private Manageable() {
    }

    /**
     * A named rule or an import and where it applies.
     *
     * @param host       the host id ({@code default} for rules of no particular host)
     * @param webApp     the context path ({@code /} for the root), or {@code null} above web-app level
     * @param rule       the named rule, or {@code null} for an anonymous import
     * @param ruleImport the import, or {@code null} for a plain rule
     */
    public record Item(String host, String webApp, MatchRule rule, RuleImport ruleImport) {

        /** The name operators see: the rule's name, else the import's. */
        public String name() {
            return rule != null && rule.name() != null ? rule.name() : ruleImport.name();
        }
    }

    /** Every named rule and every import in the rule set. */
    public static List<Item> in(RuleSet rules) {
        List<Item> items = new ArrayList<>();
        for (RuleSet.Scope scope : rules.scopes()) {
            String host = scope.host() == null || scope.host().isEmpty() ? "default" : scope.host();
            String webApp = null;
            if (scope.level().equals("web-app")) {
                webApp = scope.webApp() == null || scope.webApp().isEmpty() ? "/" : scope.webApp();
            }
            collect(scope.rules(), host, webApp, items);
        }
        return items;
    }

    private static void collect(RuleList list, String host, String webApp, List<Item> items) {
        for (Rule rule : list.rules()) {
            if (!(rule instanceof MatchRule match)) {
                continue;
            }
            Action action = match.spec().action();
            RuleImport ruleImport = action instanceof Actions.Import imported ? imported.source() : null;
            if (match.name() != null || ruleImport != null) {
                items.add(new Item(host, webApp, match.name() != null && match.spec().toggle() != null ? match : null,
                        ruleImport));
            }
            if (action instanceof Actions.Group group) {
                collect(group.children(), host, webApp, items);
            } else if (action instanceof Actions.RewriteDispatch block) {
                collect(block.children(), host, webApp, items);
            } else if (ruleImport != null) {
                collect(ruleImport.rules(), host, webApp, items);
            }
        }
    }
}

package dev.turnpike.config.lint;

import dev.turnpike.rules.Action;
import dev.turnpike.rules.Condition;
import dev.turnpike.rules.MatchRule;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.RuleFilter;
import dev.turnpike.rules.RuleList;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.Target;
import dev.turnpike.rules.actions.Actions;
import dev.turnpike.rules.conditions.Composites;
import dev.turnpike.rules.conditions.Conditions;
import dev.turnpike.rules.conditions.When;
import dev.turnpike.rules.custom.CustomDispatch;
import dev.turnpike.rules.filters.Filters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lint for a loaded configuration: rules that load and work but are risky or can never fire.
 *
 * <p>Every list of rules is visited in the order requests meet it ({@link RuleSet#scopes()}:
 * server, host, web-app), each rule in order, the rules of groups, {@code <rewrite-dispatch>}
 * blocks and imports right after the rule that holds them; a rule's warnings come in the order of
 * the codes. A warning that two scopes share (a host's default web-app rules are part of each of
 * its web-apps) is reported once. The codes:
 *
 * <table>
 *   <caption>Lint codes</caption>
 *   <tr><td>{@value #NESTED_QUANTIFIER}</td><td>a regexp repeats a part that itself repeats and
 *       can read the same characters: exponential backtracking ({@link Backtracking})</td></tr>
 *   <tr><td>{@value #OVERLAPPING_ALTERNATION}</td><td>a regexp repeats an alternation whose
 *       alternatives can read the same text: exponential backtracking</td></tr>
 *   <tr><td>{@value #OPEN_REDIRECT}</td><td>a 301's {@code Location} can start with
 *       {@code //}, {@code /\}, {@code \\} or {@code \/} taken from the request: a redirect to
 *       any host</td></tr>
 *   <tr><td>{@value #SCHEME_FROM_REQUEST}</td><td>a redirect's {@code Location} can start with a
 *       scheme ({@code https:}, {@code javascript:}) taken from the request</td></tr>
 *   <tr><td>{@value #ENCODED_LINE_BREAK}</td><td>a target contains {@code %0d} or
 *       {@code %0a}</td></tr>
 *   <tr><td>{@value #CAPTURED_LINE_BREAK}</td><td>a redirect puts a group that can capture CR or
 *       LF into {@code Location}</td></tr>
 *   <tr><td>{@value #SHADOWED}</td><td>an earlier rule of the same list always decides first, so
 *       the rule never fires ({@link Shadowing})</td></tr>
 * </table>
 *
 * <p>A 302 ({@code resin:Redirect}, Resin 3.1 {@code <redirect>}) is made absolute with the
 * request's own host before it is sent ({@link dev.turnpike.rules.RedirectLocation}), so a target
 * starting with {@code //} stays on this host and only a scheme taken from the request can send
 * it elsewhere; a 301 ({@code resin:MovedPermanently}, {@code <moved-permanently>}) is sent as the
 * target is, so both can.
 */
public final class Lint {

    public static final String NESTED_QUANTIFIER = "TPL0101";
    public static final String OVERLAPPING_ALTERNATION = "TPL0102";
    public static final String OPEN_REDIRECT = "TPL0111";
    public static final String SCHEME_FROM_REQUEST = "TPL0112";
    public static final String ENCODED_LINE_BREAK = "TPL0121";
    public static final String CAPTURED_LINE_BREAK = "TPL0122";
    public static final String SHADOWED = "TPL0131";

    private Lint() {
    }

    /** The warnings for a rule set, in the order described above. */
    public static List<LintWarning> check(RuleSet rules) {
        Set<LintWarning> warnings = new LinkedHashSet<>();
        for (RuleSet.Scope scope : rules.scopes()) {
            list(scope.rules(), warnings);
        }
        return List.copyOf(warnings);
    }

    private static void list(RuleList list, Set<LintWarning> warnings) {
        List<Rule> rules = list.rules();
        List<MatchRule> hiders = Shadowing.hiders(rules);
        for (int i = 0; i < rules.size(); i++) {
            if (!(rules.get(i) instanceof MatchRule rule)) {
                continue;
            }
            rule(rule, hiders.get(i), warnings);
            Action action = rule.spec().action();
            if (action instanceof Actions.Group group) {
                list(group.children(), warnings);
            } else if (action instanceof Actions.RewriteDispatch block) {
                list(block.children(), warnings);
            } else if (action instanceof Actions.Import imported) {
                list(imported.source().rules(), warnings);
            }
        }
    }

    private static void rule(MatchRule rule, MatchRule hider, Set<LintWarning> warnings) {
        MatchRule.Spec spec = rule.spec();
        if (spec.regexp() != null) {
            backtracking(rule, spec.regexp(), spec.fullUrl() ? "'full-url-regexp'" : "'regexp'", true, warnings);
        }
        for (Condition condition : spec.conditions()) {
            condition(rule, condition, warnings);
        }
        for (RuleFilter filter : spec.filters()) {
            if (filter instanceof Filters.Gated gated) {
                if (gated.regexp() != null) {
                    backtracking(rule, gated.regexp(), "the regexp of " + gated.filter(), false, warnings);
                }
                gated.conditions().forEach(condition -> condition(rule, condition, warnings));
            }
        }
        target(rule, warnings);
        if (hider != null) {
            warnings.add(warning(SHADOWED, rule, shadowed(rule, hider)));
        }
    }

    // --- backtracking ---

    private static void condition(MatchRule rule, Condition condition, Set<LintWarning> warnings) {
        if (condition instanceof When when) {
            condition(rule, when.condition(), warnings);
        } else if (condition instanceof Composites.Combined combined) {
            combined.children().forEach(child -> condition(rule, child, warnings));
        } else if (condition instanceof Composites.Not not) {
            condition(rule, not.child(), warnings);
        } else {
            Pattern pattern = conditionPattern(condition);
            if (pattern != null) {
                backtracking(rule, pattern, "the regexp of " + condition, false, warnings);
            }
        }
    }

    private static Pattern conditionPattern(Condition condition) {
        if (condition instanceof Conditions.Header header) {
            return header.regexp();
        }
        if (condition instanceof Conditions.Cookie cookie) {
            return cookie.regexp();
        }
        if (condition instanceof Conditions.QueryParam param) {
            return param.regexp();
        }
        if (condition instanceof Conditions.LocaleMatch locale) {
            return locale.regexp();
        }
        if (condition instanceof Conditions.ServerName name) {
            return name.regexp();
        }
        if (condition instanceof Conditions.PathInfo pathInfo) {
            return pathInfo.regexp();
        }
        return null;
    }

    private static void backtracking(MatchRule rule, Pattern pattern, String where, boolean ruleRegexp,
                                     Set<LintWarning> warnings) {
        for (Backtracking.Finding finding : Backtracking.find(pattern)) {
            String shape;
            if (finding.code().equals(NESTED_QUANTIFIER)) {
                shape = "repeats \"" + finding.inner() + "\" inside \"" + finding.outer() + "\", and both can read \""
                        + finding.sample() + "\"";
            } else {
                shape = "repeats the alternation \"" + finding.outer() + "\", two of whose alternatives can read the"
                        + " same text (both can start with \"" + finding.sample() + "\")";
            }
            String cost = ruleRegexp
                    ? "Turnpike stops matching a rule regexp after a budget and then treats the rule as not matching,"
                    + " so such a request also slips past this rule"
                    : "Turnpike runs condition and filter regexps on request input without any budget, so one"
                    + " request can hold a thread for minutes";
            warnings.add(warning(finding.code(), rule, where + " \"" + pattern.pattern() + "\" " + shape
                    + ": on input that almost matches, the matcher tries every way of dividing the characters"
                    + " between the repetitions, which takes time exponential in the input's length. " + cost
                    + ". Rewrite it so each character can be read only one way (\"(a+)+\" as \"a+\", \"(\\w+\\s?)*\""
                    + " as \"[\\w\\s]*\", \"(a|aa)+\" as \"a+\"), or make the inner part possessive (\"a++\") or"
                    + " atomic (\"(?>a+)\")"));
        }
    }

    // --- targets ---

    private static void target(MatchRule rule, Set<LintWarning> warnings) {
        Action action = rule.spec().action();
        Target target = target(action);
        if (target == null) {
            return;
        }
        String text = target.toString();
        Pattern regexp = rule.regexp();
        TargetParts parts = TargetParts.of(text, regexp == null ? 0 : regexp.matcher("").groupCount(),
                regexp == null);
        boolean moved = action instanceof Actions.Moved;
        boolean location = moved || action instanceof Actions.Redirect;
        Locations locations = location && regexp != null ? new Locations(regexp, parts) : null;
        if (locations != null) {
            int slashes = moved ? locations.slashesFromGroup() : -1;
            if (slashes >= 0) {
                warnings.add(warning(OPEN_REDIRECT, rule, openRedirect(text, slashes, locations)));
            }
            int scheme = locations.schemeFromGroup();
            if (scheme >= 0) {
                warnings.add(warning(SCHEME_FROM_REQUEST, rule, schemeFromRequest(text, scheme, locations)));
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("%0d") || lower.contains("%0a")) {
            warnings.add(warning(ENCODED_LINE_BREAK, rule, encodedLineBreak(text, action)));
        }
        if (locations != null) {
            List<Integer> groups = locations.groupsWithLineBreaks();
            if (!groups.isEmpty()) {
                warnings.add(warning(CAPTURED_LINE_BREAK, rule, capturedLineBreak(text, groups, locations)));
            }
        }
    }

    private static Target target(Action action) {
        if (action instanceof Actions.Redirect redirect) {
            return redirect.target();
        }
        if (action instanceof Actions.Moved moved) {
            return moved.target();
        }
        if (action instanceof Actions.Dispatch dispatch) {
            return dispatch.target();
        }
        if (action instanceof Actions.Forward forward) {
            return forward.target();
        }
        if (action instanceof Actions.Rewrite rewrite) {
            return rewrite.target();
        }
        if (action instanceof Actions.Proxy proxy) {
            return proxy.target();
        }
        if (action instanceof CustomDispatch custom) {
            return custom.target();
        }
        return null;
    }

    private static String openRedirect(String target, int group, Locations locations) {
        return "the 301 can send the browser to any host: the target \"" + target + "\" starts with what group "
                + group + " \"" + locations.groupText(group) + "\" captured, which can begin with \"/\" or \"\\\","
                + " so the request decides whether Location starts with \"//\" or \"/\\\", which browsers read as"
                + " \"another host\" (a path such as .../%2F%2Fevil.example or ...//evil.example). A 301's Location"
                + " is sent as the target is, not made absolute. Make the group unable to start with a slash or"
                + " backslash (e.g. \"([^/\\\\].*)\"), or use an absolute target on your own host"
                + " (\"https://www.example.com/$" + group + "\")";
    }

    private static String schemeFromRequest(String target, int group, Locations locations) {
        return "the redirect can send the browser anywhere: the target \"" + target + "\" starts with what group "
                + group + " \"" + locations.groupText(group) + "\" captured, which can be letters and a \":\", so"
                + " the request can make Location start with a scheme of its choosing (\"https:/evil.example\","
                + " \"javascript:...\"), and a Location with a scheme is sent as it is. Start the target with \"/\""
                + " or with an absolute URL of your own site";
    }

    private static String encodedLineBreak(String target, Action action) {
        String where;
        if (action instanceof Actions.Redirect || action instanceof Actions.Moved) {
            where = "Turnpike sends it in the Location header as written (not decoded, so the header itself"
                    + " stays whole), and the browser that follows the redirect requests a path with a line break in"
                    + " it";
        } else if (action instanceof Actions.Proxy) {
            where = "it is passed to the backend as written and decoded there into a line break in the path";
        } else {
            where = "the request dispatcher decodes it into a line break in the path the next rule or the"
                    + " application sees";
        }
        return "the target \"" + target + "\" contains an encoded line break (\"%0d\" is CR, \"%0a\" is LF): " + where
                + ". A line break has no place in a URL and is the raw material of header injection; remove it";
    }

    private static String capturedLineBreak(String target, List<Integer> groups, Locations locations) {
        List<String> described = new ArrayList<>();
        for (int group : groups) {
            described.add("group " + group + " \"" + locations.groupText(group) + "\"");
        }
        return "the target \"" + target + "\" puts " + String.join(", ", described) + " into the Location header, and"
                + (groups.size() == 1 ? " it" : " they") + " can capture a CR or LF (a request path with %0d or %0a"
                + " decodes to one). Turnpike percent-encodes CR and LF in every Location today (they are sent as"
                + " %0D and %0A, never raw), so the header cannot be split; the redirect still carries the line break"
                + " to the next request. Exclude line breaks from the group, e.g. \"[^/\\r\\n]+\" instead of"
                + " \"[^/]+\" (\".\" already excludes them)";
    }

    // --- shadowed rules ---

    private static String shadowed(MatchRule rule, MatchRule hider) {
        String why;
        if (hider.regexp() == null) {
            why = "it has no regexp, so it decides every request that reaches it";
        } else if (Shadowing.matchesEverything(hider)) {
            why = "its regexp \"" + hider.regexp().pattern() + "\" matches every subject";
        } else {
            why = "its regexp \"" + hider.regexp().pattern() + "\" matches every subject this rule's \""
                    + rule.regexp().pattern() + "\" can match";
        }
        return "this rule can never fire: the earlier rule " + hider.spec().syntax() + " at " + hider.origin()
                + " decides first (it has no conditions, no on/off switch or schedule, and ends the evaluation), and "
                + why + ". Move this rule above it, give the earlier rule a narrower regexp or a condition, or"
                + " remove this rule";
    }

    private static LintWarning warning(String code, MatchRule rule, String message) {
        return new LintWarning(code, rule.origin(), rule.spec().syntax(), message);
    }
}

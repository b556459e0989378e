package dev.turnpike.config;

import static dev.turnpike.config.AttributeSpec.optional;
import static dev.turnpike.config.AttributeSpec.repeatable;
import static dev.turnpike.config.AttributeSpec.required;

import dev.turnpike.config.TagSpec.Kind;
import dev.turnpike.cron.CronSchedule;
import dev.turnpike.net.IpNetworks;
import dev.turnpike.rules.Action;
import dev.turnpike.rules.BackendRoute;
import dev.turnpike.rules.Condition;
import dev.turnpike.rules.MatchRule;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.RuleImport;
import dev.turnpike.rules.RuleList;
import dev.turnpike.rules.RuleSwitch;
import dev.turnpike.rules.Target;
import dev.turnpike.rules.actions.Actions;
import dev.turnpike.rules.actions.QueryAppend;
import dev.turnpike.rules.conditions.Composites;
import dev.turnpike.rules.conditions.Conditions;
import dev.turnpike.rules.conditions.When;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Resin 3.1's {@code <rewrite-dispatch>} and the rules and conditions inside it, as data. The
 * targets follow Resin 4.0's versions of these rules (every match replaced; {@code dispatch} and
 * {@code forward} keep the request's parameters instead of appending the query string).
 */
final class RewriteDispatchTags {

    /** The condition attributes of {@code <when>} / {@code <unless>}: exactly one per element. */
    static final List<String> WHEN_TESTS = List.of("auth-type", "cookie", "exists", "expr", "header", "local-port",
            "locale", "method", "query-param", "remote-addr", "remote-user", "secure", "server-name", "server-port",
            "user-in-role");

    private static final Set<Kind> RULE_CHILDREN = Set.of(Kind.OLD_CONDITION);
    private static final Set<Kind> CONDITION_CHILDREN = Set.of(Kind.OLD_CONDITION);
    private static final AttributeSpec TARGET = required("target", "where the request goes; $1... insert the regexp's groups");

    private RewriteDispatchTags() {
    }

    static List<TagSpec> all() {
        List<TagSpec> tags = new ArrayList<>();
        tags.add(TagSpec.strict(TagCatalog.RESIN_NS, "rewrite-dispatch", "rewrite-dispatch", Kind.REWRITE_BLOCK,
                List.of(repeatable("dispatcher-type", false, "REQUEST (default), FORWARD or INCLUDE")),
                Set.of(Kind.OLD_RULE), RewriteDispatchTags::block));
        tags.add(rule("dispatch", List.of(optional("target", "where the request is dispatched")), (c, regexp) ->
                new Actions.Dispatch(c.target("target", regexp, Target.Replace.ALL), QueryAppend.NONE)));
        tags.add(rule("forward", List.of(optional("target", "where the request is forwarded; $1... insert the"
                                + " regexp's groups"), optional("target-host", "accepted for Resin compatibility; ignored"),
                        optional("absolute-target", "a target resolved by the root web-app")), (c, regexp) -> {
                    boolean viaRoot = c.has("absolute-target");
                    if (viaRoot == c.has("target")) {
                        c.problem(viaRoot ? "TPC0108" : "TPC0104", "<forward> needs exactly one of 'target' (resolved"
                                + " by the current web-app) and 'absolute-target' (resolved by the root web-app)");
                        return null;
                    }
                    Target target = c.target(viaRoot ? "absolute-target" : "target", regexp, Target.Replace.ALL);
                    return target == null ? null : new Actions.Forward(target, viaRoot, QueryAppend.NONE);
                }));
        tags.add(rule("redirect", List.of(TARGET), (c, regexp) -> {
            Target target = c.target("target", regexp, Target.Replace.ALL);
            return target == null ? null : new Actions.Redirect(target, QueryAppend.ALWAYS);
        }));
        tags.add(rule("moved-permanently", List.of(TARGET), (c, regexp) -> {
            Target target = c.target("target", regexp, Target.Replace.ALL);
            return target == null ? null : new Actions.Moved(target, QueryAppend.IF_ABSENT);
        }));
        tags.add(rule("forbidden", List.of(), (c, regexp) -> new Actions.SendError(403, null)));
        tags.add(rule("gone", List.of(), (c, regexp) -> new Actions.SendError(410, null)));
        tags.add(rule("not-found", List.of(), (c, regexp) -> new Actions.SendError(404, null)));
        tags.add(rule("rewrite", List.of(required("target", "the rewritten path; $1... insert the regexp's groups",
                "replacement")), (c, regexp) -> {
                    Target target = c.target("target", regexp, Target.Replace.ALL);
                    return target == null ? null : new Actions.Rewrite(target);
                }));
        tags.add(rule("set", List.of(optional("request-secure", "true or false: what isSecure() reports from here on"),
                optional("request-character-encoding", "the request's character encoding"),
                optional("response-character-encoding", "the response's character encoding"),
                optional("response-content-type", "the response's content type")), RewriteDispatchTags::set));
        tags.add(rule("load-balance", StickySettings.with(List.of(
                required("cluster", "the id of the cluster to send requests to"),
                optional("strategy", "round-robin or least-connection (default)"),
                optional("sticky-sessions", "whether a session stays on its server (default true)"),
                optional("connection-load-weight", "accepted for Resin compatibility"),
                optional("cpu-load-weight", "accepted for Resin compatibility"))), (c, regexp) -> {
                    String strategy = c.choice("strategy", List.of("round-robin", "least-connection"), "least-connection");
                    BackendRoute backend = new BackendRoute.Cluster(c.value("cluster"), strategy,
                            c.bool("sticky-sessions", true), StickySettings.read(c));
                    return new Actions.Proxy(backend, null, true);
                }));
        tags.add(rule("proxy", List.of(repeatable("address", true, "a backend as host:port"),
                optional("target", "the path the backend sees; $1... insert the regexp's groups")), (c, regexp) -> {
                    for (String address : c.values("address")) {
                        String problem = Addresses.check(address);
                        if (problem != null) {
                            c.invalid("address", problem);
                        }
                    }
                    Target target = c.target("target", regexp, Target.Replace.ALL);
                    return new Actions.Proxy(new BackendRoute.Http(c.values("address"), new LinkedHashMap<>()),
                            target, false);
                }));
        tags.add(TagSpec.strict(TagCatalog.RESIN_NS, "match", "match", Kind.OLD_RULE, common(List.of()),
                Set.of(Kind.OLD_RULE, Kind.OLD_CONDITION), (c, children) -> {
                    Pattern regexp = regexp(c);
                    return RuleParts.resin3(c, children, "match", regexp, c.has("full-url-regexp"),
                            new Actions.Group(RuleParts.childRules(children)), toggle(c));
                }));
        tags.add(TagSpec.strict(TagCatalog.RESIN_NS, "import", "import", Kind.OLD_RULE, common(List.of(
                        required("path", "the file of rules to import (its root is <rewrite-dispatch>)"),
                        optional("optional", "true when a missing file means no rules (default false)"),
                        optional("dependency-check-interval", "how often the file is checked for changes (default 2s)"))),
                RULE_CHILDREN, RewriteDispatchTags::importRule));
        tags.addAll(conditions());
        return tags;
    }

    private static List<AttributeSpec> common(List<AttributeSpec> specific) {
        List<AttributeSpec> all = new ArrayList<>();
        all.add(optional("regexp", "the pattern the path must contain a match for"));
        all.add(optional("full-url-regexp", "a pattern matched against the path plus ?query"));
        all.add(optional("name", "the rule's name, for JMX start/stop"));
        all.add(optional("enabled", "whether the rule starts enabled (default true)"));
        all.add(optional("enable-at", "when the rule switches on (cron syntax)"));
        all.add(optional("disable-at", "when the rule switches off (cron syntax)"));
        all.addAll(specific);
        return all;
    }

    private static TagSpec rule(String name, List<AttributeSpec> attributes,
                                BiFunction<TagContext, Pattern, Action> action) {
        return TagSpec.strict(TagCatalog.RESIN_NS, name, name, Kind.OLD_RULE, common(attributes), RULE_CHILDREN,
                (c, children) -> {
                    Pattern regexp = regexp(c);
                    RuleSwitch toggle = toggle(c);
                    Action made = c.failed() ? null : action.apply(c, regexp);
                    return RuleParts.resin3(c, children, logName(name), regexp, c.has("full-url-regexp"), made, toggle);
                });
    }

    private static String logName(String tag) {
        return switch (tag) {
            case "moved-permanently" -> "moved(301)";
            case "forbidden" -> "error(403)";
            case "not-found" -> "error(404)";
            case "gone" -> "error(410)";
            default -> tag;
        };
    }

    private static Pattern regexp(TagContext c) {
        if (c.has("regexp") && c.has("full-url-regexp")) {
            c.problem("TPC0108", "<" + c.display() + "> has both 'regexp' and 'full-url-regexp'; give one:"
                    + " 'regexp' matches the path, 'full-url-regexp' the path plus ?query");
            return null;
        }
        return c.has("full-url-regexp") ? c.regexp("full-url-regexp") : c.regexp("regexp");
    }

    /** The rule's switch when it is named or scheduled, else {@code null} (always on). */
    private static RuleSwitch toggle(TagContext c) {
        boolean enabled = c.bool("enabled", true);
        CronSchedule enableAt = c.cron("enable-at");
        CronSchedule disableAt = c.cron("disable-at");
        if (!enabled && enableAt == null && !c.has("name") && !c.failed()) {
            c.problem("TPC0104", "<" + c.display() + " enabled=\"false\"> needs a 'name' (to start it over JMX)"
                    + " or an 'enable-at' schedule; otherwise it could never run");
            return null;
        }
        if (enabled && enableAt == null && disableAt == null && !c.has("name")) {
            return null;
        }
        return new RuleSwitch(enabled, enableAt, disableAt);
    }

    private static Object block(TagContext c, List<Object> children) {
        for (String type : c.values("dispatcher-type")) {
            if (!List.of("REQUEST", "FORWARD", "INCLUDE").contains(type.trim())) {
                c.invalid("dispatcher-type", "'" + type + "' is not valid; valid: REQUEST, FORWARD, INCLUDE");
            }
        }
        if (c.failed()) {
            return null;
        }
        RuleList rules = RuleParts.childRules(children);
        Rule group = new MatchRule(new MatchRule.Spec(c.syntax(List.of()), "rewrite-dispatch", true, null, false,
                List.of(), List.of(), new Actions.RewriteDispatch(rules), null, null, c.origin()));
        return new Containers.RewriteBlock(rules, group);
    }

    private static Action set(TagContext c, Pattern regexp) {
        Boolean secure = c.has("request-secure") ? c.bool("request-secure", false) : null;
        for (String encoding : List.of("request-character-encoding", "response-character-encoding")) {
            if (c.has(encoding)) {
                try {
                    java.nio.charset.Charset.forName(c.value(encoding));
                } catch (IllegalArgumentException e) {
                    c.invalid(encoding, "'" + c.value(encoding) + "' is not a character encoding this JVM knows");
                }
            }
        }
        return new Actions.Set(secure, c.value("request-character-encoding"), c.value("response-character-encoding"),
                c.value("response-content-type"));
    }

    private static Object importRule(TagContext c, List<Object> children) {
        Pattern regexp = regexp(c);
        RuleSwitch toggle = toggle(c);
        boolean optional = c.bool("optional", false);
        long interval = c.period("dependency-check-interval", 2000);
        if (c.failed()) {
            return null;
        }
        ReadSession session = c.session();
        if (session.directory() == null) {
            c.problem("TPC0114", "<import> needs the configuration to be a file on disk, so the path '"
                    + c.value("path") + "' has a directory to resolve against");
            return null;
        }
        if (session.importDepth() >= ResinConfigReader.MAX_IMPORT_DEPTH) {
            c.problem("TPC0114", "<import> nests deeper than " + ResinConfigReader.MAX_IMPORT_DEPTH
                    + " files; does a file import itself?");
            return null;
        }
        Path path = session.directory().resolve(c.value("path")).normalize();
        String name = c.value("name", path.toString());
        ResinConfigReader reader = session.reader();
        int depth = session.importDepth() + 1;
        Releases releases = session.releases();
        RuleImport ruleImport = new RuleImport(path, name, optional, interval, content -> {
            try {
                return reader.readImport(path.toString(), content, path.getParent(), depth, releases);
            } catch (ConfigException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        try {
            ruleImport.loadInitially(System.currentTimeMillis());
        } catch (java.io.IOException e) {
            c.problem("TPC0114", "Required file '" + path + "' can not be read for import: " + e.getMessage()
                    + " (add optional=\"true\" if the file may be missing)");
            return null;
        } catch (Exception e) {
            if (e.getCause() instanceof ConfigException problems) {
                session.problems().addAll(problems.problems());
            } else {
                c.problem("TPC0114", "cannot import '" + path + "': " + e.getMessage());
            }
            return null;
        }
        session.imported(ruleImport);
        return RuleParts.resin3(c, children, "import", regexp, c.has("full-url-regexp"), new Actions.Import(ruleImport),
                toggle);
    }

    // --- conditions ---

    private static List<TagSpec> conditions() {
        List<AttributeSpec> whenAttributes = new ArrayList<>();
        for (String test : WHEN_TESTS) {
            whenAttributes.add(optional(test, "the " + test + " test"));
        }
        whenAttributes.add(optional("regexp", "the pattern the tested value must contain a match for"));
        whenAttributes.add(optional("case-insensitive", "whether the regexp ignores case (default false)"));
        whenAttributes.add(optional("send-vary", "whether a Vary header is sent (default true)"));
        return List.of(
                TagSpec.strict(TagCatalog.RESIN_NS, "when", "when", Kind.OLD_CONDITION, whenAttributes, Set.of(),
                        (c, children) -> when(c)),
                TagSpec.strict(TagCatalog.RESIN_NS, "unless", "unless", Kind.OLD_CONDITION, whenAttributes, Set.of(),
                        (c, children) -> {
                            Condition test = when(c);
                            return test == null ? null : new When(new Composites.Not(test, "unless"), null, false,
                                    c.syntax(List.of()));
                        }),
                composite("and", children -> new Composites.Combined(Composites.Combine.ALL, children, "and")),
                composite("or", children -> new Composites.Combined(Composites.Combine.ANY, children, "or")),
                composite("not", children -> new Composites.Combined(Composites.Combine.NONE, children, "not")));
    }

    private static TagSpec composite(String name, java.util.function.Function<List<Condition>, Condition> make) {
        return TagSpec.strict(TagCatalog.RESIN_NS, name, name, Kind.OLD_CONDITION, List.of(), CONDITION_CHILDREN,
                (c, children) -> make.apply(Containers.all(children, Condition.class)));
    }

    /** The test of a {@code <when>}: exactly one test attribute, with its companions. */
    private static Condition when(TagContext c) {
        List<String> given = new ArrayList<>();
        for (String test : WHEN_TESTS) {
            if (c.has(test)) {
                given.add(test);
            }
        }
        if (given.size() != 1) {
            c.problem("TPC0113", "<" + c.display() + "> needs exactly one test attribute"
                    + (given.isEmpty() ? "" : ", not " + given.size() + " (" + String.join(", ", given) + ")")
                    + "; valid: " + String.join(", ", WHEN_TESTS));
            return null;
        }
        String test = given.get(0);
        String value = c.value(test);
        boolean sendVary = c.bool("send-vary", true);
        int flags = c.bool("case-insensitive", false) ? Pattern.CASE_INSENSITIVE : 0;
        Pattern regexp = c.regexp("regexp", flags);
        if (c.failed()) {
            return null;
        }
        String syntax = c.syntax(List.of());
        String varyOrPrivate = sendVary ? "Cookie" : null;
        return switch (test) {
            case "auth-type" -> {
                String type = c.choice("auth-type", Conditions.AuthType.VALUES, null);
                yield type == null ? null : new When(new Conditions.AuthType(type), varyOrPrivate, !sendVary, syntax);
            }
            case "cookie" -> new When(new Conditions.Cookie(value, regexp), sendVary ? "Cookie" : null, false, syntax);
            case "header" -> new When(new Conditions.Header(value, regexp), sendVary ? value : null, false, syntax);
            case "query-param" -> new When(new Conditions.QueryParam(value, regexp, true), null, false, syntax);
            case "locale" -> {
                Pattern locale = c.compile("locale", value, Pattern.CASE_INSENSITIVE);
                yield locale == null ? null
                        : new When(new Conditions.LocaleMatch(locale), sendVary ? "Accept-Language" : null, false, syntax);
            }
            case "remote-addr" -> {
                IpNetworks networks = c.networks("remote-addr", List.of(value));
                yield networks == null ? null : new When(new Conditions.Network(networks), null, true, syntax);
            }
            case "remote-user" -> new When(new Conditions.RemoteUser(value), varyOrPrivate, !sendVary, syntax);
            case "user-in-role" -> new When(new RoleTest(value), varyOrPrivate, !sendVary, syntax);
            case "secure" -> new When(new Conditions.Secure(c.bool("secure", true)), null, false, syntax);
            case "method" -> new When(new Conditions.Method(value), null, false, syntax);
            case "server-name" -> {
                Pattern name = c.compile("server-name", value, Pattern.CASE_INSENSITIVE);
                yield name == null ? null : new When(new Conditions.ServerName(name), null, false, syntax);
            }
            case "server-port" -> new When(new Conditions.ServerPort(c.integer("server-port", 1, 65535, 0)), null,
                    false, syntax);
            case "local-port" -> new When(new Conditions.LocalPort(c.integer("local-port", 1, 65535, 0)), null,
                    false, syntax);
            case "exists" -> new When(new Conditions.FileExists(), null, false, syntax);
            case "expr" -> constant(c, value, syntax);
            default -> throw new IllegalStateException(test);
        };
    }

    /** {@code expr}: Resin evaluates it without variables, so only constants mean anything. */
    private static Condition constant(TagContext c, String value, String syntax) {
        String expression = value.trim();
        if (expression.startsWith("${") && expression.endsWith("}")) {
            expression = expression.substring(2, expression.length() - 1).trim();
        }
        if (expression.equals("true") || expression.equals("false")) {
            return new When(new Conditions.Constant(Boolean.parseBoolean(expression), value), null, false, syntax);
        }
        c.invalid("expr", "'" + value + "' is not a constant; Turnpike never evaluates expressions from"
                + " configuration, and Resin evaluates this one without any variables; valid: ${true}, ${false}");
        return null;
    }

    /** Resin 3.1's {@code user-in-role}: the one role, checked by the container. */
    private record RoleTest(String role) implements Condition {
        @Override
        public boolean test(dev.turnpike.rules.Exchange exchange) {
            return exchange.isUserInRole(role);
        }
    }
}

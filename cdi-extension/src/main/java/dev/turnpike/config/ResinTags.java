package dev.turnpike.config;

import static dev.turnpike.config.AttributeSpec.optional;
import static dev.turnpike.config.AttributeSpec.repeatable;
import static dev.turnpike.config.AttributeSpec.required;

import dev.turnpike.config.TagSpec.Kind;
import dev.turnpike.net.IpNetworks;
import dev.turnpike.rules.BackendRoute;
import dev.turnpike.rules.Condition;
import dev.turnpike.rules.HeaderEdit;
import dev.turnpike.rules.RuleFilter;
import dev.turnpike.rules.Target;
import dev.turnpike.rules.actions.Actions;
import dev.turnpike.rules.actions.QueryAppend;
import dev.turnpike.rules.conditions.Composites;
import dev.turnpike.rules.conditions.Conditions;
import dev.turnpike.rules.filters.Filters;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Resin 4's {@code resin:*} rule, condition and filter tags, as data. */
final class ResinTags {

    static final AttributeSpec REGEXP = optional("regexp", "the pattern the path must contain a match for");
    private static final AttributeSpec TARGET = required("target", "where the request goes; $1... insert the regexp's groups");
    private static final AttributeSpec OPTIONAL_TARGET = optional("target",
            "where the request goes; $1... insert the regexp's groups");
    static final AttributeSpec TARGET_HOST = optional("target-host", "accepted for Resin compatibility; ignored");
    private static final AttributeSpec ABSOLUTE_TARGET = optional("absolute-target",
            "a target resolved by the root web-app instead of the current one");
    private static final Set<Kind> RULE_CHILDREN = Set.of(Kind.CONDITION, Kind.FILTER);
    private static final List<String> TIMEOUTS = List.of("connect-timeout", "connection-min", "socket-timeout",
            "idle-time", "recover-time", "busy-recover-time", "warmup-time", "weight", "fail-recover-time");

    private ResinTags() {
    }

    static List<TagSpec> all() {
        List<TagSpec> tags = new ArrayList<>();
        tags.addAll(rules());
        tags.addAll(conditions());
        tags.addAll(filters());
        return tags;
    }

    private static TagSpec tag(String name, Kind kind, List<AttributeSpec> attributes, Set<Kind> children,
                               TagSpec.TagFactory factory) {
        return TagSpec.strict(TagCatalog.RESIN_TAGS_NS, name, "resin:" + name, kind, attributes, children, factory);
    }

    // --- dispatch rules ---

    private static List<TagSpec> rules() {
        return List.of(
                tag("Dispatch", Kind.RULE, List.of(REGEXP, OPTIONAL_TARGET, ABSOLUTE_TARGET, TARGET_HOST), RULE_CHILDREN,
                        (c, children) -> {
                            Pattern regexp = c.regexp("regexp");
                            Target target = c.target("target", regexp, Target.Replace.FIRST);
                            return RuleParts.resin4(c, children, regexp, new Actions.Dispatch(target, QueryAppend.NONE));
                        }),
                tag("Forward", Kind.RULE, List.of(REGEXP, OPTIONAL_TARGET, ABSOLUTE_TARGET, TARGET_HOST), RULE_CHILDREN,
                        ResinTags::forward),
                targetRule("Redirect", regexpTarget -> new Actions.Redirect(regexpTarget, QueryAppend.IF_ABSENT)),
                targetRule("MovedPermanently", target -> new Actions.Moved(target, QueryAppend.IF_ABSENT)),
                targetRule("Rewrite", Actions.Rewrite::new),
                tag("RedirectSecure", Kind.RULE, List.of(REGEXP), RULE_CHILDREN,
                        (c, children) -> RuleParts.resin4(c, children, c.regexp("regexp"), new Actions.RedirectSecure())),
                errorRule("Forbidden", 403),
                errorRule("NotFound", 404),
                tag("SendError", Kind.RULE, List.of(REGEXP, optional("code", "the HTTP status, 400-599 (default 403)"),
                                optional("message", "the error message")), RULE_CHILDREN,
                        (c, children) -> {
                            Pattern regexp = c.regexp("regexp");
                            int code = c.integer("code", 400, 599, 403);
                            return RuleParts.resin4(c, children, regexp, new Actions.SendError(code, c.value("message")));
                        }),
                tag("HttpProxy", Kind.RULE, proxyAttributes(List.of(
                                repeatable("address", false, "a backend as host:port", "host"),
                                optional("addresses", "backends as host:port separated by spaces or ';'"),
                                optional("strategy", "round-robin or least-connection"),
                                optional("trusted-proxies", "networks whose X-Forwarded-*/Forwarded headers are"
                                        + " passed on, e.g. 10.0.0.0/8 (default none)"),
                                optional("preserve-host", "true (default): send the browser's Host; false: the"
                                        + " backend's host:port"),
                                OPTIONAL_TARGET)), RULE_CHILDREN,
                        (c, children) -> proxy(c, children, addresses -> new BackendRoute.Http(addresses,
                                httpSettings(c)))),
                tag("FastCgiProxy", Kind.RULE, proxyAttributes(List.of(
                                repeatable("address", false, "a FastCGI backend as host:port", "host"),
                                optional("addresses", "backends as host:port separated by spaces or ';'"),
                                optional("strategy", "round-robin or least-connection"),
                                optional("document-root", "the directory the scripts are in, as the FastCGI"
                                        + " server sees it (default: the web-app's directory)"),
                                optional("script-extension", "where the script ends and PATH_INFO begins"
                                        + " (default .php)"),
                                optional("index", "the script a path ending in / runs (default index.php)"))),
                        RULE_CHILDREN,
                        (c, children) -> proxy(c, children, addresses -> new BackendRoute.FastCgi(addresses,
                                fastCgiSettings(c)))),
                tag("LoadBalance", Kind.RULE, StickySettings.with(List.of(REGEXP, OPTIONAL_TARGET, TARGET_HOST,
                                ABSOLUTE_TARGET, required("cluster", "the id of the cluster to send requests to"),
                                optional("strategy", "round-robin, least-connection or adaptive"),
                                optional("sticky-sessions", "whether a session stays on its server (default true)"))),
                        RULE_CHILDREN, ResinTags::loadBalance),
                tag("Location", Kind.RULE, List.of(REGEXP), Set.of(Kind.CONDITION, Kind.FILTER, Kind.RULE),
                        (c, children) -> RuleParts.resin4(c, children, c.regexp("regexp"),
                                new Actions.Group(RuleParts.childRules(children)))));
    }

    private static TagSpec targetRule(String name, Function<Target, dev.turnpike.rules.Action> action) {
        return tag(name, Kind.RULE, List.of(REGEXP, TARGET, ABSOLUTE_TARGET, TARGET_HOST), RULE_CHILDREN,
                (c, children) -> {
                    Pattern regexp = c.regexp("regexp");
                    Target target = c.target("target", regexp, Target.Replace.FIRST);
                    return RuleParts.resin4(c, children, regexp, target == null ? null : action.apply(target));
                });
    }

    private static TagSpec errorRule(String name, int status) {
        return tag(name, Kind.RULE, List.of(REGEXP), RULE_CHILDREN,
                (c, children) -> RuleParts.resin4(c, children, c.regexp("regexp"), new Actions.SendError(status, null)));
    }

    private static Object forward(TagContext c, List<Object> children) {
        Pattern regexp = c.regexp("regexp");
        boolean viaRoot = c.has("absolute-target");
        if (viaRoot && c.has("target")) {
            c.problem("TPC0108", "<resin:Forward> has both 'target' and 'absolute-target'; give one: 'target' is"
                    + " resolved by the current web-app, 'absolute-target' by the root web-app");
            return null;
        }
        if (!viaRoot && !c.has("target")) {
            c.problem("TPC0104", "<resin:Forward> needs attribute 'target' (or 'absolute-target'): where the"
                    + " request is forwarded; $1... insert the regexp's groups");
            return null;
        }
        Target target = c.target(viaRoot ? "absolute-target" : "target", regexp, Target.Replace.ALL);
        return RuleParts.resin4(c, children, regexp, target == null ? null
                : new Actions.Forward(target, viaRoot, QueryAppend.NONE));
    }

    private static List<AttributeSpec> proxyAttributes(List<AttributeSpec> specific) {
        List<AttributeSpec> all = new ArrayList<>();
        all.add(REGEXP);
        all.addAll(specific);
        for (String timeout : TIMEOUTS) {
            all.add(optional(timeout, "a backend setting, e.g. 5s"));
        }
        return all;
    }

    private static Map<String, String> settings(TagContext c) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : TIMEOUTS) {
            if (c.has(name)) {
                if (!name.equals("weight") && !name.equals("connection-min")) {
                    c.period(name, 0);
                }
                settings.put(name, c.value(name));
            }
        }
        if (c.has("strategy")) {
            settings.put("strategy", c.choice("strategy", List.of("round-robin", "least-connection"), "round-robin"));
        }
        return settings;
    }

    private static Map<String, String> httpSettings(TagContext c) {
        Map<String, String> settings = settings(c);
        if (c.has("trusted-proxies")) {
            if (c.networks("trusted-proxies", List.of(c.value("trusted-proxies").split("[\\s,]+"))) != null) {
                settings.put("trusted-proxies", c.value("trusted-proxies").trim());
            }
        }
        if (c.has("preserve-host")) {
            settings.put("preserve-host", Boolean.toString(c.bool("preserve-host", true)));
        }
        return settings;
    }

    private static Map<String, String> fastCgiSettings(TagContext c) {
        Map<String, String> settings = settings(c);
        if (c.has("document-root")) {
            String root = c.value("document-root").trim();
            if (!root.startsWith("/") && !root.matches("[A-Za-z]:[\\\\/].*")) {
                c.invalid("document-root", "'" + root + "' is not an absolute directory; give the path the"
                        + " FastCGI server reads scripts from, e.g. /var/www/html");
            } else {
                settings.put("document-root", root);
            }
        }
        if (c.has("script-extension")) {
            String extension = c.value("script-extension").trim();
            if (!extension.matches("\\.[A-Za-z0-9_-]+")) {
                c.invalid("script-extension", "'" + extension + "' is not a file extension such as .php");
            } else {
                settings.put("script-extension", extension);
            }
        }
        if (c.has("index")) {
            String index = c.value("index").trim();
            if (index.isEmpty() || index.contains("/")) {
                c.invalid("index", "'" + index + "' is not a file name such as index.php");
            } else {
                settings.put("index", index);
            }
        }
        return settings;
    }

    private static Object proxy(TagContext c, List<Object> children, Function<List<String>, BackendRoute> route) {
        Pattern regexp = c.regexp("regexp");
        List<String> addresses = new ArrayList<>(c.values("address"));
        if (c.has("addresses")) {
            for (String address : c.value("addresses").split("[\\s;,]+")) {
                if (!address.isEmpty()) {
                    addresses.add(address);
                }
            }
        }
        if (addresses.isEmpty()) {
            c.problem("TPC0104", "<" + c.display() + "> needs at least one backend: attribute 'address' or"
                    + " 'addresses' (host:port), or <address> children");
            return null;
        }
        for (String address : addresses) {
            String problem = Addresses.check(address);
            if (problem != null) {
                c.invalid(c.has("addresses") ? "addresses" : "address", problem);
            }
        }
        BackendRoute backend = route.apply(List.copyOf(addresses));
        Target target = c.has("target") ? c.target("target", regexp, Target.Replace.FIRST) : null;
        return RuleParts.resin4(c, children, regexp, new Actions.Proxy(backend, target, false));
    }

    private static Object loadBalance(TagContext c, List<Object> children) {
        Pattern regexp = c.regexp("regexp");
        Target target = c.target("target", regexp, Target.Replace.FIRST);
        String strategy = c.choice("strategy", List.of("round-robin", "least-connection", "adaptive"), "adaptive");
        boolean sticky = c.bool("sticky-sessions", true);
        BackendRoute backend = new BackendRoute.Cluster(c.value("cluster"), strategy, sticky, StickySettings.read(c));
        return RuleParts.resin4(c, children, regexp, new Actions.Proxy(backend, target, true));
    }

    // --- conditions ---

    private static TagSpec condition(String name, List<AttributeSpec> attributes, TagSpec.TagFactory factory) {
        return tag(name, Kind.CONDITION, attributes, Set.of(), factory);
    }

    private static TagSpec composite(String name, Function<List<Condition>, Condition> make) {
        return tag(name, Kind.CONDITION, List.of(), Set.of(Kind.CONDITION),
                (c, children) -> make.apply(Containers.all(children, Condition.class)));
    }

    private static List<TagSpec> conditions() {
        AttributeSpec valueRegexp = optional("regexp", "the pattern the value must contain a match for", "value");
        return List.of(
                condition("IfAuthType", List.of(required("value", "BASIC, CLIENT-CERT, DIGEST, FORM or NONE")),
                        (c, children) -> {
                            String value = c.choice("value", Conditions.AuthType.VALUES, null);
                            return value == null ? null : new Conditions.AuthType(value);
                        }),
                condition("IfCookie", List.of(required("name", "the cookie to test"), valueRegexp),
                        (c, children) -> new Conditions.Cookie(c.value("name"), c.regexp("regexp"))),
                condition("IfCron", List.of(required("enable-at", "when the window opens (cron syntax)"),
                                required("disable-at", "when the window closes (cron syntax)")),
                        (c, children) -> new Conditions.Cron(c.cron("enable-at"), c.cron("disable-at"),
                                ZoneId.systemDefault())),
                condition("IfFileExists", List.of(), (c, children) -> new Conditions.FileExists()),
                condition("IfHeader", List.of(required("name", "the header to test"), valueRegexp),
                        (c, children) -> new Conditions.Header(c.value("name"), c.regexp("regexp"))),
                condition("IfLocale", List.of(required("value", "the pattern the locale (e.g. fr_CA) must contain")),
                        (c, children) -> new Conditions.LocaleMatch(c.regexp("value"))),
                condition("IfLocalPort", List.of(required("value", "the local port")),
                        (c, children) -> new Conditions.LocalPort(c.integer("value", 1, 65535, 0))),
                condition("IfServerPort", List.of(required("value", "the port the request was sent to")),
                        (c, children) -> new Conditions.ServerPort(c.integer("value", 1, 65535, 0))),
                condition("IfServerName", List.of(required("regexp", "the pattern the server name must contain")),
                        (c, children) -> new Conditions.ServerName(c.regexp("regexp"))),
                condition("IfMethod", List.of(required("method", "the HTTP method, e.g. POST", "value")),
                        (c, children) -> new Conditions.Method(c.value("method"))),
                condition("IfNetwork", List.of(repeatable("value", true, "a network, e.g. 192.168.0.0/16", "network"),
                                optional("cache-size", "how many client addresses to remember (accepted, not needed)")),
                        (c, children) -> network(c)),
                condition("IfRemoteAddr", List.of(repeatable("value", true, "a network, e.g. 10.0.0.0/8", "network")),
                        (c, children) -> network(c)),
                condition("IfQueryParam", List.of(required("name", "the parameter to test"), valueRegexp),
                        (c, children) -> new Conditions.QueryParam(c.value("name"), c.regexp("regexp"), false)),
                condition("IfPathInfo", List.of(valueRegexp),
                        (c, children) -> new Conditions.PathInfo(c.regexp("regexp"))),
                condition("IfRemoteUser", List.of(required("value", "the user name")),
                        (c, children) -> new Conditions.RemoteUser(c.value("value"))),
                condition("IfSecure", List.of(optional("value", "true (default) for HTTPS requests, false for plain")),
                        (c, children) -> new Conditions.Secure(c.bool("value", true))),
                condition("IfUserInRole", List.of(repeatable("role", false, "a role; * for any authenticated user")),
                        (c, children) -> {
                            List<String> roles = new ArrayList<>();
                            for (String value : c.values("role")) {
                                for (String role : value.split("[\\s,]+")) {
                                    if (!role.isEmpty()) {
                                        roles.add(role);
                                    }
                                }
                            }
                            return new Conditions.UserInRole(roles);
                        }),
                composite("And", children -> new Composites.Combined(Composites.Combine.ALL, children, "resin:And")),
                composite("Or", children -> new Composites.Combined(Composites.Combine.ANY, children, "resin:Or")),
                composite("NotAnd", children -> new Composites.Combined(Composites.Combine.NOT_ALL, children, "resin:NotAnd")),
                composite("NotOr", children -> new Composites.Combined(Composites.Combine.NONE, children, "resin:NotOr")),
                tag("Not", Kind.CONDITION, List.of(), Set.of(Kind.CONDITION), (c, children) -> {
                    List<Condition> conditions = Containers.all(children, Condition.class);
                    if (conditions.size() != 1) {
                        c.problem("TPC0113", "<resin:Not> takes exactly one condition, not " + conditions.size()
                                + "; use <resin:NotAnd> or <resin:NotOr> for several");
                        return null;
                    }
                    return new Composites.Not(conditions.get(0), "resin:Not");
                }));
    }

    private static Object network(TagContext c) {
        IpNetworks networks = c.networks("value", c.values("value"));
        return networks == null ? null : new Conditions.Network(networks);
    }

    // --- filters ---

    private static TagSpec filter(String name, List<AttributeSpec> attributes,
                                  Function<TagContext, RuleFilter> make) {
        List<AttributeSpec> all = new ArrayList<>();
        all.add(optional("regexp", "the pattern the path must contain a match for the filter to apply"));
        all.addAll(attributes);
        return tag(name, Kind.FILTER, all, Set.of(Kind.CONDITION), (c, children) -> {
            Pattern regexp = c.regexp("regexp");
            RuleFilter filter;
            try {
                filter = make.apply(c);
            } catch (IllegalArgumentException e) {
                c.problem("TPC0111", "invalid <" + c.display() + ">: " + e.getMessage());
                return null;
            }
            if (filter == null || c.failed()) {
                return null;
            }
            List<Condition> conditions = Containers.all(children, Condition.class);
            return regexp == null && conditions.isEmpty() ? filter : new Filters.Gated(regexp, conditions, filter);
        });
    }

    private static List<TagSpec> filters() {
        AttributeSpec name = required("name", "the header name");
        AttributeSpec value = required("value", "the header value");
        return List.of(
                filter("SetHeader", List.of(name, value), c -> new Filters.ResponseHeader(HeaderEdit.Kind.SET, c.value("name"), c.value("value"))),
                filter("AddHeader", List.of(name, value), c -> new Filters.ResponseHeader(HeaderEdit.Kind.ADD, c.value("name"), c.value("value"))),
                filter("SetVary", List.of(required("value", "the request header the response varies on")),
                        c -> new Filters.SetVary(c.value("value"))),
                filter("SetRequestCharacterEncoding", List.of(required("value", "a character encoding, e.g. UTF-8")),
                        c -> new Filters.SetRequestCharacterEncoding(c.value("value"))),
                filter("SetRequestSecure", List.of(optional("value", "true (default) or false")),
                        c -> new Filters.SetRequestSecure(c.bool("value", true))));
    }
}

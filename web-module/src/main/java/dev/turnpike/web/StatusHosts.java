package dev.turnpike.web;

import dev.turnpike.mapping.PluginHost;
import dev.turnpike.mapping.PluginTable;
import dev.turnpike.mapping.PluginWebApp;
import dev.turnpike.mapping.UrlPattern;
import dev.turnpike.rules.HostRules;
import dev.turnpike.rules.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The host sections of {@code /caucho-status} (resin-spec 3.2): the plugin table's hosts, the
 * default host first, with their web-apps and the url-patterns a front end is sent, then the hosts
 * and web-apps the configuration only has rules for.
 *
 * <p>A web-app's rows: {@code unconfigured} when it is unavailable (the front end sends it every
 * URL), each match pattern, each {@code plugin_ignore} pattern marked {@code (ignore)}, and each
 * {@code url-regexp} marked as not sent, since the plugin cannot read regexps.
 */
final class StatusHosts {

    /** A host section: its heading and its web-apps. */
    record Host(String heading, List<WebApp> webApps) {
    }

    /**
     * One web-app of a host section.
     *
     * @param contextPath {@code /} for the root web-app
     * @param rows        what the url-pattern column lists, one row each
     */
    record WebApp(String contextPath, List<Row> rows) {
    }

    /** One url-pattern row; {@code sent} when the front end is told of it. */
    record Row(String text, boolean sent) {
    }

    static final String UNCONFIGURED = "unconfigured";
    static final String RULES_ONLY = "rules only";
    static final String NO_PATTERN = "no url-pattern";
    static final String IGNORE = " (ignore)";
    static final String NOT_SENT = " (url-regexp, not sent to the plugin)";

    private StatusHosts() {
    }

    static List<Host> of(PluginTable table, RuleSet rules) {
        Map<String, Map<String, WebApp>> hosts = new LinkedHashMap<>();
        for (PluginHost host : table.hosts()) {
            Map<String, WebApp> apps = hosts.computeIfAbsent(heading(host.name(), host.regexp()),
                    heading -> new LinkedHashMap<>());
            for (PluginWebApp app : host.webApps()) {
                apps.put(app.contextPath(), webApp(app));
            }
        }
        if (rules != null) {
            for (HostRules host : rules.hosts()) {
                Map<String, WebApp> apps = hosts.computeIfAbsent(heading(host), heading -> new LinkedHashMap<>());
                for (String context : host.webApps().keySet()) {
                    apps.putIfAbsent(context, new WebApp(display(context), List.of(new Row(RULES_ONLY, false))));
                }
            }
        }
        List<Host> sections = new ArrayList<>();
        hosts.forEach((heading, apps) -> sections.add(new Host(heading, List.copyOf(apps.values()))));
        return sections;
    }

    private static WebApp webApp(PluginWebApp app) {
        List<Row> rows = new ArrayList<>();
        if (!app.available()) {
            rows.add(new Row(UNCONFIGURED, false));
        }
        for (UrlPattern pattern : app.match()) {
            rows.add(new Row(pattern.toString(), true));
        }
        for (UrlPattern pattern : app.ignore()) {
            rows.add(new Row(pattern + IGNORE, true));
        }
        for (String regexp : app.notSent()) {
            rows.add(new Row(regexp + NOT_SENT, false));
        }
        if (rows.isEmpty()) {
            rows.add(new Row(NO_PATTERN, false));
        }
        return new WebApp(display(app.contextPath()), rows);
    }

    /** The heading of the plugin table's host for these rules, named as the table names hosts. */
    private static String heading(HostRules host) {
        if (host.regexp() != null && host.names().isEmpty()) {
            return heading(host.regexp().pattern(), true);
        }
        String id = host.id().toLowerCase(Locale.ROOT);
        return heading(id.equals("default") || id.equals("*") ? "" : id, false);
    }

    private static String heading(String name, boolean regexp) {
        if (regexp) {
            return "Virtual Host: regexp " + name;
        }
        return name.isEmpty() ? "Default Virtual Host" : "Virtual Host: " + name;
    }

    private static String display(String contextPath) {
        return contextPath.isEmpty() ? "/" : contextPath;
    }
}

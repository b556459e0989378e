package dev.turnpike.web;

import dev.turnpike.rules.HostRules;
import dev.turnpike.rules.RuleSet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The host sections of {@code /caucho-status} (resin-spec 3.2): each virtual host the
 * configuration names, the default host first, with its web-apps and their url-patterns.
 *
 * <p>A web-app is listed when the configuration has rules for it or when it is the one serving
 * this page. The url-patterns are the servlet mappings deployed in this web-app, without
 * {@code /WEB-INF} and {@code /META-INF} as mod_caucho leaves them out; a web-app Turnpike only
 * has rules for shows none.
 */
final class StatusHosts {

    /** A host section: its heading and its web-apps, by context path. */
    record Host(String heading, Map<String, List<String>> webApps) {
    }

    private StatusHosts() {
    }

    static List<Host> of(RuleSet rules, ServletContext here) {
        List<String> deployed = patterns(here);
        String hereContext = here.getContextPath();
        List<Host> hosts = new ArrayList<>();
        hosts.add(host("Default Virtual Host", defaultApps(rules), hereContext, deployed));
        if (rules != null) {
            for (HostRules host : rules.hosts()) {
                if (!host.id().isEmpty()) {
                    hosts.add(host("Virtual Host: " + host.id(), host.webApps().keySet(), null, deployed));
                }
            }
        }
        return hosts;
    }

    private static List<String> defaultApps(RuleSet rules) {
        List<String> contexts = new ArrayList<>();
        if (rules != null) {
            for (HostRules host : rules.hosts()) {
                if (host.id().isEmpty()) {
                    contexts.addAll(host.webApps().keySet());
                }
            }
        }
        return contexts;
    }

    private static Host host(String heading, Iterable<String> configured, String hereContext, List<String> deployed) {
        Map<String, List<String>> apps = new TreeMap<>();
        for (String context : configured) {
            apps.put(context, List.of());
        }
        if (hereContext != null) {
            apps.put(hereContext, deployed);
        }
        return new Host(heading, apps);
    }

    private static List<String> patterns(ServletContext context) {
        TreeSet<String> patterns = new TreeSet<>();
        for (ServletRegistration servlet : context.getServletRegistrations().values()) {
            for (String pattern : servlet.getMappings()) {
                String lower = pattern.toLowerCase(Locale.ROOT);
                if (!lower.startsWith("/web-inf") && !lower.startsWith("/meta-inf")) {
                    patterns.add(pattern);
                }
            }
        }
        return List.copyOf(patterns);
    }
}

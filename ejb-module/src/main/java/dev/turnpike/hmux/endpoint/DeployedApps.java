package dev.turnpike.hmux.endpoint;

import dev.turnpike.rules.HostRules;
import dev.turnpike.rules.RuleSet;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What this server serves, for the dispatch query: the web-apps the server has deployed with their
 * servlet url-patterns, and the hosts and web-apps of Turnpike's configuration.
 *
 * <p>Deployed web-apps are read from WildFly's management model, which WildFly publishes as MBeans
 * ({@code jboss.as:deployment=...,subsystem=undertow} with {@code context-root} and
 * {@code virtual-host}, and a {@code servlet=...} child per servlet with its {@code mappings}).
 * On another server, or when the model is not published, only the configuration is reported. As
 * Resin does, the default servlet's {@code /} is not reported; {@code /WEB-INF/*} and
 * {@code /META-INF/*} are added by the plugin itself.
 */
final class DeployedApps {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.hmux.endpoint");

    private DeployedApps() {
    }

    /** The hosts served now: WildFly's {@code default-host} is the default host. */
    static ServedHosts read(RuleSet rules) {
        Map<String, Map<String, TreeSet<String>>> hosts = new LinkedHashMap<>();
        hosts.put("default", new LinkedHashMap<>());
        readWildFly(hosts);
        Map<String, String> names = new LinkedHashMap<>();
        if (rules != null) {
            for (HostRules host : rules.hosts()) {
                String id = host.isDefault() ? "default" : host.id().toLowerCase(Locale.ROOT);
                Map<String, TreeSet<String>> apps = hosts.computeIfAbsent(id, k -> new LinkedHashMap<>());
                for (String context : host.webApps().keySet()) {
                    apps.computeIfAbsent(context, k -> new TreeSet<>());
                }
                for (String name : host.names()) {
                    names.put(name, id);
                }
            }
        }
        Map<String, ServedHosts.Host> served = new LinkedHashMap<>();
        hosts.forEach((id, apps) -> {
            List<ServedHosts.WebApp> webApps = new ArrayList<>();
            apps.forEach((context, patterns) -> webApps.add(new ServedHosts.WebApp(context, true,
                    List.copyOf(patterns), List.of())));
            served.put(id, new ServedHosts.Host(id, id.equals("default") ? "" : id, webApps));
        });
        return name -> {
            ServedHosts.Host byId = served.get(name.isEmpty() ? "default" : name);
            if (byId != null && !name.equals("default")) {
                return byId;
            }
            String id = names.get(name);
            return served.getOrDefault(id == null ? "default" : id, served.get("default"));
        };
    }

    private static void readWildFly(Map<String, Map<String, TreeSet<String>>> hosts) {
        try {
            MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> deployments = mbeans.queryNames(new ObjectName("jboss.as:subsystem=undertow,*"), null);
            for (ObjectName deployment : deployments) {
                if (deployment.getKeyProperty("deployment") == null || deployment.getKeyProperty("servlet") != null
                        || deployment.getKeyPropertyList().size() > 3) {
                    continue;
                }
                String context = normalised(String.valueOf(mbeans.getAttribute(deployment, "contextRoot")));
                String host = String.valueOf(mbeans.getAttribute(deployment, "virtualHost"));
                String id = host.equals("default-host") || host.equals("null") ? "default" : host.toLowerCase(Locale.ROOT);
                TreeSet<String> patterns = hosts.computeIfAbsent(id, k -> new LinkedHashMap<>())
                        .computeIfAbsent(context, k -> new TreeSet<>());
                ObjectName servlets = new ObjectName(deployment.getCanonicalName() + ",servlet=*");
                for (ObjectName servlet : mbeans.queryNames(servlets, null)) {
                    Object mappings = mbeans.getAttribute(servlet, "mappings");
                    if (mappings instanceof String[]) {
                        for (String pattern : (String[]) mappings) {
                            if (!pattern.equals("/") && !pattern.isEmpty()) {
                                patterns.add(pattern);
                            }
                        }
                    }
                }
            }
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "the server's deployments could not be read; the dispatch query reports the"
                    + " configuration only", e);
        }
    }

    private static String normalised(String contextRoot) {
        if (contextRoot == null || contextRoot.equals("null") || contextRoot.equals("/")) {
            return "";
        }
        return contextRoot.startsWith("/") ? contextRoot : "/" + contextRoot;
    }
}

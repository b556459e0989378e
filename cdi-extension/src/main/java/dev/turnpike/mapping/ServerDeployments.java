package dev.turnpike.mapping;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The web-apps this server has deployed, with their servlet url-patterns, for the plugin table.
 *
 * <p>Read from WildFly's management model, which WildFly publishes as MBeans: one
 * {@code jboss.as:deployment=...[,subdeployment=...],subsystem=undertow} per web-app with its
 * {@code contextRoot} and {@code virtualHost}, and a {@code servlet=...} child per servlet with its
 * {@code mappings}. WildFly's {@code default-host} is the default host ({@code ""}). On another
 * server, or when the model is not published, the list is empty and the table holds what the
 * configuration says.
 */
public final class ServerDeployments {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.mapping");

    private ServerDeployments() {
    }

    /** The deployed web-apps, or none when they cannot be read. */
    public static List<DeployedWebApp> read() {
        List<DeployedWebApp> apps = new ArrayList<>();
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names;
        try {
            names = mbeans.queryNames(new ObjectName("jboss.as:subsystem=undertow,*"), null);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "the server's deployments could not be read; the plugin table holds the"
                    + " configuration only", e);
            return apps;
        }
        for (ObjectName deployment : names) {
            if (deployment.getKeyProperty("deployment") == null || deployment.getKeyProperty("servlet") != null
                    || deployment.getKeyPropertyList().size() > 3) {
                continue;
            }
            try {
                apps.add(webApp(mbeans, deployment));
            } catch (Exception | LinkageError e) {
                LOG.log(Level.FINE, e, () -> "the web-app " + deployment + " could not be read");
            }
        }
        return apps;
    }

    private static DeployedWebApp webApp(MBeanServer mbeans, ObjectName deployment) throws Exception {
        String context = contextPath(String.valueOf(mbeans.getAttribute(deployment, "contextRoot")));
        String host = String.valueOf(mbeans.getAttribute(deployment, "virtualHost"));
        TreeSet<String> patterns = new TreeSet<>();
        ObjectName servlets = new ObjectName(deployment.getCanonicalName() + ",servlet=*");
        for (ObjectName servlet : mbeans.queryNames(servlets, null)) {
            Object mappings = mbeans.getAttribute(servlet, "mappings");
            if (mappings instanceof String[]) {
                patterns.addAll(List.of((String[]) mappings));
            } else if (mappings instanceof java.util.Collection) {
                for (Object pattern : (java.util.Collection<?>) mappings) {
                    patterns.add(String.valueOf(pattern));
                }
            }
        }
        return new DeployedWebApp(host.equals("default-host") || host.equals("null") ? ""
                : host.toLowerCase(Locale.ROOT), context, List.copyOf(patterns));
    }

    private static String contextPath(String contextRoot) {
        if (contextRoot == null || contextRoot.equals("null") || contextRoot.equals("/")) {
            return "";
        }
        return contextRoot.startsWith("/") ? contextRoot : "/" + contextRoot;
    }
}

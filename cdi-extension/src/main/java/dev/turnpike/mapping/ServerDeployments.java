package dev.turnpike.mapping;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
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
 * <p>WildFly publishes its management model as MBeans: one
 * {@code jboss.as:deployment=...[,subdeployment=...],subsystem=undertow} per web-app with its
 * {@code contextRoot} and {@code virtualHost} (WildFly's {@code default-host} is the default host,
 * {@code ""}), and a {@code servlet=...} child per servlet whose {@code mappings} WildFly 39 leaves
 * undefined. The url-patterns are therefore read from the web-app itself, reached through
 * {@link ServletContext#getContext(String)} of a web-app Turnpike runs, when the model does not give
 * them; a web-app whose patterns cannot be read either way is listed with {@code /*}, so the front
 * end sends it every URL under its context path rather than none.
 *
 * <p>On a server that publishes no such model only the web-app Turnpike runs is known, with its own
 * servlet mappings.
 */
public final class ServerDeployments {

    /** What a web-app whose url-patterns cannot be read is listed with. */
    public static final List<String> EVERYTHING = List.of("/*");

    private static final Logger LOG = Logger.getLogger("dev.turnpike.mapping");

    private ServerDeployments() {
    }

    /**
     * The deployed web-apps.
     *
     * @param known a web-app of this server, through which the others' servlet mappings are read,
     *              or {@code null} when none has started
     */
    public static List<DeployedWebApp> read(ServletContext known) {
        List<DeployedWebApp> apps = new ArrayList<>();
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names;
        try {
            names = mbeans.queryNames(new ObjectName("jboss.as:subsystem=undertow,*"), null);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "the server's management model could not be read", e);
            names = Set.of();
        }
        for (ObjectName deployment : names) {
            if (deployment.getKeyProperty("deployment") == null || deployment.getKeyProperty("servlet") != null
                    || deployment.getKeyPropertyList().size() > 3) {
                continue;
            }
            try {
                apps.add(webApp(mbeans, deployment, known));
            } catch (Exception | LinkageError e) {
                LOG.log(Level.FINE, e, () -> "the web-app " + deployment + " could not be read");
            }
        }
        if (apps.isEmpty() && known != null) {
            apps.add(new DeployedWebApp("", known.getContextPath(), patterns(known)));
        }
        return apps;
    }

    private static DeployedWebApp webApp(MBeanServer mbeans, ObjectName deployment, ServletContext known)
            throws Exception {
        String context = contextPath(String.valueOf(mbeans.getAttribute(deployment, "contextRoot")));
        String host = String.valueOf(mbeans.getAttribute(deployment, "virtualHost"));
        List<String> patterns = publishedPatterns(mbeans, deployment);
        if (patterns.isEmpty()) {
            patterns = lookedUpPatterns(known, context);
        }
        return new DeployedWebApp(host.equals("default-host") || host.equals("null") ? ""
                : host.toLowerCase(Locale.ROOT), context, patterns);
    }

    private static List<String> publishedPatterns(MBeanServer mbeans, ObjectName deployment) throws Exception {
        TreeSet<String> patterns = new TreeSet<>();
        ObjectName servlets = new ObjectName(deployment.getCanonicalName() + ",servlet=*");
        for (ObjectName servlet : mbeans.queryNames(servlets, null)) {
            Object mappings = mbeans.getAttribute(servlet, "mappings");
            if (mappings instanceof String[] array) {
                patterns.addAll(List.of(array));
            } else if (mappings instanceof Collection<?> collection) {
                collection.forEach(pattern -> patterns.add(String.valueOf(pattern)));
            }
        }
        return List.copyOf(patterns);
    }

    private static List<String> lookedUpPatterns(ServletContext known, String contextPath) {
        if (known == null) {
            return EVERYTHING;
        }
        ServletContext other;
        try {
            other = known.getContext(contextPath.isEmpty() ? "/" : contextPath);
        } catch (RuntimeException e) {
            other = null;
        }
        if (other == null || !other.getContextPath().equals(contextPath)) {
            LOG.fine(() -> "the servlet mappings of web-app " + contextPath + " cannot be read; it is listed with /*");
            return EVERYTHING;
        }
        try {
            return patterns(other);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "the servlet mappings of web-app " + contextPath + " cannot be read");
            return EVERYTHING;
        }
    }

    /** The url-patterns of a web-app's servlet mappings, sorted. */
    static List<String> patterns(ServletContext context) {
        TreeSet<String> patterns = new TreeSet<>();
        for (ServletRegistration servlet : context.getServletRegistrations().values()) {
            patterns.addAll(servlet.getMappings());
        }
        return List.copyOf(patterns);
    }

    private static String contextPath(String contextRoot) {
        if (contextRoot == null || contextRoot.equals("null") || contextRoot.equals("/")) {
            return "";
        }
        return contextRoot.startsWith("/") ? contextRoot : "/" + contextRoot;
    }
}

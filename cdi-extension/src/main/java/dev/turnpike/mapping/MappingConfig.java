package dev.turnpike.mapping;

import java.util.List;
import java.util.Objects;

/**
 * The servlet mappings a Turnpike configuration declares, by host and web-app, as the loader
 * found them: the configuration's half of a {@link PluginTable} (what the server deployed is
 * the other half, {@link DeployedWebApp}).
 *
 * <pre>{@code
 * <host id="shop.example">
 *   <host-alias>www.shop.example</host-alias>
 *   <web-app id="/shop">
 *     <servlet-mapping url-pattern="/api/*" servlet-name="plugin_match"/>
 *     <servlet-mapping url-pattern="/static/*" servlet-name="plugin_ignore"/>
 *   </web-app>
 * </host>
 * }</pre>
 *
 * <p>The mappings of {@code <web-app-default>} are already folded in: each web-app lists them
 * first, and {@link Host#webAppDefault()} keeps them for web-apps the configuration does not
 * name but the server deploys.
 *
 * @param hosts      the configured hosts, in configuration order
 * @param otherHosts what hosts the configuration does not name have (the web-apps of
 *                   {@code <host-default>}, the web-app defaults); its name is {@code ""}
 */
public record MappingConfig(List<Host> hosts, Host otherHosts) {

    /** The mappings of a configuration that declares none. */
    public static final MappingConfig NONE = new MappingConfig(List.of(),
            new Host("", List.of(), false, List.of(), List.of()));

    public MappingConfig {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(otherHosts, "otherHosts");
    }

    /** Whether the configuration declares no host, web-app or mapping. */
    public boolean isEmpty() {
        return hosts.isEmpty() && otherHosts.webApps().isEmpty() && otherHosts.webAppDefault().isEmpty();
    }

    /** What the servlet name of a mapping tells the plugin. */
    public enum Role {
        /** An ordinary servlet: its pattern is reported as a match pattern, except {@code /}. */
        SERVLET,
        /** {@code plugin_match}: reported as a match pattern only; no servlet answers it. */
        PLUGIN_MATCH,
        /** {@code plugin_ignore}: reported as an ignore pattern; the web server keeps those URLs. */
        PLUGIN_IGNORE
    }

    /**
     * One {@code <servlet-mapping>} pattern.
     *
     * @param role        what the servlet name means to the plugin
     * @param servletName the servlet name as written ({@code ""} when none is given)
     * @param pattern     the url-pattern, or the regexp when {@code regexp}
     * @param regexp      whether it is a {@code url-regexp}, which the plugin cannot express
     * @param origin      {@code file:line:column} of the element
     */
    public record Mapping(Role role, String servletName, String pattern, boolean regexp, String origin) {

        public Mapping {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(servletName, "servletName");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(origin, "origin");
        }

        /** The mapping in configuration syntax. */
        @Override
        public String toString() {
            return "<servlet-mapping " + (regexp ? "url-regexp" : "url-pattern") + "=\"" + escape(pattern) + "\""
                    + (servletName.isEmpty() ? "" : " servlet-name=\"" + escape(servletName) + "\"") + "/>";
        }

        private static String escape(String value) {
            return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
        }
    }

    /**
     * A configured web-app.
     *
     * @param contextPath {@code ""} for the root web-app, else {@code /name}
     * @param mappings    its mappings in configuration order, web-app defaults first
     */
    public record WebApp(String contextPath, List<Mapping> mappings) {

        public WebApp {
            Objects.requireNonNull(contextPath, "contextPath");
            mappings = List.copyOf(mappings);
        }
    }

    /**
     * A configured host.
     *
     * @param name          the lower-cased canonical name, {@code ""} for the default host, or the
     *                      pattern of a host defined by a regexp
     * @param aliases       the other lower-cased names it answers to
     * @param regexp        whether the host is defined by a regexp (the plugin is never told of it)
     * @param webApps       its web-apps in configuration order, one per context path
     * @param webAppDefault the mappings every other web-app of the host gets
     */
    public record Host(String name, List<String> aliases, boolean regexp, List<WebApp> webApps,
                       List<Mapping> webAppDefault) {

        public Host {
            Objects.requireNonNull(name, "name");
            aliases = List.copyOf(aliases);
            webApps = List.copyOf(webApps);
            webAppDefault = List.copyOf(webAppDefault);
        }
    }
}

package dev.turnpike.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plugin dispatch table: which URLs the web server in front (Apache's mod_caucho, the IIS
 * filter) hands to Turnpike. Turnpike answers the plugin's configuration query (resin-spec 5.1)
 * from it with {@link #reply(String)} and {@link #etag(String, String)}, and
 * {@link #match(String, String)} repeats what the plugin then decides, to show and explain it.
 *
 * <p>A request is decided like this (resin-spec 5.4, without the plugin's cache and refresh):
 * <ol>
 *   <li>the host: the lower-cased name without port, found by canonical name or alias; any
 *       other name is the default host's ({@code ""}, always present);</li>
 *   <li>the path: cut at the session URL prefix ({@code ;jsessionid=} unless set otherwise) and
 *       at the first {@code :}, a {@code /} after {@code /} or {@code \} dropped;</li>
 *   <li>the web-app with the longest context path that is the path or a {@code /}-prefix of
 *       it; none: the web server keeps the request;</li>
 *   <li>an unavailable web-app takes every request under it;</li>
 *   <li>otherwise, on the context-relative path: a matching {@code plugin_ignore} pattern keeps
 *       the request on the web server whatever else matches, except that a path containing
 *       {@code /j_security_check} always goes to Turnpike; then any match pattern, or the
 *       automatic {@code /WEB-INF/*} and {@code /META-INF/*}, sends it; else it stays.</li>
 * </ol>
 *
 * <p>Built by {@link PluginTableBuilder} from the configuration and what the server deployed;
 * immutable and safe to share between threads. A new deployment or configuration makes a new
 * table.
 */
public final class PluginTable {

    /** The session URL prefix unless the table is given another. */
    public static final String DEFAULT_SESSION_URL_PREFIX = ";jsessionid=";

    private final List<PluginHost> hosts;
    private final Map<String, PluginHost> byName = new HashMap<>();
    private final PluginHost defaultHost;
    private final String sessionUrlPrefix;

    /**
     * @param hosts            the hosts in table order; exactly one is the default host
     * @param sessionUrlPrefix where a path's session part starts; empty for none
     */
    PluginTable(List<PluginHost> hosts, String sessionUrlPrefix) {
        this.hosts = List.copyOf(hosts);
        this.sessionUrlPrefix = Objects.requireNonNull(sessionUrlPrefix, "sessionUrlPrefix");
        PluginHost fallback = null;
        for (PluginHost host : this.hosts) {
            if (host.isDefault()) {
                fallback = host;
            }
            if (!host.regexp()) {
                byName.putIfAbsent(host.name(), host);
            }
        }
        for (PluginHost host : this.hosts) {
            if (!host.regexp()) {
                for (String alias : host.aliases()) {
                    byName.putIfAbsent(alias, host);
                }
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException("a plugin table needs a default host, named \"\"");
        }
        this.defaultHost = fallback;
    }

    public static PluginTableBuilder builder() {
        return new PluginTableBuilder();
    }

    /** Every host, the ones defined by a regexp included, in table order. */
    public List<PluginHost> hosts() {
        return hosts;
    }

    /**
     * The host a name resolves to: by canonical name or alias, case and port ignored; any other
     * name (and {@code null}) gets the default host.
     */
    public PluginHost host(String hostName) {
        return byName.getOrDefault(PluginUris.hostName(hostName), defaultHost);
    }

    /**
     * Decides as the plugin would whether a request goes to Turnpike (see the class comment).
     *
     * @param hostName the request's host name, port allowed
     * @param uri      the request path as the web server passes it (no query string)
     */
    public PluginMatch match(String hostName, String uri) {
        PluginHost host = host(hostName);
        String path = PluginUris.path(uri, sessionUrlPrefix);
        PluginWebApp app = host.webAppFor(path);
        if (app == null) {
            return new PluginMatch(false, host, null, "no web-app of the " + host.display() + " contains " + path);
        }
        if (!app.available()) {
            return new PluginMatch(true, host, app, app.display() + " is unavailable");
        }
        return app.decide(host, path.substring(app.contextPath().length()));
    }

    /** What the answer to a configuration query for this host name lists. */
    public HostReply reply(String hostName) {
        String requested = PluginUris.hostName(hostName);
        return host(requested).reply(requested);
    }

    /**
     * The etag of the configuration reply for this host name: a digest of the reply and of the
     * cluster description, or, when the name is not the host's canonical name, the alias etag
     * {@code h-<canonical name>} the backend sends instead of a configuration.
     *
     * @param clusterDescription whatever else the reply says and the caller writes: cluster id,
     *                           server addresses, timing values, in a stable textual form
     */
    public String etag(String hostName, String clusterDescription) {
        HostReply reply = reply(hostName);
        if (reply.isAlias()) {
            return "h-" + reply.canonicalName();
        }
        return PluginEtag.of(Objects.requireNonNull(clusterDescription, "clusterDescription"), sessionUrlPrefix,
                reply);
    }

    /** Where the session part of a path starts, e.g. {@code ;jsessionid=}; empty for none. */
    public String sessionUrlPrefix() {
        return sessionUrlPrefix;
    }

    @Override
    public String toString() {
        return "PluginTable" + hosts;
    }
}

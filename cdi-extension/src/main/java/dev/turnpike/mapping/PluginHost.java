package dev.turnpike.mapping;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One virtual host of a {@link PluginTable}: its canonical name, the other names it answers to,
 * and its web-apps. A host defined by a regexp ({@code <host regexp="...">}) is kept so a status
 * page can show it, but the plugin is never told of it (resin-spec 5.2): no name resolves to it.
 *
 * <p>Immutable; the web-apps are also kept longest context path first, for
 * {@link #webAppFor(String)}.
 */
public final class PluginHost {

    private final String name;
    private final List<String> aliases;
    private final boolean regexp;
    private final List<PluginWebApp> webApps;
    private final PluginWebApp[] longestFirst;

    /**
     * @param name    the lower-cased canonical name, {@code ""} for the default host, or the
     *                pattern of a host defined by a regexp
     * @param aliases the other lower-cased names the host answers to
     * @param regexp  whether the host is defined by a regexp
     * @param webApps the web-apps in table order, one per context path
     */
    public PluginHost(String name, List<String> aliases, boolean regexp, List<PluginWebApp> webApps) {
        this.name = Objects.requireNonNull(name, "name");
        this.aliases = List.copyOf(aliases);
        this.regexp = regexp;
        this.webApps = List.copyOf(webApps);
        this.longestFirst = this.webApps.toArray(new PluginWebApp[0]);
        Arrays.sort(longestFirst, Comparator.comparingInt((PluginWebApp app) -> app.contextPath().length()).reversed());
    }

    /**
     * The web-app with the longest context path containing the (normalised) path, or
     * {@code null} when none does (resin-spec 5.4 step 6).
     */
    public PluginWebApp webAppFor(String path) {
        for (PluginWebApp app : longestFirst) {
            if (app.contains(path)) {
                return app;
            }
        }
        return null;
    }

    /** The web-app at exactly this context path, or {@code null}. */
    public PluginWebApp webApp(String contextPath) {
        for (PluginWebApp app : webApps) {
            if (app.contextPath().equals(contextPath)) {
                return app;
            }
        }
        return null;
    }

    /** Whether a lower-cased name without port is this host's name or one of its aliases. */
    public boolean answersTo(String hostName) {
        return !regexp && (name.equals(hostName) || aliases.contains(hostName));
    }

    public boolean isDefault() {
        return !regexp && name.isEmpty();
    }

    public String name() {
        return name;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** Whether the host is defined by a regexp, and so not reported to the plugin. */
    public boolean regexp() {
        return regexp;
    }

    public List<PluginWebApp> webApps() {
        return webApps;
    }

    /** What the configuration reply lists for this host when the query names {@code requestedName}. */
    HostReply reply(String requestedName) {
        return new HostReply(requestedName, name, webApps.stream().map(PluginWebApp::reply).toList());
    }

    /** {@code host shop.example}, {@code default host}, {@code regexp host (.+)\.example}. */
    public String display() {
        return regexp ? "regexp host " + name : name.isEmpty() ? "default host" : "host " + name;
    }

    @Override
    public String toString() {
        return display() + " " + webApps.stream().map(PluginWebApp::display).toList();
    }
}

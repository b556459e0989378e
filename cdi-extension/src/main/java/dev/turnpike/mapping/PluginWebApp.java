package dev.turnpike.mapping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One web-app of a {@link PluginHost} as the plugin sees it: the context path, whether it is
 * available, the patterns it reports with match semantics (servlet mappings and
 * {@code plugin_match}) and with ignore semantics ({@code plugin_ignore}), and the
 * {@code url-regexp} mappings the plugin is not sent because it cannot read them.
 *
 * <p>The plugin adds {@code /WEB-INF/*} and {@code /META-INF/*} to every web-app as match
 * patterns of its own (resin-spec 5.1.2), so the web server never serves those directories;
 * they are applied here but not listed in {@link #match()}, being never reported.
 *
 * @param contextPath {@code ""} for the root web-app, else {@code /name}
 * @param available   whether it serves requests; when not, every URL under it goes to Turnpike
 * @param match       the reported match patterns, in configuration order, without duplicates
 * @param ignore      the reported ignore patterns, in configuration order, without duplicates
 * @param notSent     the regexps of {@code url-regexp} mappings, which are not reported
 */
public record PluginWebApp(String contextPath, boolean available, List<UrlPattern> match, List<UrlPattern> ignore,
                           List<String> notSent) {

    /** The patterns every web-app has without reporting them. */
    public static final List<UrlPattern> AUTOMATIC = List.of(UrlPattern.parse("/WEB-INF/*"),
            UrlPattern.parse("/META-INF/*"));

    private static final String SECURITY_CHECK = "/j_security_check";

    public PluginWebApp {
        Objects.requireNonNull(contextPath, "contextPath");
        match = List.copyOf(new LinkedHashSet<>(match));
        ignore = List.copyOf(new LinkedHashSet<>(ignore));
        notSent = List.copyOf(new LinkedHashSet<>(notSent));
    }

    /**
     * Whether the (normalised) request path lies in this web-app: it is the context path or
     * continues it after a {@code /}.
     */
    public boolean contains(String path) {
        return path.startsWith(contextPath)
                && (path.length() == contextPath.length() || path.charAt(contextPath.length()) == '/');
    }

    /**
     * Decides a path of this web-app (resin-spec 5.4 steps 8-10): an ignore pattern that matches
     * wins over every match pattern; {@code /j_security_check} anywhere in the path goes to
     * Turnpike regardless, as form login must reach it.
     *
     * @param path the context-relative path
     */
    PluginMatch decide(PluginHost host, String path) {
        UrlPattern ignored = first(ignore, path);
        UrlPattern matched = first(match, path);
        boolean automatic = false;
        if (matched == null) {
            matched = first(AUTOMATIC, path);
            automatic = matched != null;
        }
        if (path.contains(SECURITY_CHECK)) {
            return new PluginMatch(true, host, this, SECURITY_CHECK + " (form login) in " + display());
        }
        if (ignored != null) {
            return new PluginMatch(false, host, this, "plugin_ignore " + ignored + " of " + display());
        }
        if (matched != null) {
            return new PluginMatch(true, host, this, matched + (automatic ? " (automatic)" : "") + " of " + display());
        }
        return new PluginMatch(false, host, this, "no url-pattern of " + display() + " matches " + path);
    }

    private static UrlPattern first(List<UrlPattern> patterns, String path) {
        for (UrlPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return pattern;
            }
        }
        return null;
    }

    /** What the configuration reply lists for this web-app. */
    HostReply.WebApp reply() {
        return available ? new HostReply.WebApp(contextPath, true, texts(match), texts(ignore))
                : new HostReply.WebApp(contextPath, false, List.of(), List.of());
    }

    private static List<String> texts(List<UrlPattern> patterns) {
        return patterns.stream().map(UrlPattern::toString).toList();
    }

    /** {@code web-app /shop}, {@code web-app /} for the root. */
    public String display() {
        return "web-app " + (contextPath.isEmpty() ? "/" : contextPath);
    }
}

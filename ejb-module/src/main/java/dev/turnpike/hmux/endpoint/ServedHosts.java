package dev.turnpike.hmux.endpoint;

import java.util.List;
import java.util.Objects;

/**
 * The hosts and web-apps this server serves, as the dispatch query reports them: what a web tier
 * needs to decide which URLs to send here (resin-spec 5.1, 5.2).
 */
@FunctionalInterface
public interface ServedHosts {

    /**
     * The host a web tier asks about by name (lower-case, without port): the host with that name or
     * alias, else the default host.
     */
    Host host(String name);

    /**
     * A virtual host.
     *
     * @param id the host's id, {@code default} for the default host; an alias's answer names it
     * @param canonicalName the name the host is reported under, {@code ""} for the default host
     * @param webApps its web-apps, each with the url-patterns to send and to keep
     */
    record Host(String id, String canonicalName, List<WebApp> webApps) {
        public Host {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(canonicalName, "canonicalName");
            webApps = List.copyOf(webApps);
        }
    }

    /**
     * A web-app of a host.
     *
     * @param contextPath its context path, {@code ""} for the root web-app
     * @param available whether it is running; requests under an unavailable one still come here
     * @param matches the url-patterns the web tier sends here (servlet mappings and {@code plugin_match})
     * @param ignores the url-patterns the web tier keeps ({@code plugin_ignore})
     */
    record WebApp(String contextPath, boolean available, List<String> matches, List<String> ignores) {
        public WebApp {
            Objects.requireNonNull(contextPath, "contextPath");
            matches = List.copyOf(matches);
            ignores = List.copyOf(ignores);
        }
    }
}

package dev.turnpike.mapping;

import java.util.List;
import java.util.Objects;

/**
 * What the answer to a plugin's configuration query lists for one host (resin-spec 5.1.1), for
 * the endpoint to write as frames: the canonical name ({@code h}), then, when the query named
 * the canonical host, each web-app ({@code a}) with {@code U} or its {@code m} and {@code i}
 * patterns. When the query named an alias only, the endpoint writes the canonical name and the
 * alias etag of {@link PluginTable#etag(String, String)}, no web-apps.
 *
 * @param requestedName the lower-cased name the query asked for, without port
 * @param canonicalName the host's canonical name, {@code ""} for the default host
 * @param webApps       the web-apps, in table order
 */
public record HostReply(String requestedName, String canonicalName, List<WebApp> webApps) {

    public HostReply {
        Objects.requireNonNull(requestedName, "requestedName");
        Objects.requireNonNull(canonicalName, "canonicalName");
        webApps = List.copyOf(webApps);
    }

    /** Whether the query named another name of the host (or an unknown one, answered by the default host). */
    public boolean isAlias() {
        return !requestedName.equals(canonicalName);
    }

    /**
     * One web-app of the reply.
     *
     * @param contextPath {@code ""} for the root web-app
     * @param available   {@code false}: the endpoint writes {@code U} and no patterns
     * @param match       the {@code m} patterns, empty when unavailable
     * @param ignore      the {@code i} patterns, empty when unavailable
     */
    public record WebApp(String contextPath, boolean available, List<String> match, List<String> ignore) {

        public WebApp {
            Objects.requireNonNull(contextPath, "contextPath");
            match = List.copyOf(match);
            ignore = List.copyOf(ignore);
        }
    }
}

package dev.turnpike.mapping;

import java.util.Objects;

/**
 * Whether the web server's plugin hands a request to Turnpike, and why, as
 * {@link PluginTable#match(String, String)} decides it.
 *
 * @param matched whether the request goes to Turnpike
 * @param host    the host the request resolved to
 * @param webApp  the web-app whose context path contains the path, or {@code null} when none does
 * @param reason  a short explanation, e.g. {@code *.jsp of web-app /shop} or
 *                {@code plugin_ignore /static/* of web-app /shop}
 */
public record PluginMatch(boolean matched, PluginHost host, PluginWebApp webApp, String reason) {

    public PluginMatch {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return (matched ? "match: " : "no match: ") + reason;
    }
}

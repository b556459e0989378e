package dev.turnpike.mapping;

import java.util.List;
import java.util.Objects;

/**
 * A web-app the server has deployed, as plain data: the server's half of a {@link PluginTable}
 * (the configuration's is {@link MappingConfig}). The caller collects it from the server; give
 * the patterns in a stable order, since they take part in the table's etag.
 *
 * @param hostName    the virtual host, {@code ""} for the default host; matched against the
 *                    configured hosts' names and aliases (case and port ignored)
 * @param contextPath the context path, {@code ""} (or {@code /}) for the root web-app
 * @param urlPatterns the url-patterns of its servlet mappings; the default servlet's {@code /}
 *                    is left out of the table
 * @param available   whether it serves requests; an unavailable web-app takes every URL under it
 */
public record DeployedWebApp(String hostName, String contextPath, List<String> urlPatterns, boolean available) {

    public DeployedWebApp {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(contextPath, "contextPath");
        urlPatterns = List.copyOf(urlPatterns);
    }

    /** A deployed web-app that is running. */
    public DeployedWebApp(String hostName, String contextPath, List<String> urlPatterns) {
        this(hostName, contextPath, urlPatterns, true);
    }
}

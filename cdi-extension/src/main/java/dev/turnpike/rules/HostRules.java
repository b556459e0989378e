package dev.turnpike.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rules of one virtual host: host-level rules (matching the full path) and the rules of its
 * web-apps by context path (matching the context-relative path).
 *
 * @param id      the host id as configured ({@code ""} for the default host)
 * @param names   the lower-cased host names it answers to (id, host-name, aliases)
 * @param regexp  a pattern host names may match instead, or {@code null}
 * @param rules   the host-level rules, {@code host-default} rules first
 * @param webApps the web-app rules by context path ({@code ""} for the root web-app)
 */
public record HostRules(String id, List<String> names, Pattern regexp, RuleList rules, Map<String, RuleList> webApps) {

    public HostRules {
        Objects.requireNonNull(id, "id");
        names = List.copyOf(names);
        Objects.requireNonNull(rules, "rules");
        webApps = Map.copyOf(webApps);
    }

    /** Whether this is the host that answers requests for names no other host claims. */
    public boolean isDefault() {
        return id.isEmpty() || id.equals("default") || id.equals("*");
    }

    /** Whether this host answers to the (lower-cased) name. */
    public boolean answersTo(String hostName) {
        return names.contains(hostName) || (regexp != null && regexp.matcher(hostName).matches());
    }

    /** The rules of the web-app at the context path, or {@code null}. */
    public RuleList webApp(String contextPath) {
        return webApps.get(contextPath.equals("/") ? "" : contextPath);
    }
}

package dev.turnpike.config;

import static dev.turnpike.config.AttributeSpec.optional;
import static dev.turnpike.config.AttributeSpec.repeatable;

import dev.turnpike.config.TagSpec.Kind;
import dev.turnpike.config.TagSpec.Mode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resin's containers, the places rules live: {@code <resin>}, {@code <cluster>}, {@code <server>},
 * {@code <host>}, {@code <host-default>}, {@code <web-app>} and {@code <web-app-default>}. A
 * {@code <web-app>} and a {@code <web-app-default>} also hold {@code <servlet-mapping>}s. Their
 * other content (servlets, databases, ports, ...) is skipped.
 */
final class ContainerTags {

    private static final Set<Kind> CONTENT = Set.of(Kind.CONTAINER, Kind.RULE, Kind.FILTER, Kind.REWRITE_BLOCK);
    private static final Set<Kind> WEB_APP_CONTENT = Set.of(Kind.CONTAINER, Kind.RULE, Kind.FILTER,
            Kind.REWRITE_BLOCK, Kind.MAPPING);

    private ContainerTags() {
    }

    static List<TagSpec> all() {
        return List.of(
                container("resin", List.of(), null, (context, children) -> Containers.server(children)),
                container("cluster", List.of(optional("id", "the cluster's name")), null,
                        ContainerTags::cluster),
                container("server", ClusterMembers.ATTRIBUTES, null,
                        (context, children) -> new Containers.Member(ClusterMembers.member(context),
                                Containers.server(children))),
                container("host", List.of(
                                optional("id", "the host name (empty for the default host)"),
                                optional("host-name", "the host's canonical name"),
                                optional("regexp", "a pattern of host names this host answers to"),
                                repeatable("host-alias", false, "another name the host answers to"),
                                repeatable("host-alias-regexp", false, "a pattern of other names")),
                        ContainerTags::hostVariables, ContainerTags::host),
                container("host-default", List.of(), null, (context, children) -> new Containers.HostDefault(
                        Containers.rules(children), Containers.all(children, Containers.WebApp.class),
                        Containers.webAppDefaults(children))),
                webApp("web-app", List.of(
                                optional("id", "the context path, e.g. / or /shop"),
                                optional("context-path", "the context path, e.g. / or /shop")),
                        ContainerTags::webAppVariables,
                        (context, children) -> new Containers.WebApp(contextPath(context),
                                Containers.AppContent.of(children))),
                webApp("web-app-default", List.of(), null,
                        (context, children) -> new Containers.WebAppDefault(Containers.AppContent.of(children))));
    }

    private static TagSpec container(String name, List<AttributeSpec> attributes, TagSpec.ScopeHook scope,
                                     TagSpec.TagFactory factory) {
        return new TagSpec(TagCatalog.RESIN_NS, name, name, Kind.CONTAINER, attributes, CONTENT, Mode.CONTAINER,
                scope, factory);
    }

    private static TagSpec webApp(String name, List<AttributeSpec> attributes, TagSpec.ScopeHook scope,
                                  TagSpec.TagFactory factory) {
        return new TagSpec(TagCatalog.RESIN_NS, name, name, Kind.CONTAINER, attributes, WEB_APP_CONTENT,
                Mode.CONTAINER, scope, factory);
    }

    private static Object cluster(TagContext context, List<Object> children) {
        try {
            return Containers.cluster(context.value("id", ""), context.origin(), children);
        } catch (IllegalArgumentException e) {
            context.problem("TPC0111", "invalid <cluster>: " + e.getMessage());
            return null;
        }
    }

    private static Object host(TagContext context, List<Object> children) {
        String id = context.value("id", "");
        Set<String> names = new LinkedHashSet<>();
        if (!id.isEmpty() && !id.equals("default") && !id.equals("*")) {
            names.add(ResinConfigReader.lower(id));
        }
        if (context.has("host-name")) {
            names.add(ResinConfigReader.lower(context.value("host-name")));
        }
        for (String alias : context.values("host-alias")) {
            names.add(ResinConfigReader.lower(alias.trim()));
        }
        List<String> patterns = new ArrayList<>();
        if (context.has("regexp")) {
            patterns.add(context.value("regexp"));
        }
        patterns.addAll(context.values("host-alias-regexp"));
        Pattern regexp = null;
        String regexpId = context.has("regexp") && names.isEmpty() ? context.value("regexp") : null;
        if (!patterns.isEmpty()) {
            String joined = patterns.size() == 1 ? patterns.get(0) : "(?:" + String.join(")|(?:", patterns) + ")";
            regexp = context.compile(context.has("regexp") ? "regexp" : "host-alias-regexp", joined,
                    Pattern.CASE_INSENSITIVE);
            if (regexp == null) {
                return null;
            }
        }
        return new Containers.Host(id, List.copyOf(names), regexp, regexpId, Containers.rules(children),
                Containers.all(children, Containers.WebApp.class), Containers.webAppDefaults(children));
    }

    private static Map<String, String> hostVariables(ConfigElement element) {
        String name = attribute(element, "host-name");
        if (name == null) {
            name = attribute(element, "id");
        }
        if (name == null || name.isEmpty() || name.equals("default") || name.equals("*")) {
            return Map.of();
        }
        return Map.of("host.name", name, "host.url", "http://" + name, "host.id", name);
    }

    private static Map<String, String> webAppVariables(ConfigElement element) {
        String path = attribute(element, "context-path");
        if (path == null) {
            path = attribute(element, "id");
        }
        if (path == null) {
            return Map.of();
        }
        String contextPath = normalizeContextPath(path);
        return Map.of("webApp.contextPath", contextPath, "webApp.id", path);
    }

    private static String attribute(ConfigElement element, String name) {
        for (ConfigAttribute attribute : element.attributes().values()) {
            if (attribute.namespace().isEmpty() && attribute.localName().equals(name)) {
                return attribute.value();
            }
        }
        for (ConfigElement child : element.children()) {
            if (child.localName().equals(name) && child.children().isEmpty()) {
                return child.text();
            }
        }
        return null;
    }

    private static String contextPath(TagContext context) {
        String path = context.value("context-path");
        if (path == null) {
            path = context.value("id", "");
        }
        return normalizeContextPath(path);
    }

    /** {@code ""} for the root, else {@code /name} without a trailing slash. */
    static String normalizeContextPath(String path) {
        String trimmed = path.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }
}

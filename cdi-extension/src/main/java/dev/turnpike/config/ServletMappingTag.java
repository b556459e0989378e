package dev.turnpike.config;

import static dev.turnpike.config.AttributeSpec.optional;
import static dev.turnpike.config.AttributeSpec.repeatable;

import dev.turnpike.config.TagSpec.Kind;
import dev.turnpike.config.TagSpec.Mode;
import dev.turnpike.mapping.MappingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A web-app's {@code <servlet-mapping>}, read for the plugin dispatch table (resin-spec 5.2):
 * which URLs the web server in front hands to Turnpike. Resin's attribute form and the
 * {@code web.xml} child-element form are both read; one mapping may name several patterns.
 *
 * <pre>{@code
 * <web-app id="/shop">
 *   <servlet-mapping url-pattern="/api/*" servlet-name="plugin_match"/>
 *   <servlet-mapping>
 *     <servlet-name>plugin-ignore</servlet-name>
 *     <url-pattern>/static/*</url-pattern>
 *     <url-pattern>*.png</url-pattern>
 *   </servlet-mapping>
 *   <servlet-mapping url-regexp="^/report/\d+" servlet-name="reports"/>
 * </web-app>
 * }</pre>
 *
 * <p>{@code plugin_match} (or {@code plugin-match}) sends the URLs to Turnpike and
 * {@code plugin_ignore} (or {@code plugin-ignore}) keeps them on the web server; any other
 * servlet's pattern sends them too. A {@code url-regexp} is recorded but cannot be told to the
 * plugin. Other attributes and children of the element ({@code servlet-class},
 * {@code init-param}, ...) are Resin's business and are not read.
 */
final class ServletMappingTag {

    static final String NAME = "servlet-mapping";

    private ServletMappingTag() {
    }

    static TagSpec spec() {
        return new TagSpec(TagCatalog.RESIN_NS, NAME, NAME, Kind.MAPPING, List.of(
                repeatable("url-pattern", false, "a URL pattern the servlet answers, e.g. /api/* or *.jsp"),
                optional("url-regexp", "a regexp of the URLs the servlet answers"),
                optional("servlet-name", "the servlet, or plugin_match / plugin_ignore")),
                Set.of(), Mode.CONTAINER, null, ServletMappingTag::create);
    }

    private static Object create(TagContext c, List<Object> children) {
        if (!c.has("url-pattern") && !c.has("url-regexp")) {
            c.problem("TPC0117", "<" + c.display() + "> needs 'url-pattern' or 'url-regexp': the URLs the servlet"
                    + " answers, which Turnpike reports to the web server's plugin");
            return null;
        }
        String servletName = c.value("servlet-name", "").trim();
        MappingConfig.Role role = role(servletName);
        List<MappingConfig.Mapping> mappings = new ArrayList<>();
        for (String pattern : c.values("url-pattern")) {
            mappings.add(new MappingConfig.Mapping(role, servletName, pattern.trim(), false, c.origin()));
        }
        if (c.has("url-regexp") && c.regexp("url-regexp") != null) {
            mappings.add(new MappingConfig.Mapping(role, servletName, c.value("url-regexp"), true, c.origin()));
        }
        return c.failed() ? null : new Containers.ServletMappings(mappings);
    }

    private static MappingConfig.Role role(String servletName) {
        return switch (servletName) {
            case "plugin_match", "plugin-match" -> MappingConfig.Role.PLUGIN_MATCH;
            case "plugin_ignore", "plugin-ignore" -> MappingConfig.Role.PLUGIN_IGNORE;
            default -> MappingConfig.Role.SERVLET;
        };
    }
}

package dev.turnpike.mapping;

import dev.turnpike.mapping.MappingConfig.Mapping;
import dev.turnpike.mapping.MappingConfig.Role;
import java.util.List;

/** Short forms of configured mappings, web-apps and hosts, for table tests. */
final class Mappings {

    private Mappings() {
    }

    static Mapping servlet(String pattern) {
        return new Mapping(Role.SERVLET, "s", pattern, false, "test");
    }

    static Mapping pluginMatch(String pattern) {
        return new Mapping(Role.PLUGIN_MATCH, "plugin_match", pattern, false, "test");
    }

    static Mapping pluginIgnore(String pattern) {
        return new Mapping(Role.PLUGIN_IGNORE, "plugin_ignore", pattern, false, "test");
    }

    static Mapping regexp(String regexp) {
        return new Mapping(Role.SERVLET, "s", regexp, true, "test");
    }

    static MappingConfig.WebApp app(String contextPath, Mapping... mappings) {
        return new MappingConfig.WebApp(contextPath, List.of(mappings));
    }

    static MappingConfig.Host host(String name, List<String> aliases, MappingConfig.WebApp... apps) {
        return new MappingConfig.Host(name, aliases, false, List.of(apps), List.of());
    }

    static MappingConfig config(MappingConfig.Host... hosts) {
        return new MappingConfig(List.of(hosts), MappingConfig.NONE.otherHosts());
    }
}

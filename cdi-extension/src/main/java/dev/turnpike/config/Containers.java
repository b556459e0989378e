package dev.turnpike.config;

import dev.turnpike.mapping.MappingConfig;
import dev.turnpike.rules.BackendConfig;
import dev.turnpike.rules.ClusterConfig;
import dev.turnpike.rules.HostRules;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.RuleFilter;
import dev.turnpike.rules.RuleImport;
import dev.turnpike.rules.RuleList;
import dev.turnpike.rules.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What Resin's containers hold once read — the rules of a server, its hosts and their web-apps,
 * and the web-apps' servlet mappings — and how they become one {@link RuleSet} with its
 * {@link MappingConfig}.
 */
final class Containers {

    private Containers() {
    }

    /** A {@code <rewrite-dispatch>}: its rules, and the group rule that stands for it in a container. */
    record RewriteBlock(RuleList rules, Rule group) {
    }

    /** The patterns of one {@code <servlet-mapping>}. */
    record ServletMappings(List<MappingConfig.Mapping> mappings) {
    }

    /** What a web-app holds: its rules and its servlet mappings. */
    record AppContent(RuleList rules, List<MappingConfig.Mapping> mappings) {
        static final AppContent EMPTY = new AppContent(RuleList.EMPTY, List.of());

        static AppContent of(List<Object> children) {
            List<MappingConfig.Mapping> mappings = new ArrayList<>();
            for (ServletMappings mapping : all(children, ServletMappings.class)) {
                mappings.addAll(mapping.mappings());
            }
            return new AppContent(Containers.rules(children), List.copyOf(mappings));
        }

        /** This content, then the next one's. */
        AppContent then(AppContent next) {
            return new AppContent(rules.then(next.rules), concat(mappings, next.mappings));
        }
    }

    /** A {@code <web-app>}: its context path ({@code ""} for the root), its rules and servlet mappings. */
    record WebApp(String contextPath, AppContent content) {
    }

    /** A {@code <web-app-default>}: rules and mappings every web-app of the enclosing container gets first. */
    record WebAppDefault(AppContent content) {
    }

    /**
     * A {@code <host>}.
     *
     * @param regexpId the {@code regexp} the host is defined by, when it has no name; else {@code null}
     */
    record Host(String id, List<String> names, Pattern regexp, String regexpId, RuleList rules, List<WebApp> webApps,
                AppContent webAppDefault) {
    }

    /** A {@code <host-default>}: rules every host gets first, and web-apps every host has. */
    record HostDefault(RuleList rules, List<WebApp> webApps, AppContent webAppDefault) {
        static final HostDefault NONE = new HostDefault(RuleList.EMPTY, List.of(), AppContent.EMPTY);
    }

    /** A {@code <resin>}, {@code <cluster>} or {@code <server>}: server-level rules, hosts, defaults and clusters. */
    record Server(RuleList rules, List<Host> hosts, HostDefault hostDefault, AppContent webAppDefault,
                  List<ClusterConfig> clusters) {
    }

    /** A {@code <server>}: a member of its cluster, and the rules it holds like any container. */
    record Member(BackendConfig config, Server content) {
    }

    /** The rules of a container's children: filters first, then Resin 4 rules, then {@code <rewrite-dispatch>} blocks. */
    static RuleList rules(List<Object> children) {
        List<RuleFilter> filters = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<Rule> blocks = new ArrayList<>();
        for (Object child : children) {
            if (child instanceof RuleFilter filter) {
                filters.add(filter);
            } else if (child instanceof Rule rule) {
                rules.add(rule);
            } else if (child instanceof RewriteBlock block) {
                blocks.add(block.group());
            }
        }
        rules.addAll(blocks);
        return filters.isEmpty() && rules.isEmpty() ? RuleList.EMPTY : new RuleList(filters, rules);
    }

    static <T> List<T> all(List<Object> children, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Object child : children) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
        }
        return found;
    }

    static AppContent webAppDefaults(List<Object> children) {
        AppContent content = AppContent.EMPTY;
        for (WebAppDefault defaults : all(children, WebAppDefault.class)) {
            content = content.then(defaults.content());
        }
        return content;
    }

    /** A {@code <resin>}, {@code <cluster>} or {@code <server>} from its children; nested ones are merged in. */
    static Server server(List<Object> children) {
        HostDefault hostDefault = HostDefault.NONE;
        for (HostDefault found : all(children, HostDefault.class)) {
            hostDefault = new HostDefault(hostDefault.rules().then(found.rules()),
                    concat(hostDefault.webApps(), found.webApps()),
                    hostDefault.webAppDefault().then(found.webAppDefault()));
        }
        List<WebApp> looseApps = all(children, WebApp.class);
        if (!looseApps.isEmpty()) {
            hostDefault = new HostDefault(hostDefault.rules(), concat(hostDefault.webApps(), looseApps),
                    hostDefault.webAppDefault());
        }
        Server own = new Server(rules(children), all(children, Host.class), hostDefault, webAppDefaults(children),
                List.of());
        List<Server> servers = new ArrayList<>();
        servers.add(own);
        servers.addAll(all(children, Server.class));
        for (Member member : all(children, Member.class)) {
            servers.add(member.content());
        }
        return merge(servers);
    }

    /**
     * A {@code <cluster>}: its content as a server, plus the cluster of its {@code <server>}
     * members when it has any.
     */
    static Server cluster(String id, String origin, List<Object> children) {
        Server content = server(children);
        List<BackendConfig> members = new ArrayList<>();
        for (Member member : all(children, Member.class)) {
            if (member.config() != null) {
                members.add(member.config());
            }
        }
        if (members.isEmpty()) {
            return content;
        }
        return new Server(content.rules(), content.hosts(), content.hostDefault(), content.webAppDefault(),
                concat(List.of(new ClusterConfig(id, members, origin)), content.clusters()));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Turns the root container into the rule set. */
    static RuleSet toRuleSet(Object root, String source, List<String> skipped, List<RuleImport> imports,
                             List<String> warnings) {
        Server server;
        if (root instanceof Server found) {
            server = found;
        } else if (root instanceof Host host) {
            server = new Server(RuleList.EMPTY, List.of(host), HostDefault.NONE, AppContent.EMPTY, List.of());
        } else if (root instanceof WebApp webApp) {
            server = new Server(RuleList.EMPTY, List.of(), HostDefault.NONE, webApp.content(), List.of());
        } else if (root instanceof RewriteBlock block) {
            server = new Server(RuleList.EMPTY, List.of(), HostDefault.NONE,
                    new AppContent(new RuleList(List.of(), List.of(block.group())), List.of()), List.of());
        } else if (root instanceof Member member) {
            server = member.content();
        } else {
            throw new IllegalStateException("not a container: " + root);
        }
        AppContent appDefault = server.webAppDefault().then(server.hostDefault().webAppDefault());
        List<HostRules> hosts = new ArrayList<>();
        List<MappingConfig.Host> mappingHosts = new ArrayList<>();
        for (Host host : server.hosts()) {
            Map<String, RuleList> apps = new LinkedHashMap<>();
            AppContent hostAppDefault = appDefault.then(host.webAppDefault());
            for (WebApp app : concat(server.hostDefault().webApps(), host.webApps())) {
                apps.merge(app.contextPath(), hostAppDefault.rules().then(app.content().rules()), RuleList::then);
            }
            hosts.add(new HostRules(host.id(), host.names(), host.regexp(),
                    server.hostDefault().rules().then(host.rules()), apps));
            mappingHosts.add(mappingHost(host, server.hostDefault().webApps(), hostAppDefault));
        }
        RuleList unknownAppDefault = appDefault.rules();
        for (WebApp app : server.hostDefault().webApps()) {
            if (app.contextPath().isEmpty()) {
                unknownAppDefault = unknownAppDefault.then(app.content().rules());
            }
        }
        MappingConfig.Host otherHosts = new MappingConfig.Host("", List.of(), false,
                mappingApps(server.hostDefault().webApps(), appDefault), appDefault.mappings());
        return new RuleSet(server.rules(), hosts, server.hostDefault().rules(), unknownAppDefault, source)
                .withDetails(skipped, imports, warnings).withClusters(server.clusters())
                .withMappings(new MappingConfig(mappingHosts, otherHosts));
    }

    /**
     * A host as the plugin table sees it: named by its id ({@code ""} for the default host), or by
     * its pattern when a regexp defines it; its other names are aliases.
     */
    private static MappingConfig.Host mappingHost(Host host, List<WebApp> everyHostApps, AppContent appDefault) {
        List<WebApp> apps = concat(everyHostApps, host.webApps());
        if (host.regexpId() != null) {
            return new MappingConfig.Host(host.regexpId(), List.of(), true, mappingApps(apps, appDefault),
                    appDefault.mappings());
        }
        String id = ResinConfigReader.lower(host.id());
        String name = id.equals("default") || id.equals("*") ? "" : id;
        List<String> aliases = new ArrayList<>(host.names());
        aliases.remove(name);
        return new MappingConfig.Host(name, aliases, false, mappingApps(apps, appDefault), appDefault.mappings());
    }

    /**
     * The web-apps by context path, each with the defaults first, then the mappings of every
     * {@code <web-app>} of that path.
     */
    private static List<MappingConfig.WebApp> mappingApps(List<WebApp> apps, AppContent appDefault) {
        Map<String, List<MappingConfig.Mapping>> byContext = new LinkedHashMap<>();
        for (WebApp app : apps) {
            byContext.computeIfAbsent(app.contextPath(), path -> new ArrayList<>(appDefault.mappings()))
                    .addAll(app.content().mappings());
        }
        List<MappingConfig.WebApp> result = new ArrayList<>();
        byContext.forEach((path, mappings) -> result.add(new MappingConfig.WebApp(path, mappings)));
        return result;
    }

    private static Server merge(List<Server> servers) {
        RuleList rules = RuleList.EMPTY;
        List<Host> hosts = new ArrayList<>();
        HostDefault hostDefault = HostDefault.NONE;
        AppContent appDefault = AppContent.EMPTY;
        List<ClusterConfig> clusters = new ArrayList<>();
        for (Server server : servers) {
            clusters.addAll(server.clusters());
            rules = rules.then(server.rules());
            hosts.addAll(server.hosts());
            hostDefault = new HostDefault(hostDefault.rules().then(server.hostDefault().rules()),
                    concat(hostDefault.webApps(), server.hostDefault().webApps()),
                    hostDefault.webAppDefault().then(server.hostDefault().webAppDefault()));
            appDefault = appDefault.then(server.webAppDefault());
        }
        return new Server(rules, hosts, hostDefault, appDefault, clusters);
    }
}

package dev.turnpike.config;

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
 * What Resin's containers hold once read — the rules of a server, its hosts and their web-apps —
 * and how they become one {@link RuleSet}.
 */
final class Containers {

    private Containers() {
    }

    /** A {@code <rewrite-dispatch>}: its rules, and the group rule that stands for it in a container. */
    record RewriteBlock(RuleList rules, Rule group) {
    }

    /** A {@code <web-app>}: its context path ({@code ""} for the root) and its rules. */
    record WebApp(String contextPath, RuleList rules) {
    }

    /** A {@code <web-app-default>}: rules every web-app of the enclosing container gets first. */
    record WebAppDefault(RuleList rules) {
    }

    /** A {@code <host>}. */
    record Host(String id, List<String> names, Pattern regexp, RuleList rules, List<WebApp> webApps,
                RuleList webAppDefault) {
    }

    /** A {@code <host-default>}: rules every host gets first, and web-apps every host has. */
    record HostDefault(RuleList rules, List<WebApp> webApps, RuleList webAppDefault) {
        static final HostDefault NONE = new HostDefault(RuleList.EMPTY, List.of(), RuleList.EMPTY);
    }

    /** A {@code <resin>}, {@code <cluster>} or {@code <server>}: server-level rules, hosts, defaults and clusters. */
    record Server(RuleList rules, List<Host> hosts, HostDefault hostDefault, RuleList webAppDefault,
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

    static RuleList webAppDefaults(List<Object> children) {
        RuleList rules = RuleList.EMPTY;
        for (WebAppDefault defaults : all(children, WebAppDefault.class)) {
            rules = rules.then(defaults.rules());
        }
        return rules;
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
            server = new Server(RuleList.EMPTY, List.of(host), HostDefault.NONE, RuleList.EMPTY, List.of());
        } else if (root instanceof WebApp webApp) {
            server = new Server(RuleList.EMPTY, List.of(), HostDefault.NONE, webApp.rules(), List.of());
        } else if (root instanceof RewriteBlock block) {
            server = new Server(RuleList.EMPTY, List.of(), HostDefault.NONE,
                    new RuleList(List.of(), List.of(block.group())), List.of());
        } else if (root instanceof Member member) {
            server = member.content();
        } else {
            throw new IllegalStateException("not a container: " + root);
        }
        RuleList appDefault = server.webAppDefault().then(server.hostDefault().webAppDefault());
        List<HostRules> hosts = new ArrayList<>();
        for (Host host : server.hosts()) {
            Map<String, RuleList> apps = new LinkedHashMap<>();
            RuleList hostAppDefault = appDefault.then(host.webAppDefault());
            for (WebApp app : concat(server.hostDefault().webApps(), host.webApps())) {
                apps.merge(app.contextPath(), hostAppDefault.then(app.rules()), RuleList::then);
            }
            hosts.add(new HostRules(host.id(), host.names(), host.regexp(),
                    server.hostDefault().rules().then(host.rules()), apps));
        }
        RuleList unknownAppDefault = appDefault;
        for (WebApp app : server.hostDefault().webApps()) {
            if (app.contextPath().isEmpty()) {
                unknownAppDefault = unknownAppDefault.then(app.rules());
            }
        }
        return new RuleSet(server.rules(), hosts, server.hostDefault().rules(), unknownAppDefault, source)
                .withDetails(skipped, imports, warnings).withClusters(server.clusters());
    }

    private static Server merge(List<Server> servers) {
        RuleList rules = RuleList.EMPTY;
        List<Host> hosts = new ArrayList<>();
        HostDefault hostDefault = HostDefault.NONE;
        RuleList appDefault = RuleList.EMPTY;
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

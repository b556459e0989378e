package dev.turnpike.rules;

import dev.turnpike.mapping.MappingConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A whole configuration's rules, immutable and shared by every request thread: server-level rules
 * (matching the full URL {@code http://host/path}), host-level rules per virtual host (matching
 * the full path), and web-app rules per host and context path (matching the context-relative
 * path).
 *
 * <p>A request meets the server level first, then its host's rules, then its web-app's rules;
 * each level passes to the next only when none of its rules decided. Within a level the first
 * rule that decides wins. When no rule decides the decision is {@link Decision#PASS}.
 *
 * <p>The snapshot also carries what the configuration says besides rules: skipped elements,
 * imports, warnings, clusters, and the web-apps' servlet mappings ({@link #mappings()}), which
 * the rules never look at.
 */
public final class RuleSet {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.rules");

    /** The rule set of a configuration without rules. */
    public static final RuleSet EMPTY = new RuleSet(RuleList.EMPTY, List.of(), RuleList.EMPTY, RuleList.EMPTY, "(none)");

    private final RuleList server;
    private final List<HostRules> hosts;
    private final RuleList hostDefault;
    private final RuleList webAppDefault;
    private final String source;
    private final List<String> skipped;
    private final List<RuleImport> imports;
    private final List<String> warnings;
    private final List<ClusterConfig> clusters;
    private final MappingConfig mappings;
    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();

    /**
     * @param server        server-level rules
     * @param hosts         the virtual hosts, in configuration order
     * @param hostDefault   host-level rules for hosts not configured
     * @param webAppDefault web-app rules for web-apps not configured (a {@code resin-web.xml}'s rules)
     * @param source        where the rules came from, e.g. the file path
     */
    public RuleSet(RuleList server, List<HostRules> hosts, RuleList hostDefault, RuleList webAppDefault,
                   String source) {
        this.server = Objects.requireNonNull(server, "server");
        this.hosts = List.copyOf(hosts);
        this.hostDefault = Objects.requireNonNull(hostDefault, "hostDefault");
        this.webAppDefault = Objects.requireNonNull(webAppDefault, "webAppDefault");
        this.source = Objects.requireNonNull(source, "source");
        this.skipped = List.of();
        this.imports = List.of();
        this.warnings = List.of();
        this.clusters = List.of();
        this.mappings = MappingConfig.NONE;
        this.release = () -> { };
    }

    private RuleSet(RuleSet rules, List<HostRules> hosts, RuleList webAppDefault, List<String> skipped,
                    List<RuleImport> imports, List<String> warnings, List<ClusterConfig> clusters,
                    MappingConfig mappings, Runnable release) {
        this.server = rules.server;
        this.hosts = List.copyOf(hosts);
        this.hostDefault = rules.hostDefault;
        this.webAppDefault = webAppDefault;
        this.source = rules.source;
        this.skipped = List.copyOf(skipped);
        this.imports = List.copyOf(imports);
        this.warnings = List.copyOf(warnings);
        this.clusters = List.copyOf(clusters);
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.release = Objects.requireNonNull(release, "release");
    }

    private RuleSet(RuleSet rules, List<String> skipped, List<RuleImport> imports, List<String> warnings,
                    List<ClusterConfig> clusters, MappingConfig mappings) {
        this(rules, rules.hosts, rules.webAppDefault, skipped, imports, warnings, clusters, mappings, rules.release);
    }

    /**
     * This rule set with rules added to the root web-app ({@code /}) of every host, and of hosts
     * not configured: {@code first} before the configuration's rules there, {@code last} after
     * them.
     */
    public RuleSet withRootWebAppRules(List<? extends Rule> first, List<? extends Rule> last) {
        if (first.isEmpty() && last.isEmpty()) {
            return this;
        }
        RuleList before = new RuleList(List.of(), first);
        RuleList after = new RuleList(List.of(), last);
        List<HostRules> surrounded = new ArrayList<>();
        for (HostRules host : hosts) {
            RuleList root = host.webApp("");
            if (root == null) {
                surrounded.add(host);
                continue;
            }
            Map<String, RuleList> apps = new LinkedHashMap<>(host.webApps());
            apps.put("", before.then(root).then(after));
            surrounded.add(new HostRules(host.id(), host.names(), host.regexp(), host.rules(), apps));
        }
        return new RuleSet(this, surrounded, before.then(webAppDefault).then(after), skipped, imports, warnings,
                clusters, mappings, release);
    }

    /**
     * This rule set with what releases the application objects its rules use (their
     * {@code @PreDestroy}), run by {@link #release()}.
     */
    public RuleSet withRelease(Runnable action) {
        return new RuleSet(this, hosts, webAppDefault, skipped, imports, warnings, clusters, mappings, action);
    }

    /**
     * Releases the application objects of this rule set once it no longer serves: after a new
     * rule set replaced it, or when the application stops. Runs once; later calls do nothing.
     */
    public void release() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }

    /**
     * This rule set with what its configuration said besides rules.
     *
     * @param skipped  the elements that were not about rules and were skipped, as written
     * @param imports  the imported rule files, reloaded while the rules serve
     * @param warnings what the configuration does that works but is risky, as
     *                 {@code file:line:column: code message}
     */
    public RuleSet withDetails(List<String> skipped, List<RuleImport> imports, List<String> warnings) {
        return new RuleSet(this, skipped, imports, warnings, clusters, mappings);
    }

    /** This rule set with the clusters of backend servers its configuration defines. */
    public RuleSet withClusters(List<ClusterConfig> configured) {
        return new RuleSet(this, skipped, imports, warnings, configured, mappings);
    }

    /** This rule set with the servlet mappings its configuration declares. */
    public RuleSet withMappings(MappingConfig configured) {
        return new RuleSet(this, skipped, imports, warnings, clusters, configured);
    }

    /**
     * The servlet mappings the configuration declares by host and web-app, for the plugin
     * dispatch table ({@code dev.turnpike.mapping.PluginTable}); {@link MappingConfig#NONE} when
     * it declares none.
     */
    public MappingConfig mappings() {
        return mappings;
    }

    /** The clusters of backend servers the configuration defines, in configuration order. */
    public List<ClusterConfig> clusters() {
        return clusters;
    }

    /** Lint warnings about the configuration (risky patterns), with their places. */
    public List<String> warnings() {
        return warnings;
    }

    /** The elements of the configuration that were not about rules and were skipped. */
    public List<String> skipped() {
        return skipped;
    }

    /** The imported rule files. */
    public List<RuleImport> imports() {
        return imports;
    }

    /** Web-app rules only, as a {@code resin-web.xml} declares them. */
    public RuleSet(List<? extends Rule> webAppRules, String source) {
        this(RuleList.EMPTY, List.of(), RuleList.EMPTY, new RuleList(List.of(), webAppRules), source);
    }

    /** Decides what happens to a request, recording the rules' side effects on the exchange. */
    public Decision evaluate(Exchange exchange) {
        Decision decision = decide("server", server, exchange, server.isEmpty() ? null : exchange.fullUrl());
        if (decision != null) {
            return decision;
        }
        HostRules host = hosts.isEmpty() ? null : host(exchange.hostName());
        RuleList hostLevel = host != null ? host.rules() : hostDefault;
        decision = decide("host", hostLevel, exchange, hostLevel.isEmpty() ? null : exchange.fullPath());
        if (decision != null) {
            return decision;
        }
        RuleList webApp = host != null ? host.webApp(exchange.contextPath()) : null;
        if (webApp == null) {
            webApp = webAppDefault;
        }
        decision = decide("web-app", webApp, exchange, exchange.path());
        if (decision != null) {
            return decision;
        }
        if (LOG.isLoggable(Level.FINEST)) {
            LOG.finest("no rule decided for " + exchange.path());
        }
        return Decision.PASS;
    }

    private static Decision decide(String level, RuleList rules, Exchange exchange, String subject) {
        if (rules.isEmpty()) {
            return null;
        }
        if (exchange.trace() != null) {
            exchange.trace().level(level, subject);
        }
        Outcome outcome = rules.evaluate(exchange, subject);
        if (outcome instanceof Decision decision) {
            if (LOG.isLoggable(Level.FINER)) {
                LOG.finer(decision.rule() + " (" + (decision.rule() == null ? "-" : decision.rule().origin())
                        + ") decided " + subject + " -> " + decision);
            }
            return decision;
        }
        return null;
    }

    /** The host answering to a lower-cased name: by name, then by pattern, then the default host. */
    public HostRules host(String hostName) {
        HostRules fallback = null;
        for (HostRules host : hosts) {
            if (host.answersTo(hostName)) {
                return host;
            }
            if (fallback == null && host.isDefault()) {
                fallback = host;
            }
        }
        return fallback;
    }

    /**
     * Where a list of rules applies.
     *
     * @param level  {@code server}, {@code host} or {@code web-app}
     * @param host   the host id, or {@code null} for hosts not configured
     * @param webApp the context path ({@code ""} for the root) at web-app level, {@code null} for
     *               web-apps not configured and above web-app level
     */
    public record Scope(String level, String host, String webApp, RuleList rules) {
    }

    /** Every list of rules with where it applies, in the order requests meet them. */
    public List<Scope> scopes() {
        List<Scope> scopes = new ArrayList<>();
        add(scopes, "server", null, null, server);
        add(scopes, "host", null, null, hostDefault);
        for (HostRules host : hosts) {
            add(scopes, "host", host.id(), null, host.rules());
            for (Map.Entry<String, RuleList> app : host.webApps().entrySet()) {
                add(scopes, "web-app", host.id(), app.getKey(), app.getValue());
            }
        }
        add(scopes, "web-app", null, null, webAppDefault);
        return scopes;
    }

    private static void add(List<Scope> scopes, String level, String host, String webApp, RuleList rules) {
        if (!rules.isEmpty()) {
            scopes.add(new Scope(level, host, webApp, rules));
        }
    }

    /** Every top-level rule, in the order requests meet them. */
    public List<Rule> rules() {
        List<Rule> all = new ArrayList<>();
        for (Scope scope : scopes()) {
            all.addAll(scope.rules().rules());
        }
        return all;
    }

    public int size() {
        return rules().size();
    }

    public List<HostRules> hosts() {
        return hosts;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "RuleSet[" + source + ", " + size() + " rules]";
    }
}

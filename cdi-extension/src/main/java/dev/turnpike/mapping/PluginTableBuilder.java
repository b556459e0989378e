package dev.turnpike.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link PluginTable} from its two sources: the configuration ({@link MappingConfig},
 * {@code RuleSet.mappings()} of a loaded configuration) and what the server deployed
 * ({@link DeployedWebApp}s).
 *
 * <p>They merge per host and context path. A deployed web-app joins the configured host whose
 * canonical name or alias is its host name (the default host for {@code ""}), else a new host of
 * that name with what the configuration gives hosts it does not name. Within a web-app the
 * configured mappings come first ({@code <web-app-default>}'s, then its own), then the deployed
 * patterns; a deployed web-app the configuration does not name gets the host's web-app defaults.
 * A configured web-app nothing deployed stays in the table, with its configured patterns only.
 *
 * <p>What a pattern becomes: an ordinary servlet's pattern and a {@code plugin_match} pattern are
 * match patterns, a {@code plugin_ignore} pattern an ignore pattern, a {@code url-regexp} is
 * listed as not sent; an ordinary servlet's {@code /} (the default servlet) is left out, as Resin
 * leaves it out of the reply (resin-spec 5.1.1). Duplicates are kept once, where first seen.
 *
 * <p>Table order: the default host first, then the configured hosts, then those only the server
 * names; web-apps in configuration order, then those only deployed.
 */
public final class PluginTableBuilder {

    private String sessionUrlPrefix = PluginTable.DEFAULT_SESSION_URL_PREFIX;
    private MappingConfig configuration = MappingConfig.NONE;
    private final List<DeployedWebApp> deployed = new ArrayList<>();

    PluginTableBuilder() {
    }

    /** Where the session part of a request path starts; empty when sessions are never in URLs. */
    public PluginTableBuilder sessionUrlPrefix(String prefix) {
        this.sessionUrlPrefix = Objects.requireNonNull(prefix, "prefix");
        return this;
    }

    /** The configuration's hosts, web-apps and mappings; replaces any given before. */
    public PluginTableBuilder configuration(MappingConfig mappings) {
        this.configuration = Objects.requireNonNull(mappings, "mappings");
        return this;
    }

    /** A web-app the server deployed. */
    public PluginTableBuilder deployed(DeployedWebApp app) {
        deployed.add(Objects.requireNonNull(app, "app"));
        return this;
    }

    /** Web-apps the server deployed. */
    public PluginTableBuilder deployed(Collection<DeployedWebApp> apps) {
        apps.forEach(this::deployed);
        return this;
    }

    public PluginTable build() {
        List<HostDraft> drafts = new ArrayList<>();
        Map<String, HostDraft> byName = new LinkedHashMap<>();
        HostDraft defaultHost = new HostDraft("", false, configuration.otherHosts());
        drafts.add(defaultHost);
        byName.put("", defaultHost);
        boolean defaultConfigured = false;
        for (MappingConfig.Host host : configuration.hosts()) {
            if (host.regexp()) {
                drafts.add(new HostDraft(host.name(), true, host));
                continue;
            }
            HostDraft draft = byName.get(host.name());
            if (draft == null) {
                draft = new HostDraft(host.name(), false, host);
                drafts.add(draft);
                byName.put(host.name(), draft);
            } else if (draft == defaultHost && !defaultConfigured) {
                draft.replaceWith(host);
            } else {
                draft.add(host);
            }
            defaultConfigured |= draft == defaultHost;
        }
        for (DeployedWebApp app : deployed) {
            String name = PluginUris.hostName(app.hostName());
            HostDraft host = find(drafts, name);
            if (host == null) {
                host = new HostDraft(name, false, configuration.otherHosts().webAppDefault());
                drafts.add(host);
            }
            host.deploy(app);
        }
        return new PluginTable(drafts.stream().map(HostDraft::build).toList(), sessionUrlPrefix);
    }

    private static HostDraft find(List<HostDraft> drafts, String name) {
        for (HostDraft draft : drafts) {
            if (!draft.regexp && draft.name.equals(name)) {
                return draft;
            }
        }
        for (HostDraft draft : drafts) {
            if (!draft.regexp && draft.aliases.contains(name)) {
                return draft;
            }
        }
        return null;
    }

    /** {@code ""} for the root, else {@code /name} without a trailing {@code /}. */
    static String contextPath(String path) {
        String trimmed = path.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() || trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    /** A host while the table is built. */
    private static final class HostDraft {
        final String name;
        final boolean regexp;
        final Set<String> aliases = new LinkedHashSet<>();
        final Map<String, WebAppDraft> webApps = new LinkedHashMap<>();
        final List<MappingConfig.Mapping> webAppDefault = new ArrayList<>();

        HostDraft(String name, boolean regexp, MappingConfig.Host configured) {
            this.name = name;
            this.regexp = regexp;
            add(configured);
        }

        HostDraft(String name, boolean regexp, List<MappingConfig.Mapping> webAppDefault) {
            this.name = name;
            this.regexp = regexp;
            this.webAppDefault.addAll(webAppDefault);
        }

        /** Drops what came from the template of hosts not configured, for the configured host itself. */
        void replaceWith(MappingConfig.Host configured) {
            aliases.clear();
            webApps.clear();
            webAppDefault.clear();
            add(configured);
        }

        void add(MappingConfig.Host configured) {
            aliases.addAll(configured.aliases());
            aliases.remove(name);
            webAppDefault.addAll(configured.webAppDefault());
            for (MappingConfig.WebApp app : configured.webApps()) {
                WebAppDraft draft = webApps.computeIfAbsent(app.contextPath(), WebAppDraft::new);
                app.mappings().forEach(draft::add);
            }
        }

        void deploy(DeployedWebApp deployed) {
            String contextPath = contextPath(deployed.contextPath());
            WebAppDraft app = webApps.get(contextPath);
            if (app == null) {
                app = new WebAppDraft(contextPath);
                webAppDefault.forEach(app::add);
                webApps.put(contextPath, app);
            }
            app.deploy(deployed);
        }

        PluginHost build() {
            return new PluginHost(name, List.copyOf(aliases), regexp,
                    webApps.values().stream().map(WebAppDraft::build).toList());
        }
    }

    /** A web-app while the table is built. */
    private static final class WebAppDraft {
        final String contextPath;
        boolean available = true;
        final List<UrlPattern> match = new ArrayList<>();
        final List<UrlPattern> ignore = new ArrayList<>();
        final List<String> notSent = new ArrayList<>();

        WebAppDraft(String contextPath) {
            this.contextPath = contextPath;
        }

        void add(MappingConfig.Mapping mapping) {
            if (mapping.regexp()) {
                notSent.add(mapping.pattern());
                return;
            }
            switch (mapping.role()) {
                case PLUGIN_IGNORE -> ignore.add(UrlPattern.parse(mapping.pattern()));
                case PLUGIN_MATCH -> match.add(UrlPattern.parse(mapping.pattern()));
                case SERVLET -> servlet(mapping.pattern());
            }
        }

        void deploy(DeployedWebApp deployed) {
            available &= deployed.available();
            deployed.urlPatterns().forEach(this::servlet);
        }

        private void servlet(String pattern) {
            if (!pattern.equals("/")) {
                match.add(UrlPattern.parse(pattern));
            }
        }

        PluginWebApp build() {
            return new PluginWebApp(contextPath, available, match, ignore, notSent);
        }
    }
}

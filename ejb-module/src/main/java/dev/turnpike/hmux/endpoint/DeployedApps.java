package dev.turnpike.hmux.endpoint;

import dev.turnpike.mapping.HostReply;
import dev.turnpike.mapping.MappingConfig;
import dev.turnpike.mapping.PluginTable;
import dev.turnpike.mapping.ServerDeployments;
import dev.turnpike.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;

/**
 * What this server serves, for the dispatch query: the {@link PluginTable} of the configuration's
 * servlet mappings ({@code plugin_match}, {@code plugin_ignore}) and the web-apps the server has
 * deployed ({@link ServerDeployments}), read afresh at each query.
 */
final class DeployedApps {

    private DeployedApps() {
    }

    /** The plugin table of the configuration and the server's deployments now. */
    static PluginTable table(RuleSet rules, String sessionUrlPrefix) {
        return PluginTable.builder()
                .sessionUrlPrefix(sessionUrlPrefix)
                .configuration(rules == null ? MappingConfig.NONE : rules.mappings())
                .deployed(ServerDeployments.read())
                .build();
    }

    /** The table's hosts as the dispatch answer reports them. */
    static ServedHosts served(PluginTable table) {
        return name -> {
            HostReply reply = table.reply(name);
            List<ServedHosts.WebApp> webApps = new ArrayList<>();
            for (HostReply.WebApp webApp : reply.webApps()) {
                webApps.add(new ServedHosts.WebApp(webApp.contextPath(), webApp.available(), webApp.match(),
                        webApp.ignore()));
            }
            String canonical = reply.canonicalName();
            return new ServedHosts.Host(canonical.isEmpty() ? "default" : canonical, canonical, webApps);
        };
    }
}

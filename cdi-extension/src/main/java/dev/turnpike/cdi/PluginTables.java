package dev.turnpike.cdi;

import dev.turnpike.mapping.MappingConfig;
import dev.turnpike.mapping.PluginTable;
import dev.turnpike.mapping.ServerDeployments;
import dev.turnpike.rules.RuleSet;
import jakarta.servlet.ServletContext;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The plugin table of this server as it stands now: the configuration's servlet mappings
 * ({@code plugin_match}, {@code plugin_ignore}) and the web-apps the server has deployed, read
 * afresh each time, for the HMUX endpoint's configuration answers and the status page.
 *
 * <p>Registered by {@link TurnpikeExtension} as an application-scoped bean. Turnpike's web-app
 * registers its servlet context when it starts; the other web-apps' servlet mappings are read
 * through it ({@link ServerDeployments}).
 */
public class PluginTables {

    private final AtomicReference<ServletContext> known = new AtomicReference<>();

    /** A web-app of Turnpike's has started; the server's other web-apps are looked up through it. */
    public void webAppStarted(ServletContext context) {
        known.set(context);
    }

    /** The web-app has stopped; it is not used any more. */
    public void webAppStopped(ServletContext context) {
        known.compareAndSet(context, null);
    }

    /**
     * The table now.
     *
     * @param rules            the rules serving, or {@code null} when none has loaded
     * @param sessionUrlPrefix where the session part of a request path starts
     */
    public PluginTable current(RuleSet rules, String sessionUrlPrefix) {
        return PluginTable.builder()
                .sessionUrlPrefix(sessionUrlPrefix)
                .configuration(rules == null ? MappingConfig.NONE : rules.mappings())
                .deployed(ServerDeployments.read(known.get()))
                .build();
    }
}

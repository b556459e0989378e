package dev.turnpike.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * Turnpike's portable CDI extension, registered in {@code META-INF/services}.
 *
 * <p>It registers the application-scoped {@link LiveRules} bean, so the rule registry and the
 * web tier share one live rule set without a static field, the {@link EndpointTrust} the HMUX
 * endpoint and the web tier share, and the {@link PluginTables} the web tier registers its servlet
 * context with, and records the container lifecycle
 * events it observed so operators can see that the extension is active.
 */
public class TurnpikeExtension implements Extension {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.cdi");

    private final List<String> observedPhases = new CopyOnWriteArrayList<>();

    void beforeBeanDiscovery(@Observes BeforeBeanDiscovery event) {
        observedPhases.add("BeforeBeanDiscovery");
    }

    void afterBeanDiscovery(@Observes AfterBeanDiscovery event) {
        event.addBean()
                .beanClass(LiveRules.class)
                .types(LiveRules.class, Object.class)
                .scope(ApplicationScoped.class)
                .createWith(context -> new LiveRules());
        event.addBean()
                .beanClass(EndpointTrust.class)
                .types(EndpointTrust.class, Object.class)
                .scope(ApplicationScoped.class)
                .createWith(context -> new EndpointTrust());
        event.addBean()
                .beanClass(PluginTables.class)
                .types(PluginTables.class, Object.class)
                .scope(ApplicationScoped.class)
                .createWith(context -> new PluginTables());
        observedPhases.add("AfterBeanDiscovery");
    }

    void afterDeploymentValidation(@Observes AfterDeploymentValidation event) {
        observedPhases.add("AfterDeploymentValidation");
        LOG.fine("Turnpike CDI extension active; LiveRules bean registered");
    }

    /** The container lifecycle events this extension observed, in order. */
    public List<String> observedPhases() {
        return List.copyOf(observedPhases);
    }
}

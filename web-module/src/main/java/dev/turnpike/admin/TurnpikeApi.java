package dev.turnpike.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The JAX-RS application of Turnpike's API, at {@code /turnpike/api}; {@link AdminFilter} decides
 * who may call it.
 */
@ApplicationPath("/turnpike/api")
public class TurnpikeApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(StatusResource.class, RulesResource.class, ExplainResource.class, ConfigResource.class,
                CsrfResource.class, BackendsResource.class, MetricsResource.class, CheckResource.class,
                ValidationErrors.class, UnreadableBodies.class);
    }
}

package dev.turnpike.hmux.endpoint;

import dev.turnpike.cdi.EndpointTrust;
import dev.turnpike.cdi.LiveRules;
import dev.turnpike.cdi.PluginTables;
import dev.turnpike.config.Period;
import dev.turnpike.rules.RuleSet;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Starts the HMUX endpoint when the application starts, once the configuration has loaded (its
 * clusters name this server, {@link EndpointConfig}), and closes it when the application stops.
 * A port already taken or an invalid setting is logged at SEVERE and leaves the application running
 * without the endpoint.
 */
@Singleton
@Startup
@DependsOn("RuleRegistry")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EndpointStartup {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.hmux.endpoint");

    @Resource
    ManagedThreadFactory threads;

    @Inject
    LiveRules live;

    @Inject
    EndpointTrust trust;

    @Inject
    PluginTables tables;

    private HmuxEndpoint endpoint;

    @PostConstruct
    void start() {
        RuleSet rules = live.current();
        EndpointConfig config;
        try {
            config = EndpointConfig.of(systemProperties(), rules == null ? List.of() : rules.clusters());
        } catch (IllegalArgumentException e) {
            LOG.severe("Turnpike starts no HMUX endpoint: " + e.getMessage());
            return;
        }
        if (!config.enabled()) {
            LOG.info("Turnpike starts no HMUX endpoint (" + EndpointConfig.ENABLED + "=off)");
            return;
        }
        String urlPrefix = config.settings().sessions().urlPrefix();
        DispatchReplies replies = new DispatchReplies(() -> tables.current(live.current(), urlPrefix), config.cluster(),
                config.settings().sessions(), Period.parse(System.getProperty("turnpike.config.check-interval", "2s")));
        try {
            endpoint = HmuxEndpoint.start(config.settings(), config.httpServer(), replies, trust, threads);
        } catch (IOException e) {
            LOG.severe("Turnpike starts no HMUX endpoint: " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    /** The endpoint running, or {@code null}, for the status page. */
    public HmuxEndpoint endpoint() {
        return endpoint;
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
        return properties;
    }
}

package dev.turnpike.registry;

import dev.turnpike.cdi.LiveRules;
import dev.turnpike.config.ConfigLocator;
import dev.turnpike.config.ConfigProblem;
import dev.turnpike.config.ConfigReloader;
import dev.turnpike.config.ConfigReloader.Outcome;
import dev.turnpike.config.ConfigSource;
import dev.turnpike.config.Period;
import dev.turnpike.config.ResinConfigReader;
import dev.turnpike.rules.RuleSet;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads Turnpike's configuration when the application starts and checks it for changes on an
 * EJB timer (every {@value #DEFAULT_INTERVAL} unless the system property {@value #INTERVAL_PROPERTY}
 * says otherwise, in Resin's period syntax such as {@code 500ms} or {@code 5s}).
 *
 * <p>The configuration is found by {@link ConfigLocator}. A load with problems logs every problem
 * and keeps the rules that were serving; when the very first load fails there are no rules, and
 * the web tier answers 503 until a good configuration is written.
 */
@Singleton
@Startup
public class RuleRegistry {

    /** System property: how often the configuration file is checked for changes. */
    public static final String INTERVAL_PROPERTY = "turnpike.config.check-interval";

    static final String DEFAULT_INTERVAL = "2s";

    private static final Logger LOG = Logger.getLogger("dev.turnpike.registry");

    @Inject
    LiveRules live;

    @Resource
    TimerService timerService;

    private ConfigReloader reloader;

    @PostConstruct
    void start() {
        ConfigSource source = ConfigLocator.locate(RuleRegistry.class.getClassLoader());
        reloader = new ConfigReloader(source, new ResinConfigReader());
        apply(reloader.check());
        if (source.watched()) {
            long interval = Period.parse(System.getProperty(INTERVAL_PROPERTY, DEFAULT_INTERVAL)).toMillis();
            if (interval < 1) {
                throw new IllegalStateException("system property " + INTERVAL_PROPERTY + " must be at least 1ms");
            }
            timerService.createIntervalTimer(interval, interval, new TimerConfig("turnpike-config-check", false));
            LOG.info(() -> "Turnpike checks " + source.name() + " for changes every " + interval + " ms");
        }
        RuleSet rules = live.current();
        LOG.info("Turnpike ready: " + (rules == null ? "no rules (the configuration has errors, every request"
                + " answers 503)" : rules.size() + " rules") + " from " + source.name()
                + "; status at /caucho-status, page at /turnpike/");
    }

    @Timeout
    void checkForChanges() {
        apply(reloader.check());
    }

    private void apply(Outcome outcome) {
        Instant now = Instant.now();
        if (outcome instanceof Outcome.Loaded loaded) {
            live.loaded(loaded.rules(), now);
            LOG.info(() -> "Turnpike loaded " + loaded.rules().size() + " rules from " + loaded.rules().source());
        } else if (outcome instanceof Outcome.Failed failed) {
            RuleSet serving = live.current();
            live.failed(reloader.source().name(), failed.problems(), now);
            for (ConfigProblem problem : failed.problems()) {
                LOG.log(Level.SEVERE, problem.toString());
            }
            LOG.severe(() -> "Turnpike could not load " + reloader.source().name() + " ("
                    + failed.problems().size() + (failed.problems().size() == 1 ? " problem); " : " problems); ") + (serving == null
                    ? "no rules are loaded, every request answers 503 until the file is fixed"
                    : "the " + serving.size() + " rules loaded before keep serving"));
        }
    }
}

package dev.turnpike.registry;

import dev.turnpike.cdi.CdiAppObjects;
import dev.turnpike.cdi.ConfigControl;
import dev.turnpike.cdi.LiveRules;
import dev.turnpike.config.ConfigLocator;
import dev.turnpike.config.ConfigProblem;
import dev.turnpike.config.ConfigReloader;
import dev.turnpike.config.ConfigReloader.Outcome;
import dev.turnpike.config.ConfigSource;
import dev.turnpike.config.Period;
import dev.turnpike.config.ResinConfigReader;
import dev.turnpike.rules.RuleImport;
import dev.turnpike.rules.RuleSet;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
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
 *
 * <p>Application classes the configuration names come from CDI ({@link CdiAppObjects}), and the
 * rules declared in Java join every load. When the first load has problems with those classes
 * (missing, of the wrong kind, unsatisfied or ambiguous dependencies, invalid properties,
 * constraint violations), the deployment fails with one exception listing them all: the
 * application would otherwise run without rules it was deployed for. Later loads with such
 * problems keep the old rules serving, as any bad reload does.
 */
@Singleton
@Startup
@LocalBean
@Local(ConfigControl.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RuleRegistry implements ConfigControl {

    /** System property: how often the configuration file is checked for changes. */
    public static final String INTERVAL_PROPERTY = "turnpike.config.check-interval";

    static final String DEFAULT_INTERVAL = "2s";

    private static final Logger LOG = Logger.getLogger("dev.turnpike.registry");

    @Inject
    LiveRules live;

    @Inject
    BeanManager beanManager;

    @Resource
    TimerService timerService;

    @Resource
    SessionContext session;

    private ConfigReloader reloader;

    private CdiAppObjects objects;

    private final RuleMBeans mbeans = new RuleMBeans();

    @PostConstruct
    void start() {
        ConfigSource source = ConfigLocator.locate(RuleRegistry.class.getClassLoader());
        objects = new CdiAppObjects(beanManager);
        reloader = new ConfigReloader(source, new ResinConfigReader(objects));
        Outcome outcome = reloader.check();
        if (outcome instanceof Outcome.Failed failed && failed.problems().stream().anyMatch(ConfigProblem::application)) {
            objects.close();
            throw new ApplicationClassesException(source.name(), failed.problems());
        }
        apply(outcome);
        RuleSet first = live.current();
        if (source.watched() || (first != null && !first.imports().isEmpty())) {
            long interval = Period.parse(System.getProperty(INTERVAL_PROPERTY, DEFAULT_INTERVAL)).toMillis();
            if (interval < 1) {
                throw new IllegalStateException("system property " + INTERVAL_PROPERTY + " must be at least 1ms");
            }
            timerService.createIntervalTimer(interval, interval, new TimerConfig("turnpike-config-check", false));
            LOG.info(() -> "Turnpike checks " + source.name() + " for changes every " + interval + " ms");
        }
        RuleSet rules = live.current();
        String base = localBaseUrl();
        new ConfigurationBean(live, session.getBusinessObject(ConfigControl.class)).register();
        LOG.info("Turnpike ready: " + (rules == null ? "no rules (the configuration has errors, every request"
                + " answers 503)" : count(rules.size(), "rule")) + " from " + source.name()
                + "\n  rules serving now: " + base + "/caucho-status (JSON: " + base + "/turnpike/api/status)"
                + "\n  Turnpike page:     " + base + "/turnpike/"
                + (source.watched() ? "" : "\n  sample rules to try: listed on " + base + "/"));
    }

    @Timeout
    void checkForChanges() {
        if (reloader.source().watched()) {
            apply(reloader.check());
        }
        RuleSet rules = live.current();
        if (rules != null) {
            long now = System.currentTimeMillis();
            for (RuleImport ruleImport : rules.imports()) {
                ruleImport.checkIfDue(now);
            }
        }
    }

    @Override
    public LiveRules.Snapshot reload() {
        LOG.info(() -> "Turnpike reloads " + reloader.source().name() + " as an operator asked");
        apply(reloader.reload());
        RuleSet rules = live.current();
        if (rules != null) {
            for (RuleImport ruleImport : rules.imports()) {
                ruleImport.update();
            }
        }
        return live.snapshot();
    }

    @Override
    public Source configuration() throws IOException {
        return new Source(reloader.source().name(), reloader.source().read(), reloader.source().directory());
    }

    @PreDestroy
    void stop() {
        mbeans.unregisterAll();
        ConfigurationBean.unregister();
        live.stopped();
        objects.close();
    }

    private void apply(Outcome outcome) {
        Instant now = Instant.now();
        if (outcome instanceof Outcome.Loaded loaded) {
            live.loaded(loaded.rules(), now);
            mbeans.publish(loaded.rules());
            LOG.info(() -> "Turnpike loaded " + count(loaded.rules().size(), "rule") + " from " + loaded.rules().source());
            for (String warning : loaded.rules().warnings()) {
                LOG.warning(warning);
            }
            if (!loaded.rules().skipped().isEmpty()) {
                LOG.info(() -> "Turnpike skipped what is not about rules in " + loaded.rules().source() + ": "
                        + String.join(", ", loaded.rules().skipped()));
            }
        } else if (outcome instanceof Outcome.Failed failed) {
            RuleSet serving = live.current();
            live.failed(reloader.source().name(), failed.problems(), now);
            for (ConfigProblem problem : failed.problems()) {
                LOG.log(Level.SEVERE, problem.toString());
            }
            LOG.severe(() -> "Turnpike could not load " + reloader.source().name() + " ("
                    + count(failed.problems().size(), "problem") + "); " + (serving == null
                    ? "no rules are loaded, every request answers 503 until the file is fixed"
                    : "the " + count(serving.size(), "rule") + " loaded before keep serving"));
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Where this server answers HTTP on this machine, for the startup banner: WildFly's HTTP port
     * and port offset when running in WildFly, else only the path is meaningful.
     */
    private static String localBaseUrl() {
        if (System.getProperty("jboss.home.dir") == null) {
            return "";
        }
        int port = Integer.getInteger("jboss.http.port", 8080) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return "http://localhost:" + port;
    }
}

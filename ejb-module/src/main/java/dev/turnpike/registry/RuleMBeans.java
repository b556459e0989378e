package dev.turnpike.registry;

import dev.turnpike.rules.Manageable;
import dev.turnpike.rules.RuleImport;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.RuleSwitch;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers an MBean for every named rule and import of the serving rule set, with Resin's names
 * ({@code resin:Host=default,WebApp=/,name=maintenance,type=RewriteRule}), and replaces them
 * when the rules are reloaded.
 */
final class RuleMBeans {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.registry");

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new ArrayList<>();

    /** Replaces the registered MBeans with those of a new rule set. */
    synchronized void publish(RuleSet rules) {
        unregisterAll();
        for (Manageable.Item item : Manageable.in(rules)) {
            try {
                ObjectName name = name(item);
                Object bean = item.ruleImport() != null ? new ImportBean(item) : new RuleBean(item);
                if (server.isRegistered(name)) {
                    LOG.warning(() -> "two rules are named " + item.name() + " in one scope; only the first gets an"
                            + " MBean");
                    continue;
                }
                server.registerMBean(bean, name);
                registered.add(name);
            } catch (JMException e) {
                LOG.log(Level.WARNING, "cannot register an MBean for rule " + item.name(), e);
            }
        }
    }

    synchronized void unregisterAll() {
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.log(Level.FINE, "MBean " + name + " was already gone", e);
            }
        }
        registered.clear();
    }

    static ObjectName name(Manageable.Item item) throws JMException {
        StringBuilder name = new StringBuilder("resin:Host=").append(quoteIfNeeded(item.host()));
        if (item.webApp() != null) {
            name.append(",WebApp=").append(quoteIfNeeded(item.webApp()));
        }
        name.append(",name=").append(quoteIfNeeded(item.name()))
                .append(",type=").append(item.ruleImport() != null ? "RewriteImport" : "RewriteRule");
        return new ObjectName(name.toString());
    }

    private static String quoteIfNeeded(String value) {
        for (char c : new char[] {':', ',', '=', '"', '*', '?', '\n'}) {
            if (value.indexOf(c) >= 0) {
                return ObjectName.quote(value);
            }
        }
        return value;
    }

    /** A named rule. */
    public static class RuleBean implements RewriteRuleMXBean {
        private final Manageable.Item item;

        RuleBean(Manageable.Item item) {
            this.item = item;
        }

        private RuleSwitch toggle() {
            return item.rule() == null ? null : item.rule().spec().toggle();
        }

        @Override
        public String getName() {
            return item.name();
        }

        @Override
        public String getState() {
            return toggle() == null ? "active" : toggle().state();
        }

        @Override
        public void start() {
            if (toggle() != null) {
                toggle().start();
                LOG.info(() -> "rule " + item.name() + " started over JMX");
            }
        }

        @Override
        public void stop() {
            if (toggle() != null) {
                toggle().stop();
                LOG.info(() -> "rule " + item.name() + " stopped over JMX");
            }
        }
    }

    /** An import. */
    public static final class ImportBean extends RuleBean implements RewriteImportMXBean {
        private final RuleImport ruleImport;

        ImportBean(Manageable.Item item) {
            super(item);
            this.ruleImport = item.ruleImport();
        }

        @Override
        public long getDependencyCheckInterval() {
            return ruleImport.dependencyCheckInterval();
        }

        @Override
        public String getRedeployError() {
            return ruleImport.redeployError();
        }

        @Override
        public void update() {
            ruleImport.update();
        }
    }
}

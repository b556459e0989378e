package dev.turnpike.registry;

import dev.turnpike.cdi.ConfigControl;
import dev.turnpike.cdi.LiveRules;
import dev.turnpike.config.ConfigProblem;
import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * {@link ConfigurationMXBean} over the registry: reads {@link LiveRules}, reloads through the
 * registry's {@link ConfigControl} business view, so a JMX reload waits its turn with the
 * scheduled checks.
 */
final class ConfigurationBean implements ConfigurationMXBean {

    static final String NAME = "dev.turnpike:type=Configuration";

    private static final Logger LOG = Logger.getLogger("dev.turnpike.registry");

    private final LiveRules live;
    private final ConfigControl control;

    ConfigurationBean(LiveRules live, ConfigControl control) {
        this.live = live;
        this.control = control;
    }

    @Override
    public String getSource() {
        return live.snapshot().source();
    }

    @Override
    public boolean isServing() {
        return live.current() != null;
    }

    @Override
    public String getLoadedAt() {
        return live.snapshot().loadedAt() == null ? null : live.snapshot().loadedAt().toString();
    }

    @Override
    public String[] getProblems() {
        return live.snapshot().problems().stream().map(ConfigProblem::toString).toArray(String[]::new);
    }

    @Override
    public String reload() {
        LiveRules.Snapshot after = control.reload();
        return after.failedAt() == null ? "loaded"
                : String.join("\n", after.problems().stream().map(ConfigProblem::toString).toList());
    }

    void register() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
        } catch (JMException e) {
            LOG.log(Level.WARNING, "cannot register " + NAME, e);
        }
    }

    static void unregister() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(NAME));
        } catch (JMException e) {
            LOG.log(Level.FINE, NAME + " was not registered", e);
        }
    }
}

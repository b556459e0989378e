package dev.turnpike.proxy;

import dev.turnpike.spi.BackendChange;
import dev.turnpike.spi.BackendControl;
import dev.turnpike.spi.BackendStatus;
import dev.turnpike.spi.NoSuchBackendException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Keeps one {@link BackendMXBean} registered for every backend server that serves, named
 * {@code dev.turnpike:type=Backend,cluster=<cluster id>,server=<server id>} (values quoted when
 * they hold {@code : , = " * ?} or a newline, as proxy group names do). {@link #sync} registers
 * the servers that appeared and unregisters those that left; a server replaced by a reload keeps
 * its MBean, since each MBean finds its server by name through the {@link BackendControl} at every
 * call.
 */
final class BackendMBeans {

    /** The JMX domain of Turnpike's backend MBeans. */
    static final String DOMAIN = "dev.turnpike";

    private static final Logger LOG = Logger.getLogger("dev.turnpike.proxy");

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final BackendControl control;
    private final Map<ObjectName, ServerName> registered = new LinkedHashMap<>();

    /** A server's name within Turnpike: what {@link BackendControl} finds it by. */
    record ServerName(String cluster, String server) {
    }

    BackendMBeans(BackendControl control) {
        this.control = Objects.requireNonNull(control, "control");
    }

    /** Registers an MBean for each of {@code servers} without one, and unregisters the others. */
    synchronized void sync(Iterable<ServerName> servers) {
        Map<ObjectName, ServerName> wanted = new LinkedHashMap<>();
        for (ServerName name : servers) {
            try {
                wanted.putIfAbsent(name(name), name);
            } catch (JMException e) {
                LOG.log(Level.WARNING, "no MBean name for server '" + name.server() + "' of cluster '"
                        + name.cluster() + "'", e);
            }
        }
        registered.keySet().removeIf(name -> !wanted.containsKey(name) && unregister(name));
        for (Map.Entry<ObjectName, ServerName> entry : wanted.entrySet()) {
            if (!registered.containsKey(entry.getKey())) {
                register(entry.getKey(), entry.getValue());
            }
        }
    }

    /** Unregisters every MBean this object registered. */
    synchronized void unregisterAll() {
        registered.keySet().removeIf(this::unregister);
    }

    private void register(ObjectName name, ServerName server) {
        try {
            if (this.server.isRegistered(name)) {
                LOG.warning(() -> "MBean " + name + " is registered already, by another deployment?; not replacing it");
                return;
            }
            this.server.registerMBean(new Bean(server, control), name);
            registered.put(name, server);
        } catch (JMException e) {
            LOG.log(Level.WARNING, "cannot register the MBean " + name, e);
        }
    }

    /** Always true, for {@code removeIf}: an MBean that cannot be unregistered is gone already. */
    private boolean unregister(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            LOG.log(Level.FINE, "MBean " + name + " was already gone", e);
        }
        return true;
    }

    static ObjectName name(ServerName name) throws JMException {
        return new ObjectName(DOMAIN + ":type=Backend,cluster=" + quoteIfNeeded(name.cluster()) + ",server="
                + quoteIfNeeded(name.server()));
    }

    private static String quoteIfNeeded(String value) {
        for (char c : new char[] {':', ',', '=', '"', '*', '?', '\n', '\\'}) {
            if (value.indexOf(c) >= 0) {
                return ObjectName.quote(value);
            }
        }
        return value;
    }

    /** One server's MBean: every call goes through the {@link BackendControl}, by name. */
    static final class Bean implements BackendMXBean {
        private final ServerName name;
        private final BackendControl control;

        Bean(ServerName name, BackendControl control) {
            this.name = name;
            this.control = control;
        }

        private BackendStatus status() {
            return control.backend(name.cluster(), name.server()).orElseThrow(() -> new IllegalStateException(
                    "server '" + name.server() + "' of cluster '" + name.cluster() + "' no longer serves"));
        }

        private void change(BackendChange change) {
            try {
                control.change(name.cluster(), name.server(), change);
            } catch (NoSuchBackendException e) {
                // a JMX client may not have Turnpike's classes: a JDK exception with the same message
                throw new IllegalArgumentException(e.getMessage());
            }
        }

        @Override
        public String getCluster() {
            return name.cluster();
        }

        @Override
        public String getServer() {
            return name.server();
        }

        @Override
        public String getAddress() {
            BackendStatus status = status();
            return status.address() + ":" + status.port();
        }

        @Override
        public String getState() {
            return status().state();
        }

        @Override
        public int getWeight() {
            return status().weight();
        }

        @Override
        public void setWeight(int weight) {
            change(BackendChange.weight(weight));
        }

        @Override
        public int getActive() {
            return status().active();
        }

        @Override
        public long getRequests() {
            return status().requests();
        }

        @Override
        public long getFailures() {
            return status().failures();
        }

        @Override
        public void enable() {
            change(BackendChange.enable());
        }

        @Override
        public void disable() {
            change(BackendChange.disable());
        }

        @Override
        public void drain() {
            change(BackendChange.drain());
        }
    }
}

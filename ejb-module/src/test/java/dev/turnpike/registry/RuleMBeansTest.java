package dev.turnpike.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.config.ResinConfigReader;
import dev.turnpike.rules.RuleSet;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** Named rules get Resin's MBean names and can be stopped and started over JMX. */
class RuleMBeansTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void namedRulesAreManagedOverJmxAndReplacedOnReload() throws Exception {
        RuleSet rules = new ResinConfigReader().read("r.xml", ("<resin><cluster><host id='shop.example'>"
                + "<web-app id='/app'><rewrite-dispatch><forbidden regexp='^/x' name='maintenance'/>"
                + "</rewrite-dispatch></web-app></host></cluster></resin>").replace('\'', '"')
                .getBytes(StandardCharsets.UTF_8));
        RuleMBeans mbeans = new RuleMBeans();
        ObjectName name = new ObjectName("resin:Host=shop.example,WebApp=/app,name=maintenance,type=RewriteRule");
        try {
            mbeans.publish(rules);
            assertEquals("active", server.getAttribute(name, "State"));
            server.invoke(name, "stop", null, null);
            assertEquals("stopped", server.getAttribute(name, "State"));
            server.invoke(name, "start", null, null);
            assertEquals("active", server.getAttribute(name, "State"));

            mbeans.publish(RuleSet.EMPTY);
            assertFalse(server.isRegistered(name));
        } finally {
            mbeans.unregisterAll();
        }
        assertTrue(server.queryNames(new ObjectName("resin:type=RewriteRule,*"), null).isEmpty());
    }
}

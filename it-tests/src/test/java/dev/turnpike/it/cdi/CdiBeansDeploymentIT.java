package dev.turnpike.it.cdi;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.turnpike.it.ItConfig;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A deployment whose first configuration gives an application bean an invalid property fails,
 * with every such problem and its place in the failure.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CdiBeansDeploymentIT {

    private static final String BROKEN = "broken";

    /** Two application beans with invalid properties; the problems are on lines 3 and 4. */
    private static final String INVALID = """
            <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin"
                     xmlns:office="urn:java:dev.turnpike.samples">
              <office:Closed regexp="^/shop/" retry-after="0"/>
              <resin:Forbidden regexp="^/x"><office:OfficeHours open="9am" close="17:00"/></resin:Forbidden>
            </web-app>
            """;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = BROKEN, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return CdiBeansIT.withSamples();
    }

    @Test
    void invalidBeanPropertiesInTheFirstConfigurationFailTheDeployment() {
        ItConfig.write(INVALID);
        String failure;
        try {
            deployer.deploy(BROKEN);
            deployer.undeploy(BROKEN);
            fail("the deployment succeeded with an invalid configuration");
            return;
        } catch (Exception e) {
            failure = chain(e);
        } finally {
            ItConfig.restore();
        }
        System.out.println("deployment failure as reported:\n" + failure);
        for (String expected : new String[] {
                "Turnpike cannot start: the configuration " + ItConfig.CONFIG + " uses application classes that cannot"
                        + " be used (2 problems):",
                ItConfig.CONFIG + ":3:35: TPC0120 property 'retry-after' of <office:Closed> (dev.turnpike.samples.Closed)"
                        + " must be greater than or equal to 1; rejected value: 0",
                ItConfig.CONFIG + ":4:53: TPC0120 property 'open' of <office:OfficeHours>"
                        + " (dev.turnpike.samples.OfficeHours) must be a time of day as HH:mm, such as 09:00; rejected"
                        + " value: \\\"9am\\\""}) {
            assertTrue(failure.contains(expected), "missing: " + expected + "\nin:\n" + failure);
        }
    }

    /** Every message of the exception and its causes, one per line. */
    private static String chain(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable at = e; at != null; at = at.getCause()) {
            out.append(at).append('\n');
        }
        return out.toString();
    }
}

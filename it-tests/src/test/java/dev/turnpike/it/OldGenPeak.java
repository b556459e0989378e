package dev.turnpike.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * How far the server's old generation grows while a test streams a large body, read through
 * WildFly's management API ({@code core-service=platform-mbean}). A body held whole in memory
 * shows up there: G1 allocates an array of more than half a region (a few hundred KiB with the
 * tests' heap) directly in the old generation, while the buffers of a streamed body are small and
 * die young.
 */
public final class OldGenPeak {

    private final ManagementClient management;
    private final ModelNode pool;
    private long start;

    /** Starts watching: resets the pool's peak and remembers what it holds now. */
    public static OldGenPeak start(ManagementClient management) {
        OldGenPeak peak = new OldGenPeak(management);
        peak.execute(Operations.createOperation("reset-peak-usage", peak.pool));
        peak.start = peak.used("usage");
        return peak;
    }

    private OldGenPeak(ManagementClient management) {
        this.management = management;
        ModelNode pools = Operations.createAddress("core-service", "platform-mbean", "type", "memory-pool");
        ModelNode list = Operations.createOperation("read-children-names", pools);
        list.get("child-type").set("name");
        ModelNode names = execute(list);
        String oldGen = null;
        for (ModelNode name : names.asList()) {
            if (name.asString().contains("Old_Gen") || name.asString().contains("Tenured")) {
                oldGen = name.asString();
            }
        }
        if (oldGen == null) {
            throw new IllegalStateException("the server has no old-generation memory pool: " + names);
        }
        this.pool = Operations.createAddress("core-service", "platform-mbean", "type", "memory-pool", "name", oldGen);
    }

    /** Bytes the old generation grew by, at its highest, since {@link #start}. */
    public long growth() {
        return Math.max(0, used("peak-usage") - start);
    }

    private long used(String attribute) {
        return execute(Operations.createReadAttributeOperation(pool, attribute)).get("used").asLong();
    }

    private ModelNode execute(ModelNode operation) {
        try {
            ModelNode outcome = management.getControllerClient().execute(operation);
            if (!Operations.isSuccessfulOutcome(outcome)) {
                throw new IllegalStateException(operation + " failed: " + Operations.getFailureDescription(outcome));
            }
            return Operations.readResult(outcome);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.turnpike.cdi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What operators may ask of the configuration while it serves, implemented by the rule registry
 * (an EJB singleton, so calls are serialised with its scheduled checks) and used by the admin API
 * and its JMX mirror.
 */
public interface ConfigControl {

    /**
     * Reads the configuration and every import now and loads them, changed or not. A
     * configuration with problems keeps the rules serving and records the problems.
     *
     * @return the registry as it stands afterwards
     */
    LiveRules.Snapshot reload();

    /** The configuration's name (its path for a file) and its current content, to check it. */
    Source configuration() throws IOException;

    /**
     * A configuration as read.
     *
     * @param name      its name, e.g. the file path
     * @param content   its bytes
     * @param directory where its relative imports resolve, or {@code null} when it has none
     */
    record Source(String name, byte[] content, Path directory) {
    }
}

package dev.turnpike.config;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Finds the configuration: the system property {@value #PROPERTY}, else the environment
 * variable {@value #ENVIRONMENT}, else the sample bundled in the application
 * ({@value #SAMPLE_RESOURCE}).
 */
public final class ConfigLocator {

    /** System property naming the configuration file. */
    public static final String PROPERTY = "turnpike.config";

    /** Environment variable naming the configuration file when the property is not set. */
    public static final String ENVIRONMENT = "TURNPIKE_CONFIG";

    /** The sample configuration bundled in the EAR. */
    public static final String SAMPLE_RESOURCE = "META-INF/turnpike/sample-rules.xml";

    private ConfigLocator() {
    }

    /** Locates the configuration from this JVM's system properties and environment. */
    public static ConfigSource locate(ClassLoader loader) {
        return locate(System::getProperty, System::getenv, loader);
    }

    /**
     * Locates the configuration.
     *
     * @param properties  looks up a system property
     * @param environment looks up an environment variable
     * @param loader      the class loader holding the bundled sample
     */
    public static ConfigSource locate(UnaryOperator<String> properties, UnaryOperator<String> environment,
                                      ClassLoader loader) {
        String file = properties.apply(PROPERTY);
        if (file == null || file.isBlank()) {
            file = environment.apply(ENVIRONMENT);
        }
        if (file == null || file.isBlank()) {
            return new ResourceConfigSource(SAMPLE_RESOURCE, loader);
        }
        return new FileConfigSource(Path.of(file.strip()));
    }
}

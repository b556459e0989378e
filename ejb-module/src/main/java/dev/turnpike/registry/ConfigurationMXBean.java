package dev.turnpike.registry;

/**
 * The configuration over JMX ({@code dev.turnpike:type=Configuration}), as the admin API's
 * {@code /errors} and {@code /reload} show and do.
 */
public interface ConfigurationMXBean {

    /** The configuration's name, e.g. the file path. */
    String getSource();

    /** Whether rules are serving. */
    boolean isServing();

    /** When the serving rules loaded (ISO-8601), or {@code null}. */
    String getLoadedAt();

    /** The last failed load's problems, {@code file:line:column: code message}; empty after a good load. */
    String[] getProblems();

    /**
     * Reads the configuration and its imports now and loads them.
     *
     * @return {@code loaded}, or the problems that kept it from loading
     */
    String reload();
}

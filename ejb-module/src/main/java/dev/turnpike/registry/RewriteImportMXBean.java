package dev.turnpike.registry;

/** An imported rule file over JMX, as Resin's {@code type=RewriteImport} MBeans. */
public interface RewriteImportMXBean extends RewriteRuleMXBean {

    /** How often the file is checked, in milliseconds. */
    long getDependencyCheckInterval();

    /** The problems of the last change that did not load, or {@code null}. */
    String getRedeployError();

    /** Checks the file now and loads it if it changed. */
    void update();
}

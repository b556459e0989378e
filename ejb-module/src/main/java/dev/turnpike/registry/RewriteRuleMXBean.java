package dev.turnpike.registry;

/** A named rule over JMX, as Resin's {@code type=RewriteRule} MBeans. */
public interface RewriteRuleMXBean {

    String getName();

    /** {@code active} or {@code stopped}. */
    String getState();

    /** Switches the rule on until its next scheduled change. */
    void start();

    /** Switches the rule off until its next scheduled change. */
    void stop();
}

/**
 * What applications implement to extend the rules: {@link dev.turnpike.spi.RequestPredicate}
 * for conditions, {@link dev.turnpike.spi.AbstractTargetDispatchRule} for dispatch rules, and
 * any {@code jakarta.servlet.Filter} as a rule filter. Each is referenced from the configuration
 * by class, in a {@code urn:java:} namespace naming its package, as Resin 4 references beans.
 */
package dev.turnpike.spi;

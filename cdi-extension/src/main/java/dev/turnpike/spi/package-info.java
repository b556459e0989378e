/**
 * What applications implement to extend the rules: {@link dev.turnpike.spi.RequestPredicate}
 * for conditions, {@link dev.turnpike.spi.AbstractTargetDispatchRule} for dispatch rules, and
 * any {@code jakarta.servlet.Filter} as a rule filter. Each is referenced from the configuration
 * by class, in a {@code urn:java:} namespace naming its package, as Resin 4 references beans.
 *
 * <p>Also the seam between the web tier and Turnpike's backend connectors:
 * {@link dev.turnpike.spi.BackendHandler} carries proxied requests, and
 * {@link dev.turnpike.spi.BackendControl} shows and changes the backends for the admin API.
 */
package dev.turnpike.spi;

/**
 * Loading Resin rule configuration: StAX parsing with exact source positions, validation of every
 * element and attribute against the known tags, and reloading when the file changes.
 *
 * <p>Loading never half-succeeds: a file either produces a complete, immutable
 * {@link dev.turnpike.rules.RuleSet} or a {@link dev.turnpike.config.ConfigException} listing
 * every problem found, each as {@code file:line:column: code message}.
 */
package dev.turnpike.config;

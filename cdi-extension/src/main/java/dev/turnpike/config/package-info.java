/**
 * Loading Resin rule configuration: StAX parsing with exact source positions, validation of every
 * element and attribute against the known tags, and reloading when the file changes. The
 * web-apps' servlet mappings are read alongside, for the plugin dispatch table
 * ({@link dev.turnpike.mapping}).
 *
 * <p>Loading never half-succeeds: a file either produces a complete, immutable
 * {@link dev.turnpike.rules.RuleSet} or a {@link dev.turnpike.config.ConfigException} listing
 * every problem found, each as {@code file:line:column: code message}.
 */
package dev.turnpike.config;

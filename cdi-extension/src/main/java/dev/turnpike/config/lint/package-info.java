/**
 * "Config check": lint warnings ({@code TPL01xx}) for a loaded configuration &mdash; regexps that
 * backtrack exponentially, redirects whose {@code Location} the request controls, line breaks in
 * targets, rules an earlier rule always hides &mdash; and {@link dev.turnpike.config.lint.ConfigCheck},
 * which reads a configuration and lints it in one call, refusing imports for posted configurations.
 *
 * <p>{@link dev.turnpike.config.lint.Lint} is the entry point; the reasoning about regexps works
 * on a small syntax tree of the pattern ({@code Regex}), never on the pattern's text.
 */
package dev.turnpike.config.lint;

/**
 * The rule model: what a request looks like to a rule ({@link dev.turnpike.rules.RequestView}),
 * conditions ({@link dev.turnpike.rules.Condition}), rules, the immutable
 * {@link dev.turnpike.rules.RuleSet} and the {@link dev.turnpike.rules.Decision} it reaches.
 *
 * <p>Nothing here knows CDI or JAX-RS, and the servlet API appears only where application code
 * joins in ({@link dev.turnpike.spi}, {@link dev.turnpike.rules.custom}); the web module adapts a
 * servlet request to a {@code RequestView} and carries out the decision.
 */
package dev.turnpike.rules;

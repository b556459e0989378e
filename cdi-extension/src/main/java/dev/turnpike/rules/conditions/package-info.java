/**
 * The conditions rules test on a request after their regexp matched: Resin 4's {@code resin:If*}
 * predicates and composites, and Resin 3.1's {@code <when>} / {@code <unless>} tests with the
 * response headers they leave behind.
 */
package dev.turnpike.rules.conditions;

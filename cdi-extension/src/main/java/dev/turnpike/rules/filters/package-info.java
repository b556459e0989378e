/**
 * Resin 4's rewrite filters: changes to the request or response made on the way, at the top of
 * a container or when a rule fires.
 */
package dev.turnpike.rules.filters;

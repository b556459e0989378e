/**
 * The CDI face of the rule engine: the portable extension and the application-scoped
 * {@link dev.turnpike.cdi.LiveRules} bean through which the registry publishes rule sets and the
 * web tier reads them.
 */
package dev.turnpike.cdi;

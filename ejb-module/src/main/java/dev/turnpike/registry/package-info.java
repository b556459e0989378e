/**
 * The rule registry: loads the configuration when the application starts and reloads it when
 * the file changes, publishing each rule set to {@link dev.turnpike.cdi.LiveRules}.
 */
package dev.turnpike.registry;

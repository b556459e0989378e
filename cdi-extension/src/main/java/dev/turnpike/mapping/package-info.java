/**
 * The plugin dispatch table: which URLs the web server's plugin (mod_caucho, the IIS filter)
 * sends to Turnpike. {@link dev.turnpike.mapping.PluginTable} merges the configured servlet
 * mappings ({@link dev.turnpike.mapping.MappingConfig}) with what the server deployed
 * ({@link dev.turnpike.mapping.DeployedWebApp}), answers the plugin's configuration query and
 * repeats the plugin's decision for a request, with the reason.
 *
 * <p>Nothing here knows rules, servlets or the wire; the HMUX endpoint writes the frames.
 */
package dev.turnpike.mapping;

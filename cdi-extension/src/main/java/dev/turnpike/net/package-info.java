/**
 * IP networks for {@code resin:IfNetwork}, {@code resin:IfRemoteAddr} and the old-style
 * {@code remote-addr} condition: parsing of address literals and CIDR prefixes, and membership
 * tests for client addresses. Nothing here resolves host names.
 */
package dev.turnpike.net;

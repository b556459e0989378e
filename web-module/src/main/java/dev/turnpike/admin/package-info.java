/** Turnpike's JAX-RS API under {@code /turnpike/api}: for now the read-only status. */
package dev.turnpike.admin;

/**
 * Application code in the rules: predicates, dispatch rules and servlet filters written against
 * {@link dev.turnpike.spi}, adapted to the engine's conditions, actions and filters. This is the
 * one place the engine meets the servlet API.
 */
package dev.turnpike.rules.custom;

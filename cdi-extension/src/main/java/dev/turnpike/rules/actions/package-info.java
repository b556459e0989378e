/**
 * What rules do when they fire: answer (error, redirect), serve another path (dispatch,
 * forward), rewrite the path for later rules, change the request, group rules, or hand the
 * request to a backend.
 */
package dev.turnpike.rules.actions;

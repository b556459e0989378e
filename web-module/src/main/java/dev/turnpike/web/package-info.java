/**
 * The servlet face of Turnpike: the dispatch filter that applies the live rule set to every
 * request, the adapter from servlet requests to {@link dev.turnpike.rules.RequestView}, the
 * writer that carries out decisions, and {@code /caucho-status}.
 */
package dev.turnpike.web;

/**
 * What every backend connector shares: the browser's request without servlet types
 * ({@link dev.turnpike.backend.BackendRequest}), the response as a stream of events
 * ({@link dev.turnpike.backend.ResponseSink}) and failures that say how far an exchange got
 * ({@link dev.turnpike.backend.ExchangeException}). The HMUX, HTTP and FastCGI connectors speak
 * these; the balancer and the servlet glue above them need know nothing of the protocols.
 */
package dev.turnpike.backend;

/**
 * The HMUX backend endpoint: this server as a Resin app-tier server, so Apache with mod_caucho,
 * Resin's IIS handler and Resin or Turnpike load balancers can front it.
 *
 * <p>{@link dev.turnpike.hmux.endpoint.HmuxEndpoint} listens and gives each connection a thread;
 * a connection reads request heads in any attribute order, streams bodies with flow control, and
 * bridges each request to this server's HTTP listener, writing the response back in Resin's
 * frame order. Session ids leave with this server's {@link dev.turnpike.hmux.endpoint.ServerCode}
 * and arrive without it ({@link dev.turnpike.hmux.endpoint.SessionIds}); the client as the web
 * tier saw it reaches the web-app through {@link dev.turnpike.cdi.EndpointTrust}'s headers. The
 * dispatch-configuration query is answered by a {@link dev.turnpike.hmux.endpoint.DispatchDirectory}.
 */
package dev.turnpike.hmux.endpoint;

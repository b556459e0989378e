/**
 * The HTTP/1.1 client behind {@code resin:HttpProxy}: forwards a browser's request
 * ({@link dev.turnpike.backend.BackendRequest}) to one HTTP backend and streams the response to a
 * {@link dev.turnpike.backend.ResponseSink}.
 *
 * <ul>
 *   <li>request: {@link dev.turnpike.proxy.http.RequestHeaderFilter} decides the headers
 *       (hop-by-hop dropped, {@code X-Forwarded-*} and {@code Forwarded} trusted only from
 *       configured proxies, then set for this hop); {@link dev.turnpike.proxy.http.HttpRequestWriter}
 *       writes the head and refuses anything that could split it;</li>
 *   <li>response: {@link dev.turnpike.proxy.http.HttpHeadParser} reads heads strictly within
 *       {@link dev.turnpike.proxy.http.HttpHeadLimits}, {@link dev.turnpike.proxy.http.ResponseFraming}
 *       decides how the body ends and refuses ambiguous framing,
 *       {@link dev.turnpike.proxy.http.ResponseBody} relays it in bounded slices;</li>
 *   <li>connections: {@link dev.turnpike.proxy.http.HttpConnection} (one exchange at a time, idle
 *       check before reuse), {@link dev.turnpike.backend.ConnectionPool} (LIFO keep-alive
 *       with idle expiry) and {@link dev.turnpike.proxy.http.HttpBackendClient}, which ties them
 *       together and retries a stale pooled connection once; failures come as
 *       {@link dev.turnpike.proxy.http.HttpExchangeException} with the stage the exchange reached
 *       ({@code TPP0001}-{@code TPP0005}), protocol problems as
 *       {@link dev.turnpike.proxy.http.HttpProtocolException} ({@code TPP0006}-{@code TPP0012}),
 *       refused requests as {@link java.lang.IllegalArgumentException} ({@code TPP0013}).</li>
 * </ul>
 * Choosing a backend and retrying elsewhere belong to the balancer, not here.
 */
package dev.turnpike.proxy.http;

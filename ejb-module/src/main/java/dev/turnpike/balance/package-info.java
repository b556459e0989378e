/**
 * The load balancer's logic, without sockets: which backend of a {@link dev.turnpike.balance.Cluster}
 * gets a request, how each backend's health evolves, and what to do when an attempt fails.
 *
 * <ul>
 *   <li>Stickiness: {@link dev.turnpike.balance.StickySource} finds the session id of a
 *       {@link dev.turnpike.balance.StickyRequest}; a {@link dev.turnpike.balance.Stickiness} codec
 *       (Resin server code, {@code .jvmRoute} suffix, route cookie) turns it into a
 *       {@link dev.turnpike.balance.StickyKey} naming the owner, with a
 *       {@link dev.turnpike.balance.Crc64} hash fallback.</li>
 *   <li>Backends: {@link dev.turnpike.balance.Backend} joins a
 *       {@link dev.turnpike.balance.BackendConfig}, a {@link dev.turnpike.balance.BackendState}
 *       (lifecycle, failure and busy windows, warm-up), a
 *       {@link dev.turnpike.balance.LoadMeter} and the counts of its
 *       {@link dev.turnpike.balance.BackendPool}.</li>
 *   <li>Selection: {@link dev.turnpike.balance.Cluster#select} with a
 *       {@link dev.turnpike.balance.Strategy}, answering a
 *       {@link dev.turnpike.balance.Selection}.</li>
 *   <li>Failures: {@link dev.turnpike.balance.RetryPolicy}.</li>
 * </ul>
 * Time comes from an injected {@link java.time.InstantSource}, so every decision can be replayed
 * in a test. The connection pools and the HMUX client live in {@link dev.turnpike.hmux}; this
 * package reads the pools only through {@code BackendPool}.
 */
package dev.turnpike.balance;

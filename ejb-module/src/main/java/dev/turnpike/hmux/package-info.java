/**
 * HMUX, the binary protocol between a Resin web tier (mod_caucho, the IIS handler, a Resin load
 * balancer) and Resin backends: the frame codec and the web tier's client.
 *
 * <p>Three layers, each usable alone:
 * <ul>
 *   <li>frames: {@link dev.turnpike.hmux.HmuxFrame}, the sealed family of frames, and
 *       {@link dev.turnpike.hmux.HmuxCode}, the code table (byte, shape and the contexts in
 *       which a code byte has that meaning); {@link dev.turnpike.hmux.HmuxDecoder}, an incremental
 *       decoder that takes arbitrary byte slices and hands out complete frames, within
 *       {@link dev.turnpike.hmux.HmuxLimits} (a code unknown where it is read is skipped by its
 *       length and reported as a {@link dev.turnpike.hmux.HmuxFrame.Skipped} frame, and the limits
 *       also hold the switches for peer quirks); {@link dev.turnpike.hmux.HmuxEncoder}, which
 *       writes frames;</li>
 *   <li>messages: {@link dev.turnpike.hmux.HmuxRequestHead}, written by
 *       {@link dev.turnpike.hmux.HmuxRequestWriter} in the order mod_caucho 4.0 uses, and the
 *       response as events to a {@link dev.turnpike.backend.ResponseSink};</li>
 *   <li>connections: {@link dev.turnpike.hmux.HmuxConnection} (one exchange at a time, request-body
 *       flow control), {@link dev.turnpike.backend.ConnectionPool} (keep-alive and idle expiry as
 *       Resin does them) and {@link dev.turnpike.hmux.HmuxClient}, which ties them together for one
 *       backend; failures come as {@link dev.turnpike.hmux.HmuxExchangeException} with the stage
 *       the exchange reached.</li>
 * </ul>
 * Choosing a backend, retrying elsewhere and sticky sessions belong to the balancer, not here.
 */
package dev.turnpike.hmux;

/**
 * HMUX, the binary protocol between a Resin web tier (mod_caucho, the IIS handler, a Resin load
 * balancer) and Resin backends: the frame codec.
 *
 * <p>The codec has three parts, each usable alone:
 * <ul>
 *   <li>{@link dev.turnpike.hmux.HmuxFrame}, the sealed family of frames, and
 *       {@link dev.turnpike.hmux.HmuxCode}, the code table (byte, shape and the contexts in
 *       which a code byte has that meaning);</li>
 *   <li>{@link dev.turnpike.hmux.HmuxDecoder}, an incremental decoder that takes arbitrary byte
 *       slices and hands out complete frames, within {@link dev.turnpike.hmux.HmuxLimits}; a code
 *       unknown where it is read is skipped by its length and reported as a
 *       {@link dev.turnpike.hmux.HmuxFrame.Skipped} frame, and the limits also hold the switches
 *       for peer quirks;</li>
 *   <li>{@link dev.turnpike.hmux.HmuxEncoder}, which writes frames, and
 *       {@link dev.turnpike.hmux.HmuxRequestWriter}, which writes a request head in the order
 *       mod_caucho 4.0 uses.</li>
 * </ul>
 * Messages (requests, responses) and connections (pools, keep-alive, flow control) are built on
 * top of this package and are not part of it.
 */
package dev.turnpike.hmux;

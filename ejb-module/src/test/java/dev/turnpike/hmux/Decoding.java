package dev.turnpike.hmux;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes one direction of a captured connection the way a peer would: feeding the bytes in given
 * pieces, taking frames as they complete, and, for responses, telling the decoder which replies
 * answer dispatch queries (the requests that selected {@code P 0x102}).
 */
public final class Decoding {

    /** A decoded frame and the stream offset it started at. */
    public record Decoded(long offset, HmuxFrame frame) {
        @Override
        public String toString() {
            return "@" + offset + " " + frame.describe();
        }
    }

    /** Limits that every capture fits in. */
    static final HmuxLimits LIMITS = HmuxLimits.DEFAULT;

    private Decoding() {
    }

    /** The frames of a whole stream fed in the given pieces; fails unless it ends between frames. */
    static List<Decoded> decode(Capture.Direction direction, List<byte[]> pieces, List<Boolean> dispatchReplies)
            throws HmuxProtocolException {
        return decode(direction, LIMITS, pieces, dispatchReplies);
    }

    /** The same, within other limits. */
    static List<Decoded> decode(Capture.Direction direction, HmuxLimits limits, List<byte[]> pieces,
            List<Boolean> dispatchReplies) throws HmuxProtocolException {
        boolean requests = direction == Capture.Direction.WEB_TO_BACKEND;
        HmuxDecoder decoder = requests ? HmuxDecoder.forRequests(limits) : HmuxDecoder.forResponses(limits);
        List<Decoded> frames = new ArrayList<>();
        int message = 0;
        boolean prepared = false;
        long total = 0;
        for (int i = 0; i <= pieces.size(); i++) {
            if (i < pieces.size()) {
                decoder.feed(pieces.get(i), 0, pieces.get(i).length);
                total += pieces.get(i).length;
            } else {
                decoder.close();
            }
            while (true) {
                if (!requests && !prepared && message < dispatchReplies.size()) {
                    if (dispatchReplies.get(message)) {
                        decoder.expectDispatchReply();
                    }
                    prepared = true;
                }
                HmuxFrame frame = decoder.next();
                if (frame == null) {
                    break;
                }
                frames.add(new Decoded(decoder.frameOffset(), frame));
                if (frame instanceof HmuxFrame.Quit || frame instanceof HmuxFrame.Exit) {
                    message++;
                    prepared = false;
                }
            }
        }
        if (decoder.offset() != total || decoder.buffered() != 0) {
            throw new AssertionError("decoded " + decoder.offset() + " of " + total + " bytes, " + decoder.buffered()
                    + " left over");
        }
        return frames;
    }

    /** The frames of one direction of a connection, fed as the captured TCP segments. */
    public static List<Decoded> decode(Capture.Connection connection, Capture.Direction direction)
            throws HmuxProtocolException {
        return decode(direction, connection.segments().get(direction), dispatchReplies(connection));
    }

    /** For each request of the connection, whether it was a dispatch query. */
    static List<Boolean> dispatchReplies(Capture.Connection connection) throws HmuxProtocolException {
        List<Boolean> kinds = new ArrayList<>();
        boolean dispatch = false;
        List<byte[]> requests = connection.segments().get(Capture.Direction.WEB_TO_BACKEND);
        for (Decoded decoded : decode(Capture.Direction.WEB_TO_BACKEND, requests, List.of())) {
            dispatch |= decoded.frame() instanceof HmuxFrame.SubProtocol;
            if (decoded.frame() instanceof HmuxFrame.Quit || decoded.frame() instanceof HmuxFrame.Exit) {
                kinds.add(dispatch);
                dispatch = false;
            }
        }
        return kinds;
    }

    /** The frames only, without offsets. */
    public static List<HmuxFrame> frames(List<Decoded> decoded) {
        List<HmuxFrame> frames = new ArrayList<>();
        for (Decoded d : decoded) {
            frames.add(d.frame());
        }
        return frames;
    }

    /** A stream cut at the given offsets (ascending, each inside the stream). */
    static List<byte[]> split(byte[] stream, int... cuts) {
        List<byte[]> pieces = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            pieces.add(Arrays.copyOfRange(stream, from, cut));
            from = cut;
        }
        pieces.add(Arrays.copyOfRange(stream, from, stream.length));
        return pieces;
    }
}

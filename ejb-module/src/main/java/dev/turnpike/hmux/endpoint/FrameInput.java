package dev.turnpike.hmux.endpoint;

import dev.turnpike.hmux.HmuxDecoder;
import dev.turnpike.hmux.HmuxFrame;
import dev.turnpike.hmux.HmuxLimits;
import dev.turnpike.hmux.HmuxProtocolException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The frames a web tier sends on one connection, read as they are needed: an
 * {@link HmuxDecoder} for requests fed from the socket's stream, one read at a time.
 *
 * <p>{@link #next()} blocks until a whole frame has arrived; the socket's read timeout bounds
 * each wait. The decoder holds at most one frame within its {@link HmuxLimits}, so a peer cannot
 * make this hold more.
 */
final class FrameInput {

    private static final int READ_SIZE = 16 * 1024;

    private final InputStream in;
    private final HmuxDecoder decoder;
    private final byte[] buffer = new byte[READ_SIZE];
    private boolean ended;

    FrameInput(InputStream in, HmuxLimits limits) {
        this.in = in;
        this.decoder = HmuxDecoder.forRequests(limits);
    }

    /**
     * The next frame, or {@code null} if the stream ended cleanly between frames.
     *
     * @throws HmuxProtocolException if the bytes break the framing or a limit, or the stream ended
     *     inside a frame
     * @throws IOException if reading failed or timed out
     */
    HmuxFrame next() throws IOException, HmuxProtocolException {
        while (true) {
            HmuxFrame frame = decoder.next();
            if (frame != null || ended) {
                return frame;
            }
            int count = in.read(buffer);
            if (count < 0) {
                ended = true;
                decoder.close();
            } else {
                decoder.feed(buffer, 0, count);
            }
        }
    }

    /** Whether a frame or part of one has arrived and not been taken. */
    boolean hasBuffered() {
        return decoder.buffered() > 0;
    }

    /** The stream offset of the frame last returned, for messages. */
    long frameOffset() {
        return decoder.frameOffset();
    }

    /** Bytes consumed so far. */
    long offset() {
        return decoder.offset();
    }
}

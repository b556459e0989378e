package dev.turnpike.hmux.endpoint;

import dev.turnpike.hmux.HmuxFrame;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body as it arrives in {@code D} frames, for the bridge to stream on (resin-spec 1.5).
 *
 * <p>When the current chunk is used up the next frame decides: {@code D} is more body,
 * {@code Y} is acknowledged ({@link FrameOutput#ack()}) and reading goes on, {@code Q} or
 * {@code X} ends the body, as does the end of the stream. {@code C} is ignored; any other frame
 * is skipped and the connection will not be kept, as in Resin.
 *
 * <p>{@link #drain()} reads what the bridge left unread, acknowledging every yield, up to the
 * web tier's {@code Q} or {@code X}: unlike Resin 4, which skips only the current chunk and then
 * misreads the rest as a new request, the endpoint answers only once the request has really ended.
 */
final class BodyStream extends InputStream {

    private final FrameInput in;
    private final FrameOutput out;
    private byte[] chunk;
    private int position;
    private IncomingHead.End end;
    private boolean keepAlive = true;
    private long received;

    BodyStream(FrameInput in, FrameOutput out, byte[] firstChunk) {
        this.in = in;
        this.out = out;
        this.chunk = firstChunk;
        this.received = firstChunk.length;
    }

    @Override
    public int read() throws IOException {
        return hasChunk() ? chunk[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!hasChunk()) {
            return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return chunk == null ? 0 : chunk.length - position;
    }

    /** Reads and discards the rest of the body, up to the frame that ends the request. */
    void drain() throws IOException {
        while (hasChunk()) {
            position = chunk.length;
        }
    }

    /** How the request ended, once the body has been read or drained to its end; else {@code null}. */
    IncomingHead.End end() {
        return end;
    }

    /** Whether the body's frames allow the connection to carry another request. */
    boolean keepAlive() {
        return keepAlive && end == IncomingHead.End.QUIT;
    }

    /** Body bytes received so far. */
    long received() {
        return received;
    }

    /** Whether bytes of the current chunk are left, reading frames for the next chunk if not. */
    private boolean hasChunk() throws IOException {
        while (chunk == null || position == chunk.length) {
            if (end != null) {
                return false;
            }
            chunk = null;
            position = 0;
            HmuxFrame frame = in.next();
            if (frame instanceof HmuxFrame.Data) {
                chunk = ((HmuxFrame.Data) frame).bytes();
                received += chunk.length;
            } else if (frame instanceof HmuxFrame.Yield) {
                out.ack();
            } else if (frame instanceof HmuxFrame.Quit) {
                end = IncomingHead.End.QUIT;
            } else if (frame instanceof HmuxFrame.Exit) {
                end = IncomingHead.End.EXIT;
            } else if (frame == null) {
                end = IncomingHead.End.EOF;
            } else if (!(frame instanceof HmuxFrame.Channel)) {
                keepAlive = false;
            }
        }
        return true;
    }
}

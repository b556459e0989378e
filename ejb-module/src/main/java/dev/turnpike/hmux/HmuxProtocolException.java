package dev.turnpike.hmux;

import java.io.IOException;

/**
 * The peer broke the HMUX framing or a limit: a length over a limit (a frame with an unknown
 * code too, which is otherwise skipped), a text payload that is not UTF-8, a frame cut short by
 * the end of the stream. The message names the frame, its offset in the stream and what was
 * wrong, e.g.
 * {@code 'U' frame at offset 0: length 65535 over maxStringLength (expected: at most 4096)}.
 * It is meant for the log; the connection that produced it cannot be used any more.
 */
public final class HmuxProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final long offset;

    private HmuxProtocolException(int code, long offset, String message) {
        super(message);
        this.code = code;
        this.offset = offset;
    }

    /** A problem with a frame, named by its code byte. */
    public static HmuxProtocolException inFrame(int code, long offset, String problem) {
        return new HmuxProtocolException(code, offset, HmuxCode.display(code) + " frame at offset " + offset + ": "
                + problem);
    }

    /** The code byte (0-255) of the offending frame. */
    public int code() {
        return code;
    }

    /** The offset of the offending frame's code byte from the start of the stream. */
    public long offset() {
        return offset;
    }
}

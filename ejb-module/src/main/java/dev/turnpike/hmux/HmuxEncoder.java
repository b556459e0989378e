package dev.turnpike.hmux;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Writes frames in the layout of {@link HmuxCode}: code byte, then a 16-bit number, or a 16-bit
 * length and the payload, or nothing. Text goes out as UTF-8. A {@link HmuxFrame.Skipped} frame,
 * which the decoder reports for a code unknown where it was read, is refused: its payload is gone.
 *
 * <p>HMUX cannot split a value: a text longer than 65535 bytes once encoded is refused with an
 * {@link IllegalArgumentException} before anything is written (mod_caucho writes the length
 * modulo 65536 and the whole value, which desynchronises the stream).
 */
public final class HmuxEncoder {

    /** The largest length, number or payload a frame can carry. */
    public static final int MAX_LENGTH = 0xffff;

    private static final byte[] NONE = new byte[0];

    private HmuxEncoder() {
    }

    /** Writes one frame to a stream; buffer the stream, this writes a few small pieces. */
    public static void write(HmuxFrame frame, OutputStream out) throws IOException {
        byte[] payload = payload(frame);
        out.write(head(frame, payload));
        out.write(payload);
    }

    /**
     * Writes one frame into a buffer.
     *
     * @throws BufferOverflowException if the frame does not fit; the buffer is then unchanged
     */
    public static void write(HmuxFrame frame, ByteBuffer out) {
        byte[] payload = payload(frame);
        byte[] head = head(frame, payload);
        if (out.remaining() < head.length + payload.length) {
            throw new BufferOverflowException();
        }
        out.put(head).put(payload);
    }

    /** The bytes of one frame. */
    public static byte[] encode(HmuxFrame frame) {
        byte[] payload = payload(frame);
        byte[] head = head(frame, payload);
        byte[] bytes = new byte[head.length + payload.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(payload, 0, bytes, head.length, payload.length);
        return bytes;
    }

    private static byte[] head(HmuxFrame frame, byte[] payload) {
        HmuxCode code = frame.code();
        if (code.shape() == HmuxCode.Shape.BARE) {
            return new byte[] {code.value()};
        }
        int number = code.shape() == HmuxCode.Shape.NUMBER ? number(frame) : payload.length;
        return new byte[] {code.value(), (byte) (number >>> 8), (byte) number};
    }

    private static int number(HmuxFrame frame) {
        return frame instanceof HmuxFrame.Channel ? ((HmuxFrame.Channel) frame).number() : ((HmuxFrame.Ack) frame).number();
    }

    private static byte[] payload(HmuxFrame frame) {
        if (frame instanceof HmuxFrame.Skipped) {
            throw new IllegalArgumentException("a skipped frame (" + frame.describe() + ") cannot be written: its code"
                    + " means nothing where it was read and its payload was discarded (expected: a frame of a known"
                    + " code)");
        }
        if (frame instanceof HmuxFrame.Text) {
            byte[] bytes = Utf8.encode(((HmuxFrame.Text) frame).value());
            if (bytes.length > MAX_LENGTH) {
                throw new IllegalArgumentException(HmuxCode.display(frame.code().value()) + " frame: text of "
                        + bytes.length + " bytes does not fit the 16-bit length (expected: at most " + MAX_LENGTH
                        + " bytes of UTF-8)");
            }
            return bytes;
        }
        if (frame instanceof HmuxFrame.Binary) {
            return ((HmuxFrame.Binary) frame).bytes();
        }
        if (frame instanceof HmuxFrame.SubProtocol) {
            int protocol = ((HmuxFrame.SubProtocol) frame).protocol();
            return new byte[] {(byte) (protocol >>> 24), (byte) (protocol >>> 16), (byte) (protocol >>> 8), (byte) protocol};
        }
        return NONE;
    }
}

package dev.turnpike.hmux.endpoint;

import dev.turnpike.hmux.HmuxEncoder;
import dev.turnpike.hmux.HmuxFrame;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What the endpoint writes on one connection: frames into a buffer that goes out when the
 * response flushes, when a yield is acknowledged (so the web tier sees what was answered before
 * it sends more body) and when the response ends.
 */
final class FrameOutput {

    private static final int BUFFER = 16 * 1024;
    private static final HmuxFrame ACK = new HmuxFrame.Ack(0);

    private final OutputStream out;
    private long written;

    FrameOutput(OutputStream socket) {
        this.out = new BufferedOutputStream(socket, BUFFER);
    }

    void write(HmuxFrame frame) throws IOException {
        byte[] bytes = HmuxEncoder.encode(frame);
        out.write(bytes);
        written += bytes.length;
    }

    /** A {@code D} frame of part of an array, without copying it. */
    void data(byte[] bytes, int offset, int length) throws IOException {
        out.write('D');
        out.write(length >>> 8);
        out.write(length & 0xff);
        out.write(bytes, offset, length);
        written += 3 + length;
    }

    /** Answers a yield as Resin 4 does: what is buffered goes first, then {@code A 0}, flushed. */
    void ack() throws IOException {
        write(ACK);
        flush();
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Bytes written so far, for logs. */
    long written() {
        return written;
    }
}

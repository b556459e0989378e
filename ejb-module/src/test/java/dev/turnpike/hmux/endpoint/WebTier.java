package dev.turnpike.hmux.endpoint;

import dev.turnpike.hmux.HmuxDecoder;
import dev.turnpike.hmux.HmuxEncoder;
import dev.turnpike.hmux.HmuxFrame;
import dev.turnpike.hmux.HmuxLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A web tier's end of one HMUX connection, in tests: writes frames or raw bytes to an endpoint and
 * reads what it answers as frames, a response at a time. Every read waits at most 5 s.
 */
final class WebTier implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final HmuxDecoder decoder = HmuxDecoder.forResponses(HmuxLimits.DEFAULT);
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private boolean ended;

    WebTier(InetSocketAddress endpoint) throws IOException {
        socket = new Socket();
        socket.connect(endpoint, 5000);
        socket.setSoTimeout(5000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    WebTier send(HmuxFrame... frames) throws IOException {
        for (HmuxFrame frame : frames) {
            out.write(HmuxEncoder.encode(frame));
        }
        out.flush();
        return this;
    }

    WebTier sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Ends the request direction, as a web tier that has nothing more to send. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Tells the decoder that the next answer is a dispatch-configuration reply. */
    void expectDispatchReply() {
        decoder.expectDispatchReply();
    }

    /** The frames up to and including the next {@code Q}, {@code X} or {@code A}, or up to the end of the stream. */
    List<HmuxFrame> answer() throws IOException {
        List<HmuxFrame> frames = new ArrayList<>();
        while (true) {
            HmuxFrame frame = nextFrame();
            if (frame == null) {
                return frames;
            }
            frames.add(frame);
            if (frame instanceof HmuxFrame.Quit || frame instanceof HmuxFrame.Exit || frame instanceof HmuxFrame.Ack) {
                return frames;
            }
        }
    }

    /** Whether the endpoint closed the connection with nothing more written. */
    boolean closedWithoutAnswer() throws IOException {
        try {
            return nextFrame() == null && !decoderHasBytes();
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Every byte the endpoint wrote so far. */
    byte[] received() {
        return received.toByteArray();
    }

    private boolean decoderHasBytes() {
        return decoder.buffered() > 0;
    }

    private HmuxFrame nextFrame() throws IOException {
        byte[] buffer = new byte[8192];
        while (true) {
            HmuxFrame frame = decoder.next();
            if (frame != null || ended) {
                return frame;
            }
            int count;
            try {
                count = in.read(buffer);
            } catch (IOException e) {
                if (e instanceof SocketTimeoutException) {
                    throw e;
                }
                count = -1;
            }
            if (count < 0) {
                ended = true;
                decoder.close();
            } else {
                received.write(buffer, 0, count);
                decoder.feed(buffer, 0, count);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The frames of a list that describe themselves as given, for compact assertions. */
    static List<String> described(List<HmuxFrame> frames) {
        List<String> out = new ArrayList<>();
        for (HmuxFrame frame : frames) {
            out.add(frame.describe());
        }
        return out;
    }
}

package dev.turnpike.proxy.http;

import dev.turnpike.backend.BackendSockets;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a backend sends, read through one buffer: CRLF-terminated lines of bounded length for
 * heads and chunk-size lines, and raw slices for bodies. It counts what it received so failures
 * can say how far the response got.
 *
 * <p>Lines must end in CRLF. A bare LF or a CR not followed by LF is refused (TPP0012) rather than
 * accepted as RFC 9112 §2.2 would allow: a lenient reader would split a header value holding a
 * stray LF into two headers, which is how a backend application that echoes user input into a
 * header turns into response splitting at the web tier. Every HTTP/1.1 server sends CRLF.
 *
 * <p>Lines are decoded as ISO-8859-1, one char per byte, so no byte is lost or reinterpreted.
 */
final class HttpInput {

    private final InputStream in;
    private final long timeoutMillis;
    private final byte[] buffer;
    private int position;
    private int limit;
    private long received;

    /**
     * @param in the backend's stream
     * @param timeoutMillis the socket timeout, for messages only
     * @param bufferSize the buffer's size, also the most a body slice can hold
     */
    HttpInput(InputStream in, long timeoutMillis, int bufferSize) {
        this.in = in;
        this.timeoutMillis = timeoutMillis;
        this.buffer = new byte[bufferSize];
    }

    /**
     * The next line without its CRLF.
     *
     * @param max most bytes before the CRLF
     * @param tooLongCode the protocol code for a longer line
     * @param what the line's name for messages, e.g. {@code "status line"}
     * @throws HttpProtocolException for a longer line or a bare CR or LF
     * @throws EOFException if the stream ends first
     */
    String readLine(int max, String tooLongCode, String what) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException("closed by the backend " + progress() + " in the " + what);
            }
            byte b = buffer[position++];
            if (b == '\n') {
                throw new HttpProtocolException(HttpProtocolException.BAD_LINE_END, what + " ends in a bare LF"
                        + " (expected: CRLF)");
            }
            if (b == '\r') {
                if (position == limit && !fill()) {
                    throw new EOFException("closed by the backend " + progress() + " in the " + what);
                }
                if (buffer[position] != '\n') {
                    throw new HttpProtocolException(HttpProtocolException.BAD_LINE_END, what
                            + " holds a CR not followed by LF (expected: CRLF only at its end)");
                }
                position++;
                return line.toString();
            }
            if (line.length() == max) {
                throw new HttpProtocolException(tooLongCode, what + " longer than " + max + " bytes (expected: at"
                        + " most " + max + ")");
            }
            line.append((char) (b & 0xff));
        }
    }

    /**
     * Up to {@code length} bytes, from the buffer if it holds any, else from one read of the stream.
     *
     * @return the number of bytes read, at least 1, or -1 at the end of the stream
     */
    int read(byte[] target, int offset, int length) throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        int count = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, count);
        position += count;
        return count;
    }

    /** The bytes received but not consumed yet. */
    int buffered() {
        return limit - position;
    }

    /** Whether the next read would find bytes without waiting (buffered, or already in the socket). */
    boolean ready() {
        try {
            return position < limit || in.available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The bytes received from the stream since the counter was last reset. */
    long received() {
        return received;
    }

    /** Starts counting anew for the next response; buffered bytes are not discarded. */
    void resetCounter() {
        received = 0;
    }

    /** How far the response got, for messages: {@code before any response byte} or {@code after 57 response bytes}. */
    String progress() {
        return received == 0 ? "before any response byte" : "after " + received + " response bytes";
    }

    private boolean fill() throws IOException {
        int count;
        try {
            count = in.read(buffer, 0, buffer.length);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("nothing from the backend for " + timeoutMillis + "ms " + progress());
        } catch (IOException e) {
            throw new IOException("reading the response failed " + progress() + ": " + BackendSockets.reason(e), e);
        }
        if (count < 0) {
            return false;
        }
        position = 0;
        limit = count;
        received += count;
        return true;
    }

    /** Text as the ISO-8859-1 bytes it came from, for tests and messages. */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

}

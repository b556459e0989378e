package dev.turnpike.hmux;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Turns one direction of an HMUX connection into frames, whatever slices the bytes arrive in.
 *
 * <p>Bytes go in with {@link #feed(byte[], int, int) feed}, in pieces of any size: TCP segments
 * do not line up with frames, a frame may be cut anywhere and one slice may hold several frames.
 * Complete frames come out of {@link #next()}, one per call, {@code null} when the next frame
 * has not fully arrived. {@link #close()} marks the end of the stream; a frame cut short by it
 * is an error.
 *
 * <p>A frame is read in three steps, one state each; a step that lacks bytes returns without
 * consuming any:
 * <pre>
 *   CODE     1 byte:  its meaning in the current context, or UNKNOWN.  H/M: still under
 *                     maxHeaderCount?  (with ignoreStrayWhitespace, a 0x20 or 0x0A byte is
 *                     dropped here and the next byte read as the code)
 *   LENGTH   2 bytes: under maxStringLength / maxDataLength, and the message under
 *                     maxHeaderBytes?  (C and A: the number, and the frame is complete)
 *   PAYLOAD  length bytes: UTF-8 for text, left unread for UNKNOWN; then the frame is
 *                     consumed and handed out
 * </pre>
 * A code byte with no meaning in the current context is not an error: as every Resin reader
 * does, the decoder reads it as a length-prefixed frame, within the same limits as a text frame,
 * consumes its payload without keeping it and hands out a {@link HmuxFrame.Skipped} naming the
 * byte and the length, so a newer peer still works and the owner decides what it means.
 *
 * <p>Limits are checked before the payload is awaited, so the decoder only ever holds bytes that
 * have arrived, and never more of a frame than its limit. Any violation throws an
 * {@link HmuxProtocolException} naming the frame and its offset, and leaves the decoder failed
 * for good: {@code next()} throws the same exception again and further bytes are dropped. There
 * is no resynchronisation.
 *
 * <p>The meaning of a code byte depends on the {@link HmuxContext}. A request decoder switches to
 * {@link HmuxContext#DISPATCH_QUERY} by itself after {@code P 0x102}; a response decoder is told
 * by its owner, who knows it asked a dispatch query, through {@link #expectDispatchReply()}. Both
 * return to HTTP at the {@code Q} or {@code X} that ends the exchange.
 *
 * <p>Not thread-safe: one decoder per connection direction, used by one thread at a time.
 */
public final class HmuxDecoder {

    private enum State { CODE, LENGTH, PAYLOAD, FAILED }

    private static final byte[] EMPTY = new byte[0];

    private final HmuxLimits limits;
    private final HmuxContext httpContext;
    private final Utf8 utf8 = new Utf8();

    private byte[] buffer = EMPTY;
    private int start;
    private int end;
    private long consumed;
    private boolean closed;
    private long strayWhitespace;

    private State state = State.CODE;
    private HmuxContext context;
    private HmuxCode code;
    private int codeByte;
    private int length;
    private HmuxFrame frame;
    private long frameOffset = -1;
    private HmuxProtocolException failure;

    private boolean messageStarted;
    private int headerCount;
    private long headerBytes;

    private HmuxDecoder(HmuxContext httpContext, HmuxLimits limits) {
        this.httpContext = httpContext;
        this.context = httpContext;
        this.limits = limits;
    }

    /** A decoder for what a web tier sends to a backend. */
    public static HmuxDecoder forRequests(HmuxLimits limits) {
        return new HmuxDecoder(HmuxContext.HTTP_REQUEST, limits);
    }

    /** A decoder for what a backend sends to a web tier. */
    public static HmuxDecoder forResponses(HmuxLimits limits) {
        return new HmuxDecoder(HmuxContext.HTTP_RESPONSE, limits);
    }

    /** Adds bytes that arrived; they are copied. Ignored once the decoder has failed. */
    public void feed(byte[] bytes, int offset, int count) {
        if (closed) {
            throw new IllegalStateException("bytes fed after the end of the stream");
        }
        if (state == State.FAILED || count == 0) {
            return;
        }
        ensureRoom(count);
        System.arraycopy(bytes, offset, buffer, end, count);
        end += count;
    }

    /** Adds the remaining bytes of a buffer, which is left with none remaining. */
    public void feed(ByteBuffer bytes) {
        if (closed) {
            throw new IllegalStateException("bytes fed after the end of the stream");
        }
        int count = bytes.remaining();
        if (state == State.FAILED || count == 0) {
            bytes.position(bytes.limit());
            return;
        }
        ensureRoom(count);
        bytes.get(buffer, end, count);
        end += count;
    }

    /** Marks the end of the stream: no more bytes will be fed. */
    public void close() {
        closed = true;
    }

    /**
     * The next complete frame, or {@code null} if it has not fully arrived (or, after
     * {@link #close()}, if the stream ended cleanly between frames).
     *
     * @throws HmuxProtocolException if the bytes break the framing or a limit, or the stream
     *     ended inside a frame
     */
    public HmuxFrame next() throws HmuxProtocolException {
        if (failure != null) {
            throw failure;
        }
        try {
            while (step()) {
                if (frame != null) {
                    HmuxFrame next = frame;
                    frame = null;
                    return next;
                }
            }
            if (closed && end > start) {
                throw truncated();
            }
            return null;
        } catch (HmuxProtocolException e) {
            fail(e);
            throw e;
        }
    }

    /**
     * Reads the next message as a dispatch-configuration reply, until its {@code Q} or {@code X}.
     * The owner calls this after sending a dispatch query, before taking the reply's frames.
     *
     * @throws IllegalStateException on a request decoder, or if frames of the current response
     *     have been taken already
     */
    public void expectDispatchReply() {
        if (httpContext != HmuxContext.HTTP_RESPONSE) {
            throw new IllegalStateException("a dispatch reply is read by a response decoder, not a request decoder");
        }
        if (messageStarted || state != State.CODE) {
            throw new IllegalStateException("a dispatch reply is expected in the middle of a response at offset "
                    + consumed + "; expect it before the reply's first frame");
        }
        context = HmuxContext.DISPATCH_REPLY;
    }

    /** The context the next frame is read in. */
    public HmuxContext context() {
        return context;
    }

    /** The stream offset of the frame last returned by {@link #next()}, or -1 before the first. */
    public long frameOffset() {
        return frameOffset;
    }

    /**
     * How many stray whitespace bytes were dropped where a code was expected (only with
     * {@link HmuxLimits#ignoreStrayWhitespace()}), for the owner to report.
     */
    public long strayWhitespace() {
        return strayWhitespace;
    }

    /** How many bytes of the stream have been consumed as complete frames (or dropped stray bytes). */
    public long offset() {
        return consumed;
    }

    /** Bytes fed but not yet consumed as complete frames. */
    public int buffered() {
        return end - start;
    }

    /**
     * The size of the internal buffer. It grows only when the bytes fed and not yet consumed do not
     * fit, to at most twice their number.
     */
    int capacity() {
        return buffer.length;
    }

    private boolean step() throws HmuxProtocolException {
        switch (state) {
            case CODE:
                return readCode();
            case LENGTH:
                return readLength();
            case PAYLOAD:
                return readPayload();
            default:
                return false;
        }
    }

    private boolean readCode() throws HmuxProtocolException {
        if (end - start < 1) {
            return false;
        }
        codeByte = buffer[start] & 0xff;
        code = HmuxCode.of(context, codeByte);
        if (code == HmuxCode.UNKNOWN && limits.ignoreStrayWhitespace() && (codeByte == ' ' || codeByte == '\n')) {
            advance(1);
            strayWhitespace++;
            return true;
        }
        if ((code == HmuxCode.HEADER || code == HmuxCode.META_HEADER) && headerCount >= limits.maxHeaderCount()) {
            throw problem("header count " + (headerCount + 1) + " over maxHeaderCount (expected: at most "
                    + limits.maxHeaderCount() + ")");
        }
        if (code.shape() == HmuxCode.Shape.BARE) {
            emit(Frames.marker(code), 1);
            return true;
        }
        state = State.LENGTH;
        return true;
    }

    private boolean readLength() throws HmuxProtocolException {
        if (end - start < 3) {
            return false;
        }
        length = (buffer[start + 1] & 0xff) << 8 | buffer[start + 2] & 0xff;
        switch (code.shape()) {
            case NUMBER:
                emit(Frames.number(code, length), 3);
                return true;
            case EMPTY:
                checkLength(0);
                emit(Frames.marker(code), 3);
                return true;
            case INT32:
                checkLength(4);
                break;
            default:
                checkLimits();
        }
        state = State.PAYLOAD;
        return true;
    }

    private boolean readPayload() throws HmuxProtocolException {
        if (end - start < 3 + length) {
            return false;
        }
        int payload = start + 3;
        switch (code.shape()) {
            case TEXT:
                emit(Frames.text(code, text(payload)), 3 + length);
                return true;
            case BINARY:
                emit(Frames.binary(code, Arrays.copyOfRange(buffer, payload, payload + length)), 3 + length);
                return true;
            case SKIPPED:
                emit(new HmuxFrame.Skipped(codeByte, length), 3 + length);
                return true;
            default:
                emit(subProtocol(payload), 3 + length);
                return true;
        }
    }

    private String text(int payload) throws HmuxProtocolException {
        try {
            return utf8.decode(buffer, payload, length);
        } catch (Utf8.Malformed e) {
            throw problem(e.getMessage());
        }
    }

    private HmuxFrame subProtocol(int payload) throws HmuxProtocolException {
        int protocol = (buffer[payload] & 0xff) << 24 | (buffer[payload + 1] & 0xff) << 16
                | (buffer[payload + 2] & 0xff) << 8 | buffer[payload + 3] & 0xff;
        if (protocol != HmuxFrame.SubProtocol.DISPATCH) {
            throw problem(String.format("sub-protocol 0x%x not supported (expected: 0x%x, the dispatch query)",
                    protocol, HmuxFrame.SubProtocol.DISPATCH));
        }
        return new HmuxFrame.SubProtocol(protocol);
    }

    private void checkLength(int expected) throws HmuxProtocolException {
        if (length != expected) {
            throw problem("length " + length + " (expected: " + expected + ")");
        }
    }

    private void checkLimits() throws HmuxProtocolException {
        boolean data = code == HmuxCode.DATA;
        int max = data ? limits.maxDataLength() : limits.maxStringLength();
        if (length > max) {
            throw problem("length " + length + (data ? " over maxDataLength" : " over maxStringLength")
                    + " (expected: at most " + max + ")");
        }
        if (!data && headerBytes + length > limits.maxHeaderBytes()) {
            throw problem("head of " + (headerBytes + length) + " bytes over maxHeaderBytes (expected: at most "
                    + limits.maxHeaderBytes() + ")");
        }
    }

    /** Hands out a complete frame of {@code size} bytes and moves on to the next one. */
    private void emit(HmuxFrame complete, int size) {
        frame = complete;
        frameOffset = consumed;
        advance(size);
        account(complete, size);
    }

    /** Consumes {@code size} bytes and expects a code next. */
    private void advance(int size) {
        start += size;
        consumed += size;
        if (start == end) {
            start = 0;
            end = 0;
        }
        state = State.CODE;
    }

    /** Per-message bookkeeping: header limits, message boundaries and context switches. */
    private void account(HmuxFrame complete, int size) {
        HmuxCode kind = complete.code();
        if (kind == HmuxCode.QUIT || kind == HmuxCode.EXIT) {
            messageStarted = false;
            headerCount = 0;
            headerBytes = 0;
            context = httpContext;
            return;
        }
        messageStarted = true;
        if (kind == HmuxCode.HEADER || kind == HmuxCode.META_HEADER) {
            headerCount++;
        }
        if (kind != HmuxCode.DATA && kind.shape().hasLength()) {
            headerBytes += size - 3;
        }
        if (kind == HmuxCode.PROTOCOL) {
            context = HmuxContext.DISPATCH_QUERY;
        }
    }

    private HmuxProtocolException truncated() {
        int have = end - start;
        if (state == State.LENGTH) {
            String what = code.shape() == HmuxCode.Shape.NUMBER ? "number" : "length";
            return problem("stream ended after " + (have - 1) + " of 2 " + what + " bytes");
        }
        return problem("stream ended after " + (have - 3) + " of " + length + " payload bytes");
    }

    private HmuxProtocolException problem(String detail) {
        return HmuxProtocolException.inFrame(codeByte, consumed, detail);
    }

    private void fail(HmuxProtocolException e) {
        failure = e;
        state = State.FAILED;
        buffer = EMPTY;
        start = 0;
        end = 0;
    }

    /** Makes room for {@code count} more bytes, growing only by what has arrived. */
    private void ensureRoom(int count) {
        int kept = end - start;
        if (end + count <= buffer.length) {
            return;
        }
        if (kept + count <= buffer.length) {
            System.arraycopy(buffer, start, buffer, 0, kept);
        } else {
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) buffer.length * 2, (long) kept + count));
            buffer = Arrays.copyOfRange(buffer, start, start + capacity);
        }
        start = 0;
        end = kept;
    }
}

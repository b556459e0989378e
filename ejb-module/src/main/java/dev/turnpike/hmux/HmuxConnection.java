package dev.turnpike.hmux;

import dev.turnpike.backend.HeaderSyntax;
import dev.turnpike.backend.BackendSockets;
import dev.turnpike.backend.BackendSockets.IdleCheckFailure;
import dev.turnpike.backend.ConnectionPool;
import dev.turnpike.backend.SocketConnection;
import dev.turnpike.backend.ResponseSink;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection from the web tier to a backend's HMUX port (a Resin 4 {@code <server port>}),
 * carrying one exchange at a time. {@link ConnectionPool} opens and keeps them;
 * {@link HmuxClient} is the usual way to use them.
 *
 * <p>An exchange (resin-spec 1.4-1.7):
 * <pre>
 *   idle check  only on a reused connection: EOF, reset or any byte
 *               waiting on it → STALE_CONNECTION, nothing is sent
 *   head        U m c [e] v g h i j ... H/S ... [Q if there is no body]   one write
 *   body        D frames of at most chunkSize; before a chunk that would take
 *               the unacknowledged bytes past ackWindow: Y, then read frames
 *               until A (response frames meanwhile go to the sink). Q or X
 *               instead of A: the response is over, stop sending. Then Q
 *   response    s (H S | M S)* G (D | f)* then Q (reusable) or X (closing)
 * </pre>
 * With the defaults (8 KiB chunks and window) a 20 000-byte body goes out as
 * {@code D 8192 · Y … A · D 8192 · Y … A · D 3616 · Q}: the backend never holds more than one
 * window of body it has not asked for, and a backend that answers without reading the body can
 * still send its response while the client waits.
 *
 * <p>The idle check matters: a pooled connection whose backend restarted has a FIN waiting, and
 * mod_caucho writes the request into it and answers 503 (captures 06b, 06c). Bytes waiting on an
 * idle connection mean the backend is out of step with it, as resin-spec 1.5 expects of Resin
 * 4.0.55 when a servlet leaves a body unread (4.0.66 drains the body and stays in step). The check
 * reads without blocking, so it costs no wait.
 *
 * <p>Any failure closes the connection. Every frame is logged at FINEST to
 * {@code dev.turnpike.hmux.wire} as {@code hmux#id >>> U "/path"} or {@code hmux#id <<< s "200 OK"};
 * opening, closing and stale connections go to {@code dev.turnpike.hmux} at FINE.
 *
 * <p>Not thread-safe: one exchange at a time, on one thread.
 */
public final class HmuxConnection extends SocketConnection {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.hmux");
    private static final Logger WIRE = Logger.getLogger("dev.turnpike.hmux.wire");
    private static final AtomicLong IDS = new AtomicLong();

    private static final HmuxFrame QUIT = new HmuxFrame.Quit();
    private static final HmuxFrame YIELD = new HmuxFrame.Yield();
    private static final int READ_BUFFER = 16384;

    private final HmuxClientSettings settings;
    private final InputStream in;
    private final OutputStream out;
    private final HmuxDecoder decoder;
    private final byte[] readBuffer = new byte[READ_BUFFER];

    private long received;

    private HmuxConnection(long id, InetSocketAddress backend, HmuxClientSettings settings, LongSupplier clock,
            SocketChannel channel) throws IOException {
        super("hmux", LOG, id, backend, clock, channel);
        this.settings = settings;
        this.in = channel.socket().getInputStream();
        this.out = new BufferedOutputStream(BackendSockets.output(channel, settings.socketTimeout()),
                settings.chunkSize() + 64);
        this.decoder = HmuxDecoder.forResponses(settings.limits());
    }

    /**
     * The pool of connections to {@code backend}: reuse per {@link ConnectionPool}, idle time and
     * idle count from the settings, connections opened by {@link #open}.
     *
     * @param clock nanoseconds, as {@link System#nanoTime()}
     */
    public static ConnectionPool<HmuxConnection, HmuxExchangeException> pool(InetSocketAddress backend,
            HmuxClientSettings settings, LongSupplier clock) {
        return new ConnectionPool<>("HMUX", LOG, backend, settings.idleTime(),
                settings.maxIdle(), clock, () -> open(backend, settings, clock), settings);
    }

    /**
     * Opens a connection within the settings' connect timeout.
     *
     * @param clock the time source for idle times, in nanoseconds ({@code System::nanoTime})
     * @throws HmuxExchangeException of stage {@link HmuxExchangeException.Stage#CONNECT CONNECT}
     */
    public static HmuxConnection open(InetSocketAddress backend, HmuxClientSettings settings, LongSupplier clock)
            throws HmuxExchangeException {
        long id = IDS.incrementAndGet();
        SocketChannel channel = null;
        try {
            channel = BackendSockets.connect(backend, settings.connectTimeout(), settings.socketTimeout());
            HmuxConnection connection = new HmuxConnection(id, backend, settings, clock, channel);
            connection.logOpened();
            return connection;
        } catch (IOException e) {
            BackendSockets.closeQuietly(channel);
            throw new HmuxExchangeException(HmuxExchangeException.Stage.CONNECT, backend, id, false, false,
                    BackendSockets.connectProblem(e, settings.connectTimeout()), e);
        }
    }

    /**
     * Sends one request and hands its response to the sink.
     *
     * @param head the request head, written in mod_caucho's order
     * @param body the request body, read to its end, or {@code null} for none
     * @param sink receives the response as it arrives
     * @return how the exchange went; if {@link HmuxExchangeResult#keepAlive() keepAlive} is false
     *     the connection is closed
     * @throws HmuxExchangeException if the exchange failed; the connection is then closed
     * @throws IllegalArgumentException if a head value does not fit in a frame; nothing is sent and
     *     the connection stays usable
     * @throws IllegalStateException if the connection is closed
     */
    public HmuxExchangeResult exchange(HmuxRequestHead head, InputStream body, ResponseSink sink)
            throws HmuxExchangeException {
        Objects.requireNonNull(sink, "sink");
        List<HmuxFrame> headFrames = new ArrayList<>(HmuxRequestWriter.headFrames(head));
        if (body == null) {
            headFrames.add(QUIT);
        }
        byte[] headBytes = encode(headFrames);
        boolean reused = begin();
        received = 0;
        Response response = new Response(sink);
        boolean headSent = false;
        try {
            if (reused) {
                checkIdle();
            }
            write(headBytes);
            headSent = true;
            headFrames.forEach(frame -> wire(">>>", frame));
            boolean bodySent = body == null || sendBody(body, response);
            while (!response.ended) {
                response.accept(readFrame());
            }
            boolean keepAlive = bodySent && response.quit && decoder.buffered() == 0;
            if (!keepAlive) {
                close();
            }
            return new HmuxExchangeResult(id(), reused, response.status, keepAlive);
        } catch (IOException e) {
            close();
            throw failure(e, reused, headSent, response);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** The frames as bytes, so a value HMUX cannot carry is refused before anything is written. */
    private static byte[] encode(List<HmuxFrame> frames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        for (HmuxFrame frame : frames) {
            bytes.writeBytes(HmuxEncoder.encode(frame));
        }
        return bytes.toByteArray();
    }

    /**
     * Fails unless the idle connection is still open and silent. A non-blocking read sees a FIN
     * (EOF), a reset, or bytes the backend sent after the last response.
     */
    private void checkIdle() throws IdleCheckFailure {
        checkIdle(b -> HmuxCode.display((byte) b));
    }

    /**
     * Sends the body in chunks under the ack window, then {@code Q}.
     *
     * @return {@code false} if the response ended while the client waited for an ack, so the rest
     *     of the body was not sent
     */
    private boolean sendBody(InputStream body, Response response) throws IOException {
        int unacknowledged = 0;
        for (byte[] chunk = readChunk(body); chunk != null; chunk = readChunk(body)) {
            if (unacknowledged > 0 && unacknowledged + chunk.length > settings.ackWindow()) {
                send(YIELD);
                if (!awaitAck(response)) {
                    return false;
                }
                unacknowledged = 0;
            }
            send(new HmuxFrame.Data(chunk));
            unacknowledged += chunk.length;
        }
        send(QUIT);
        return true;
    }

    /** The next chunk of the body, as much as one read gives up to the chunk size; {@code null} at its end. */
    private byte[] readChunk(InputStream body) throws ClientFailure {
        byte[] chunk = new byte[settings.chunkSize()];
        int count;
        try {
            do {
                count = body.read(chunk, 0, chunk.length);
            } while (count == 0);
        } catch (IOException e) {
            throw new ClientFailure("reading the request body failed: " + BackendSockets.reason(e), e);
        }
        if (count < 0) {
            return null;
        }
        return count == chunk.length ? chunk : Arrays.copyOf(chunk, count);
    }

    /** Reads frames until the backend acks; {@code false} if the response ended first. */
    private boolean awaitAck(Response response) throws IOException {
        response.acked = false;
        while (!response.acked) {
            response.accept(readFrame());
            if (response.ended) {
                return false;
            }
        }
        return true;
    }

    private void send(HmuxFrame frame) throws IOException {
        wire(">>>", frame);
        write(HmuxEncoder.encode(frame));
    }

    private void write(byte[] bytes) throws IOException {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new IOException("writing the request failed: " + BackendSockets.reason(e), e);
        }
    }

    private HmuxFrame readFrame() throws IOException {
        HmuxFrame frame;
        while ((frame = decoder.next()) == null) {
            int count;
            try {
                count = in.read(readBuffer);
            } catch (SocketTimeoutException e) {
                throw new IOException("nothing from the backend for " + settings.socketTimeout().toMillis() + "ms "
                        + progress(), e);
            } catch (IOException e) {
                throw new IOException("reading the response failed " + progress() + ": " + BackendSockets.reason(e), e);
            }
            if (count < 0) {
                decoder.close();
                decoder.next();
                throw new EOFException("closed by the backend " + progress());
            }
            received += count;
            decoder.feed(readBuffer, 0, count);
        }
        wire("<<<", frame);
        return frame;
    }

    private String progress() {
        return received == 0 ? "before any response byte" : "after " + received + " response bytes";
    }

    private HmuxExchangeException failure(IOException e, boolean reused, boolean headSent, Response response) {
        HmuxExchangeException.Stage stage;
        Throwable cause = e;
        if (e instanceof ClientFailure) {
            stage = HmuxExchangeException.Stage.CLIENT;
            cause = e.getCause();
        } else if (e instanceof IdleCheckFailure || reused && !headSent) {
            stage = HmuxExchangeException.Stage.STALE_CONNECTION;
            markStale();
            cause = e.getCause();
        } else if (response.started) {
            stage = HmuxExchangeException.Stage.DURING_RESPONSE;
        } else {
            stage = HmuxExchangeException.Stage.BEFORE_RESPONSE;
        }
        String problem = e instanceof HmuxProtocolException ? "bad response: " + e.getMessage() : e.getMessage();
        if (stage == HmuxExchangeException.Stage.BEFORE_RESPONSE && headSent) {
            problem += " (request sent)";
        }
        HmuxExchangeException failure = new HmuxExchangeException(stage, backend(), id(), reused, response.started,
                problem, cause);
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(failure.getMessage());
        }
        return failure;
    }

    private void wire(String direction, HmuxFrame frame) {
        if (WIRE.isLoggable(Level.FINEST)) {
            WIRE.finest("hmux#" + id() + " " + direction + " " + frame.describe());
        }
    }


    /**
     * The response of the current exchange: checks the order of its frames and relays them to the
     * sink. The status and headers are held until the head ends ({@code G}, or the first body,
     * flush or end frame) and checked as they come: a status reason or header value with a control
     * character other than tab, or a header name that is not an HTTP token, is refused before
     * anything reaches the sink, so a backend cannot split the browser's response and a refused
     * head leaves the browser's response untouched. The held head is bounded by the decoder's
     * limits ({@link HmuxLimits#maxHeaderCount()}, {@link HmuxLimits#maxHeaderBytes()}).
     */
    private final class Response {
        private final ResponseSink sink;
        private int status = -1;
        private String reason;
        /** Held header and meta-header frames, in order: {@code H} or {@code M}, name, value. */
        private final List<String[]> heldHeaders = new ArrayList<>();
        private String pendingName;
        private boolean pendingMeta;
        private boolean started;
        private boolean acked;
        private boolean ended;
        private boolean quit;

        Response(ResponseSink sink) {
            this.sink = sink;
        }

        /** Takes one frame from the backend. */
        void accept(HmuxFrame frame) throws IOException {
            if (pendingName != null) {
                headerValue(frame);
            } else if (frame instanceof HmuxFrame.Status line) {
                status(frame, line.value());
            } else if (frame instanceof HmuxFrame.Header header) {
                requireStatus(frame);
                if (started) {
                    throw problem(frame, "a header after the head was sent (expected: H before G)");
                }
                checkName(frame, header.value());
                pendingName = header.value();
                pendingMeta = false;
            } else if (frame instanceof HmuxFrame.MetaHeader meta) {
                requireStatus(frame);
                pendingName = meta.value();
                pendingMeta = true;
            } else if (frame instanceof HmuxFrame.HeaderValue) {
                throw problem(frame, "value without a header name (expected: H or M before S)");
            } else if (frame instanceof HmuxFrame.SendHeaders) {
                requireStatus(frame);
                if (!started) {
                    sendHead();
                    relay(sink::headersEnd);
                }
            } else if (frame instanceof HmuxFrame.Data data) {
                requireStatus(frame);
                sendHead();
                relay(() -> sink.body(data.bytes(), 0, data.bytes().length));
            } else if (frame instanceof HmuxFrame.Flush) {
                requireStatus(frame);
                sendHead();
                relay(sink::flush);
            } else if (frame instanceof HmuxFrame.Quit || frame instanceof HmuxFrame.Exit) {
                end(frame);
            } else if (frame instanceof HmuxFrame.Ack) {
                acked = true;
            }
            // any other frame (C, a Y from the backend, a Skipped code the decoder did not know)
            // carries nothing for the response; the wire log shows it
        }

        private void status(HmuxFrame frame, String line) throws IOException {
            if (status >= 0) {
                throw problem(frame, "a second status (expected: one per response)");
            }
            boolean wellFormed = line.length() >= 3 && (line.length() == 3 || line.charAt(3) == ' ');
            for (int i = 0; wellFormed && i < 3; i++) {
                wellFormed = line.charAt(i) >= '0' && line.charAt(i) <= '9';
            }
            if (!wellFormed) {
                throw problem(frame, "status line is not three digits and a reason (expected: e.g. \"200 OK\")");
            }
            String text = line.length() > 4 ? line.substring(4) : "";
            int bad = HeaderSyntax.controlAt(text);
            if (bad >= 0) {
                throw problem(frame, "the status reason holds control character 0x"
                        + Integer.toHexString(text.charAt(bad)) + " (expected: text)");
            }
            status = Integer.parseInt(line.substring(0, 3));
            reason = text;
        }

        private void headerValue(HmuxFrame frame) throws IOException {
            if (!(frame instanceof HmuxFrame.HeaderValue value)) {
                throw problem(frame, "the value of " + (pendingMeta ? "meta-header" : "header") + " \"" + pendingName
                        + "\" is missing (expected: S)");
            }
            String name = pendingName;
            pendingName = null;
            if (pendingMeta) {
                if (started) {
                    relay(() -> sink.metaHeader(name, value.value()));
                } else {
                    heldHeaders.add(new String[] {"M", name, value.value()});
                }
                return;
            }
            int bad = HeaderSyntax.controlAt(value.value());
            if (bad >= 0) {
                throw problem(frame, "the value of header \"" + name + "\" holds control character 0x"
                        + Integer.toHexString(value.value().charAt(bad)) + " (expected: text and tabs)");
            }
            heldHeaders.add(new String[] {"H", name, value.value()});
        }

        /** Relays the held status and headers, once. */
        private void sendHead() throws ClientFailure {
            if (started) {
                return;
            }
            started = true;
            relay(() -> sink.status(status, reason));
            for (String[] held : heldHeaders) {
                if (held[0].equals("M")) {
                    relay(() -> sink.metaHeader(held[1], held[2]));
                } else {
                    relay(() -> sink.header(held[1], held[2]));
                }
            }
            heldHeaders.clear();
        }

        private void end(HmuxFrame frame) throws IOException {
            if (status < 0) {
                throw problem(frame, "the response ended before its status (expected: s first)");
            }
            if (pendingName != null) {
                throw problem(frame, "the value of header \"" + pendingName + "\" is missing (expected: S)");
            }
            sendHead();
            ended = true;
            quit = frame instanceof HmuxFrame.Quit;
            relay(sink::end);
        }

        private void requireStatus(HmuxFrame frame) throws HmuxProtocolException {
            if (status < 0) {
                throw problem(frame, "frame before the status (expected: s first)");
            }
        }

        private void checkName(HmuxFrame frame, String name) throws HmuxProtocolException {
            if (!HeaderSyntax.isToken(name)) {
                throw problem(frame, "header name \"" + shown(name) + "\" is not a token (expected: letters, digits"
                        + " and !#$%&'*+-.^_`|~)");
            }
        }

        private HmuxProtocolException problem(HmuxFrame frame, String detail) {
            return HmuxProtocolException.inFrame(frame.code().value() & 0xff, decoder.frameOffset(), detail);
        }

        private void relay(SinkCall call) throws ClientFailure {
            try {
                call.run();
            } catch (IOException e) {
                throw new ClientFailure("the response sink failed: " + BackendSockets.reason(e), e);
            }
        }
    }


    /** A name for a message: at most 40 characters, control characters as {@code \xNN}. */
    private static String shown(String text) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && i < 40; i++) {
            char c = text.charAt(i);
            shown.append(c < 0x20 || c == 0x7f || c == '"' ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return text.length() > 40 ? shown + "..." : shown.toString();
    }

    /** One call into the sink. */
    private interface SinkCall {
        void run() throws IOException;
    }

    /** The request body or the sink failed: the web tier's side, not the backend. */
    private static final class ClientFailure extends IOException {
        private static final long serialVersionUID = 1L;

        ClientFailure(String message, IOException cause) {
            super(message, cause);
        }
    }

}

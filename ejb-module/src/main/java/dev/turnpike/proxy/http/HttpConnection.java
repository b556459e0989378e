package dev.turnpike.proxy.http;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.BackendSockets;
import dev.turnpike.backend.BackendSockets.IdleCheckFailure;
import dev.turnpike.backend.ConnectionPool;
import dev.turnpike.backend.ExchangeException.Stage;
import dev.turnpike.backend.HeaderField;
import dev.turnpike.backend.HopByHop;
import dev.turnpike.backend.ResponseSink;
import dev.turnpike.backend.SocketConnection;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One HTTP/1.1 connection from the web tier to a backend, carrying one exchange at a time.
 * {@link ConnectionPool} opens and keeps them; {@link HttpBackendClient} is the usual way to
 * use them.
 *
 * <p>An exchange:
 * <pre>
 *   idle check  only on a reused connection: EOF, reset or any byte waiting
 *               on it → STALE_CONNECTION, nothing is sent
 *   request     head ({@link RequestHeaderFilter}, {@link HttpRequestWriter}), then the body:
 *               exactly Content-Length bytes, or chunks as the body's reads give them
 *   response    heads until a final one (1xx skipped, 101 refused), framing decided
 *               ({@link ResponseFraming}), then status, headers, headersEnd, body, end
 *               to the sink ({@link ResponseBody})
 * </pre>
 * The whole head is parsed and its framing checked before the sink hears of it, so a response
 * the client refuses leaves the browser's response untouched (stage BEFORE_RESPONSE). The request
 * is sent whole before the response is read: a backend that answers early without reading a large
 * body, and stops reading, makes the write fail or wait until the socket timeout.
 *
 * <p>Response headers reach the sink minus the hop-by-hop ones and those the {@code Connection}
 * header names; {@code Content-Length} goes once, with the value all its fields agreed on. The
 * connection is kept for another request when the head allows it ({@link HttpResponseHead#persistent()}),
 * the body was delimited by length or chunks and nothing followed it.
 *
 * <p>Any failure closes the connection. Heads are logged at FINEST to
 * {@code dev.turnpike.proxy.http.wire} as {@code http#id >>> GET /path} or {@code http#id <<< 200 OK};
 * opening, closing and stale connections go to {@code dev.turnpike.proxy.http} at FINE.
 *
 * <p>Not thread-safe: one exchange at a time, on one thread.
 */
public final class HttpConnection extends SocketConnection {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.proxy.http");
    private static final Logger WIRE = Logger.getLogger("dev.turnpike.proxy.http.wire");
    private static final AtomicLong IDS = new AtomicLong();

    /** The read and write buffers' size, also the most body bytes per sink call or request chunk. */
    static final int BUFFER = 16384;
    /** Most interim (1xx) responses before the final one; a backend sending more is looping. */
    static final int MAX_INTERIM = 16;

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = {'0', '\r', '\n', '\r', '\n'};

    private final HttpProxySettings settings;
    private final OutputStream out;
    private final HttpInput in;


    private HttpConnection(long id, InetSocketAddress backend, HttpProxySettings settings, LongSupplier clock,
            SocketChannel channel) throws IOException {
        super("http", LOG, id, backend, clock, channel);
        this.settings = settings;
        this.out = new BufferedOutputStream(BackendSockets.output(channel, settings.socketTimeout()), BUFFER);
        this.in = new HttpInput(channel.socket().getInputStream(), settings.socketTimeout().toMillis(), BUFFER);
    }

    /**
     * The pool of connections to {@code backend}: reuse per {@link ConnectionPool}, idle time and
     * idle count from the settings, connections opened by {@link #open}.
     *
     * @param clock nanoseconds, as {@link System#nanoTime()}
     */
    public static ConnectionPool<HttpConnection, HttpExchangeException> pool(InetSocketAddress backend,
            HttpProxySettings settings, LongSupplier clock) {
        return new ConnectionPool<>("HTTP", LOG, backend, settings.idleTime(),
                settings.maxIdle(), clock, () -> open(backend, settings, clock), settings);
    }

    /**
     * Opens a connection within the settings' connect timeout.
     *
     * @param clock the time source for idle times, in nanoseconds ({@code System::nanoTime})
     * @throws HttpExchangeException of stage {@link Stage#CONNECT CONNECT}
     */
    public static HttpConnection open(InetSocketAddress backend, HttpProxySettings settings, LongSupplier clock)
            throws HttpExchangeException {
        long id = IDS.incrementAndGet();
        SocketChannel channel = null;
        try {
            channel = BackendSockets.connect(backend, settings.connectTimeout(), settings.socketTimeout());
            HttpConnection connection = new HttpConnection(id, backend, settings, clock, channel);
            connection.logOpened();
            return connection;
        } catch (IOException e) {
            BackendSockets.closeQuietly(channel);
            throw new HttpExchangeException(Stage.CONNECT, backend, id, false, false,
                    BackendSockets.connectProblem(e, settings.connectTimeout()), e);
        }
    }

    /**
     * Sends one request and hands its response to the sink as it arrives.
     *
     * @return how the exchange went; if {@link HttpExchangeResult#keepAlive() keepAlive} is false
     *     the connection is closed
     * @throws HttpExchangeException if the exchange failed; the connection is then closed
     * @throws IllegalArgumentException (TPP0013) if the request cannot go on the wire; nothing is
     *     sent and the connection stays usable
     * @throws IllegalStateException if the connection is closed
     */
    public HttpExchangeResult exchange(BackendRequest request, ResponseSink sink) throws HttpExchangeException {
        Objects.requireNonNull(sink, "sink");
        byte[] head = HttpRequestWriter.head(request, RequestHeaderFilter.headers(request, settings, backend()));
        boolean reused = begin();
        in.resetCounter();
        GuardedSink guarded = new GuardedSink(sink);
        boolean headSent = false;
        try {
            if (reused) {
                checkIdle();
            }
            write(head, 0, head.length);
            headSent = true;
            wire(">>>", request.method() + " " + request.uriWithQuery());
            if (request.hasBody()) {
                sendBody(request);
            }
            flush();
            boolean headRequest = request.method().equals("HEAD");
            HttpResponseHead response = finalHead();
            ResponseFraming framing = ResponseFraming.of(headRequest, response);
            relayHead(response, framing, guarded);
            new ResponseBody(in, settings.limits(), guarded, BUFFER).relay(framing);
            guarded.end();
            boolean keepAlive = response.persistent() && framing.kind() != ResponseFraming.Kind.UNTIL_CLOSE
                    && in.buffered() == 0;
            if (!keepAlive) {
                close();
            }
            return new HttpExchangeResult(id(), reused, response.status(), keepAlive);
        } catch (IOException e) {
            close();
            throw failure(e, reused, headSent, guarded.started);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Fails unless the idle connection is still open and silent. A non-blocking read sees a FIN
     * (EOF), a reset, or bytes the backend sent after the last response (a body longer than its
     * Content-Length, a second response): either way the connection cannot carry a request.
     */
    private void checkIdle() throws IdleCheckFailure {
        if (in.buffered() > 0) {
            throw new IdleCheckFailure(in.buffered() + " unread bytes were waiting; the connection is out of step",
                    null);
        }
        checkIdle(b -> "byte 0x" + Integer.toHexString(b));
    }

    /** Sends the body: exactly its length, or in chunks when the length is unknown. */
    private void sendBody(BackendRequest request) throws IOException {
        InputStream body = request.body();
        boolean chunked = HttpRequestWriter.chunked(request);
        long remaining = chunked ? Long.MAX_VALUE : request.contentLength();
        byte[] buffer = new byte[BUFFER];
        long sent = 0;
        while (remaining > 0) {
            int count = readBody(body, buffer, (int) Math.min(remaining, buffer.length));
            if (count < 0) {
                if (chunked) {
                    break;
                }
                throw new ClientFailure("the request body ended after " + sent + " of " + request.contentLength()
                        + " bytes", null);
            }
            if (chunked) {
                byte[] size = HttpInput.bytes(Integer.toHexString(count) + "\r\n");
                write(size, 0, size.length);
            }
            write(buffer, 0, count);
            if (chunked) {
                write(CRLF, 0, CRLF.length);
            } else {
                remaining -= count;
            }
            sent += count;
        }
        if (chunked) {
            write(LAST_CHUNK, 0, LAST_CHUNK.length);
        }
    }

    /** One read of the request body, never 0 bytes; -1 at its end. */
    private static int readBody(InputStream body, byte[] buffer, int length) throws ClientFailure {
        try {
            int count;
            do {
                count = body.read(buffer, 0, length);
            } while (count == 0);
            return count;
        } catch (IOException e) {
            throw new ClientFailure("reading the request body failed: " + BackendSockets.reason(e), e);
        }
    }

    /** Reads heads until a final one, skipping interim responses. */
    private HttpResponseHead finalHead() throws IOException {
        for (int interim = 0; ; interim++) {
            HttpResponseHead head = HttpHeadParser.readResponseHead(in, settings.limits());
            wire("<<<", head.status() + " " + head.reason());
            if (head.status() == 101) {
                throw new HttpProtocolException(HttpProtocolException.UNSUPPORTED_INTERIM, "101 Switching Protocols"
                        + " though no upgrade was asked for (expected: a final response)");
            }
            if (!head.interim()) {
                return head;
            }
            if (interim == MAX_INTERIM) {
                throw new HttpProtocolException(HttpProtocolException.UNSUPPORTED_INTERIM, "more than " + MAX_INTERIM
                        + " interim responses (expected: a final response)");
            }
        }
    }

    /** Status and end-to-end headers to the sink; one Content-Length with the agreed value. */
    private static void relayHead(HttpResponseHead head, ResponseFraming framing, GuardedSink sink)
            throws IOException {
        sink.status(head.status(), head.reason());
        Set<String> listed = HopByHop.listed(head.fields());
        boolean lengthSent = false;
        for (HeaderField field : head.fields()) {
            if (HopByHop.drop(field.name(), listed)) {
                continue;
            }
            if (field.is("Content-Length")) {
                if (!lengthSent) {
                    sink.header(field.name(), Long.toString(framing.declaredLength()));
                    lengthSent = true;
                }
                continue;
            }
            sink.header(field.name(), field.value());
        }
        sink.headersEnd();
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw new IOException("writing the request failed: " + BackendSockets.reason(e), e);
        }
    }

    private void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw new IOException("writing the request failed: " + BackendSockets.reason(e), e);
        }
    }

    private HttpExchangeException failure(IOException e, boolean reused, boolean headSent, boolean started) {
        Stage stage;
        Throwable cause = e;
        if (e instanceof ClientFailure) {
            stage = Stage.CLIENT;
            cause = e.getCause();
        } else if (e instanceof IdleCheckFailure || reused && !headSent) {
            stage = Stage.STALE_CONNECTION;
            markStale();
            cause = e.getCause();
        } else if (started) {
            stage = Stage.DURING_RESPONSE;
        } else {
            stage = Stage.BEFORE_RESPONSE;
        }
        String problem = e instanceof HttpProtocolException ? "bad response: " + e.getMessage() : e.getMessage();
        if (stage == Stage.BEFORE_RESPONSE && headSent) {
            problem += " (request sent)";
        }
        HttpExchangeException failure = new HttpExchangeException(stage, backend(), id(), reused, started, problem,
                cause);
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(failure.getMessage());
        }
        return failure;
    }

    private void wire(String direction, String line) {
        if (WIRE.isLoggable(Level.FINEST)) {
            WIRE.finest("http#" + id() + " " + direction + " " + HttpHeadParser.shown(line));
        }
    }


    /** The sink of the current exchange: its failures become {@link ClientFailure}s; notes when the status went. */
    private static final class GuardedSink implements ResponseSink {
        private final ResponseSink sink;
        private boolean started;

        GuardedSink(ResponseSink sink) {
            this.sink = sink;
        }

        @Override
        public void status(int code, String reason) throws IOException {
            started = true;
            relay(() -> sink.status(code, reason));
        }

        @Override
        public void header(String name, String value) throws IOException {
            relay(() -> sink.header(name, value));
        }

        @Override
        public void headersEnd() throws IOException {
            relay(sink::headersEnd);
        }

        @Override
        public void body(byte[] bytes, int offset, int length) throws IOException {
            relay(() -> sink.body(bytes, offset, length));
        }

        @Override
        public void flush() throws IOException {
            relay(sink::flush);
        }

        @Override
        public void end() throws IOException {
            relay(sink::end);
        }

        private static void relay(SinkCall call) throws ClientFailure {
            try {
                call.run();
            } catch (IOException e) {
                throw new ClientFailure("the response sink failed: " + BackendSockets.reason(e), e);
            }
        }
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

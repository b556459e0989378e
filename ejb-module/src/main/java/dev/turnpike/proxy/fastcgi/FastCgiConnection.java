package dev.turnpike.proxy.fastcgi;

import dev.turnpike.backend.BackendSockets;
import dev.turnpike.backend.BackendSockets.IdleCheckFailure;
import dev.turnpike.backend.ConnectionPool;
import dev.turnpike.backend.SocketConnection;
import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.HeaderField;
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
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection from the web tier to a FastCGI application, carrying one request at a time as
 * a responder. {@link ConnectionPool} opens and keeps them; {@link FastCgiClient} is the
 * usual way to use them.
 *
 * <p>An exchange, always with request id 1 since requests are not multiplexed:
 * <pre>
 *   idle check  only on a reused connection: EOF, reset or any byte waiting
 *               on it → STALE_CONNECTION, nothing is sent
 *   head        BEGIN_REQUEST(RESPONDER, FCGI_KEEP_CONN if keepConn)
 *               PARAMS... PARAMS(empty) [STDIN(empty) without a body]        one write
 *   body        STDIN records of up to 32 KiB, read from the request body as they
 *               go, exactly CONTENT_LENGTH bytes; then STDIN(empty). Before each
 *               record, response records already waiting are read, so an
 *               application that answers early is not left blocked on its output
 *   response    STDOUT: the CGI header block (see CgiHeaderBlock), then the body;
 *               STDERR: logged (see StderrLog); END_REQUEST: the end
 * </pre>
 * The body is streamed, never held: one record's worth of request body and one record of response
 * are in memory at a time, plus the header block up to its limit. Each {@code STDOUT} record goes
 * to the sink as it comes; when no more response bytes are waiting the sink is also flushed, so
 * output a script flushes reaches the browser without every record costing a flush.
 *
 * <p>The connection stays open for another request only if the settings ask for
 * {@code FCGI_KEEP_CONN}, the body went out whole, the response ended cleanly with
 * {@code END_REQUEST} and nothing followed it. The client never sends {@code ABORT_REQUEST}: a
 * failed exchange closes the connection, which php-cgi notices at its next write. Any failure
 * closes the connection.
 *
 * <p>Records are logged at FINEST to {@code dev.turnpike.proxy.fastcgi.wire}; opening, closing and
 * failures go to {@code dev.turnpike.proxy.fastcgi} at FINE, the application's stderr at WARNING.
 *
 * <p>Not thread-safe: one exchange at a time, on one thread.
 */
public final class FastCgiConnection extends SocketConnection {

    /** The request id of every exchange: one request per connection at a time. */
    static final int REQUEST_ID = 1;
    /** Most request-body bytes per {@code STDIN} record: a multiple of 8, so no padding. */
    static final int STDIN_CHUNK = 32768;

    private static final Logger LOG = Logger.getLogger("dev.turnpike.proxy.fastcgi");
    private static final Logger WIRE = Logger.getLogger("dev.turnpike.proxy.fastcgi.wire");
    private static final AtomicLong IDS = new AtomicLong();

    private final FastCgiSettings settings;
    private final InputStream in;
    private final OutputStream out;


    private FastCgiConnection(long id, InetSocketAddress backend, FastCgiSettings settings, LongSupplier clock,
            SocketChannel channel) throws IOException {
        super("fcgi", LOG, id, backend, clock, channel);
        this.settings = settings;
        this.in = channel.socket().getInputStream();
        this.out = new BufferedOutputStream(BackendSockets.output(channel, settings.socketTimeout()),
                STDIN_CHUNK + 64);
    }

    /**
     * The pool of connections to {@code backend}: reuse per {@link ConnectionPool}, idle time and
     * idle count from the settings, connections opened by {@link #open}.
     *
     * @param clock nanoseconds, as {@link System#nanoTime()}
     */
    public static ConnectionPool<FastCgiConnection, FastCgiExchangeException> pool(InetSocketAddress backend,
            FastCgiSettings settings, LongSupplier clock) {
        return new ConnectionPool<>("FastCGI", LOG, backend,
                settings.idleTime(), settings.maxIdle(), clock, () -> open(backend, settings, clock), settings);
    }

    /**
     * Opens a connection within the settings' connect timeout.
     *
     * @param clock the time source for idle times, in nanoseconds ({@code System::nanoTime})
     * @throws FastCgiExchangeException of stage {@link FastCgiExchangeException.Stage#CONNECT CONNECT}
     */
    public static FastCgiConnection open(InetSocketAddress backend, FastCgiSettings settings, LongSupplier clock)
            throws FastCgiExchangeException {
        long id = IDS.incrementAndGet();
        SocketChannel channel = null;
        try {
            channel = BackendSockets.connect(backend, settings.connectTimeout(), settings.socketTimeout());
            FastCgiConnection connection = new FastCgiConnection(id, backend, settings, clock, channel);
            connection.logOpened();
            return connection;
        } catch (IOException e) {
            BackendSockets.closeQuietly(channel);
            throw new FastCgiExchangeException(FastCgiExchangeException.Stage.CONNECT, backend, id, false, false,
                    BackendSockets.connectProblem(e, settings.connectTimeout()), e);
        }
    }

    /**
     * Sends one request and hands its response to the sink.
     *
     * @param request the browser's request; its body, if any, must be of known length
     *     ({@link FastCgiClient} spools one that is not) and is read to exactly that length
     * @param params the CGI variables; their {@code CONTENT_LENGTH} must match the body
     * @param sink receives the response as it arrives
     * @return how the exchange went; unless {@link FastCgiExchangeResult#keptAlive() keptAlive}
     *     the connection is closed
     * @throws FastCgiExchangeException if the exchange failed; the connection is then closed
     * @throws IllegalArgumentException if the body's length is unknown or a variable does not fit
     *     in a record; nothing is sent and the connection stays usable
     * @throws IllegalStateException if the connection is closed
     */
    public FastCgiExchangeResult exchange(BackendRequest request, CgiParams params, ResponseSink sink)
            throws FastCgiExchangeException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sink, "sink");
        boolean hasBody = request.hasBody();
        if (hasBody && request.contentLength() < 0) {
            throw new IllegalArgumentException("the request body's length is unknown (expected: spooled first)");
        }
        byte[] head = head(params, !hasBody);
        boolean reused = begin();
        FastCgiRecordReader reader = new FastCgiRecordReader(in, REQUEST_ID);
        Response response = new Response(sink, reader, new StderrLog(this + " " + request.method() + " "
                + request.uriWithQuery(), settings.maxStderrBytes()));
        boolean headSent = false;
        try {
            if (reused) {
                checkIdle();
            }
            write(head);
            headSent = true;
            wire(">>>", "BEGIN_REQUEST, " + params.asMap().size() + " PARAMS" + (hasBody ? "" : ", STDIN end"));
            boolean bodySent = !hasBody || sendBody(request.body(), request.contentLength(), response);
            while (!response.ended) {
                response.accept(readRecord(reader));
            }
            boolean keep = settings.keepConn() && bodySent && reader.buffered() == 0;
            if (!keep) {
                close();
            }
            return new FastCgiExchangeResult(id(), reused, response.status, response.appStatus, keep);
        } catch (IOException e) {
            close();
            throw failure(e, reused, headSent, response);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        } finally {
            response.stderr.finish();
        }
    }

    /** The head as bytes, so variables FastCGI cannot carry are refused before anything is written. */
    private byte[] head(CgiParams params, boolean endStdin) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        bytes.writeBytes(FastCgiRecordWriter.encode(FastCgiRecord.beginRequest(REQUEST_ID,
                FastCgiRecord.ROLE_RESPONDER, settings.keepConn())));
        for (byte[] content : params.recordContents()) {
            FastCgiRecordWriter.append(bytes, FastCgiRecord.PARAMS, REQUEST_ID, content, 0, content.length);
        }
        bytes.writeBytes(FastCgiRecordWriter.encode(FastCgiRecord.empty(FastCgiRecord.PARAMS, REQUEST_ID)));
        if (endStdin) {
            bytes.writeBytes(FastCgiRecordWriter.encode(FastCgiRecord.empty(FastCgiRecord.STDIN, REQUEST_ID)));
        }
        return bytes.toByteArray();
    }

    /**
     * Fails unless the idle connection is still open and silent. A non-blocking read sees a FIN
     * (EOF), a reset, or bytes the application sent after the last {@code END_REQUEST}.
     */
    private void checkIdle() throws IdleCheckFailure {
        checkIdle(b -> "a byte (0x" + Integer.toHexString(b) + ")");
    }

    /**
     * Streams exactly {@code length} body bytes in {@code STDIN} records, then the empty one.
     *
     * @return {@code false} if the response ended before the body was sent whole
     */
    private boolean sendBody(InputStream body, long length, Response response) throws IOException {
        byte[] chunk = new byte[(int) Math.min(STDIN_CHUNK, length)];
        long left = length;
        while (left > 0) {
            int count = readBody(body, chunk, (int) Math.min(chunk.length, left), length - left, length);
            response.drain();
            if (response.ended) {
                return false;
            }
            try {
                FastCgiRecordWriter.write(out, FastCgiRecord.STDIN, REQUEST_ID, chunk, 0, count);
                out.flush();
            } catch (IOException e) {
                throw new IOException("writing the request body failed after " + (length - left) + " bytes: "
                        + BackendSockets.reason(e), e);
            }
            left -= count;
        }
        byte[] end = FastCgiRecordWriter.encode(FastCgiRecord.empty(FastCgiRecord.STDIN, REQUEST_ID));
        write(end);
        wire(">>>", "STDIN " + length + " bytes, STDIN end");
        return true;
    }

    /** Reads at least one body byte into the chunk; the body must not end before its length. */
    private static int readBody(InputStream body, byte[] chunk, int max, long sent, long length)
            throws ClientFailure {
        int count;
        try {
            do {
                count = body.read(chunk, 0, max);
            } while (count == 0);
        } catch (IOException e) {
            throw new ClientFailure("reading the request body failed: " + BackendSockets.reason(e), e);
        }
        if (count < 0) {
            throw new ClientFailure("the request body ended after " + sent + " of " + length + " bytes", null);
        }
        return count;
    }

    private void write(byte[] bytes) throws IOException {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new IOException("writing the request failed: " + BackendSockets.reason(e), e);
        }
    }

    private FastCgiRecord readRecord(FastCgiRecordReader reader) throws IOException {
        FastCgiRecord record;
        try {
            record = reader.next();
        } catch (SocketTimeoutException e) {
            throw new IOException("nothing from the backend for " + settings.socketTimeout().toMillis() + "ms "
                    + progress(reader), e);
        } catch (FastCgiProtocolException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("reading the response failed " + progress(reader) + ": "
                    + BackendSockets.reason(e), e);
        }
        if (record == null) {
            throw new EOFException("closed by the backend " + progress(reader));
        }
        if (WIRE.isLoggable(Level.FINEST)) {
            wire("<<<", record.describe());
        }
        return record;
    }

    private static String progress(FastCgiRecordReader reader) {
        long received = reader.consumed() + reader.buffered();
        return received == 0 ? "before any response byte" : "after " + received + " response bytes";
    }

    private FastCgiExchangeException failure(IOException e, boolean reused, boolean headSent, Response response) {
        FastCgiExchangeException.Stage stage;
        Throwable cause = e;
        if (e instanceof ClientFailure) {
            stage = FastCgiExchangeException.Stage.CLIENT;
            cause = e.getCause();
        } else if (e instanceof IdleCheckFailure || reused && !headSent) {
            stage = FastCgiExchangeException.Stage.STALE_CONNECTION;
            markStale();
            cause = e.getCause();
        } else if (response.started) {
            stage = FastCgiExchangeException.Stage.DURING_RESPONSE;
        } else {
            stage = FastCgiExchangeException.Stage.BEFORE_RESPONSE;
        }
        String problem = e instanceof FastCgiProtocolException ? "bad response: " + e.getMessage() : e.getMessage();
        if (stage == FastCgiExchangeException.Stage.BEFORE_RESPONSE && headSent) {
            problem += " (request sent)";
        }
        FastCgiExchangeException failure = new FastCgiExchangeException(stage, backend(), id(), reused,
                response.started, problem, cause);
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(failure.getMessage());
        }
        return failure;
    }

    private void wire(String direction, String what) {
        if (WIRE.isLoggable(Level.FINEST)) {
            WIRE.finest("fcgi#" + id() + " " + direction + " " + what);
        }
    }



    /** The response of the current exchange: checks its records and relays them to the sink. */
    private final class Response {
        private final ResponseSink sink;
        private final FastCgiRecordReader reader;
        private final StderrLog stderr;
        private final CgiHeaderBlock headerBlock = new CgiHeaderBlock(settings.maxHeaderBytes());
        private int status = -1;
        private int appStatus;
        private long stdoutBytes;
        private boolean stdoutEnded;
        private boolean started;
        private boolean ended;

        Response(ResponseSink sink, FastCgiRecordReader reader, StderrLog stderr) {
            this.sink = sink;
            this.reader = reader;
            this.stderr = stderr;
        }

        /** Reads the records already waiting, without blocking for more than the rest of one record. */
        void drain() throws IOException {
            while (!ended && (reader.buffered() > 0 || in.available() > 0)) {
                accept(readRecord(reader));
            }
        }

        /** Takes one record from the application. */
        void accept(FastCgiRecord record) throws IOException {
            switch (record.type()) {
                case FastCgiRecord.STDOUT -> stdout(record);
                case FastCgiRecord.STDERR -> stderr.accept(record.content());
                case FastCgiRecord.END_REQUEST -> end(record);
                default -> {
                    if (record.requestId() != 0) {
                        throw problem(record, "an application does not send " + FastCgiRecord.typeName(record.type())
                                + " records (expected: STDOUT, STDERR or END_REQUEST)");
                    }
                    // a management record (a GET_VALUES_RESULT or UNKNOWN_TYPE nobody asked for, or a
                    // type of a later FastCGI) carries nothing for this response; the wire log shows it
                }
            }
        }

        private void stdout(FastCgiRecord record) throws IOException {
            byte[] content = record.content();
            if (content.length == 0) {
                stdoutEnded = true;
                return;
            }
            if (stdoutEnded) {
                throw problem(record, "STDOUT after the end of the STDOUT stream");
            }
            stdoutBytes += content.length;
            int bodyStart = 0;
            if (!headerBlock.complete()) {
                try {
                    bodyStart = headerBlock.feed(content, 0, content.length);
                } catch (FastCgiProtocolException e) {
                    throw problem(record, e.getMessage());
                }
                if (bodyStart < 0) {
                    return;
                }
                sendHead();
            }
            int from = bodyStart;
            if (from < content.length) {
                relay(() -> sink.body(content, from, content.length - from));
            }
            if (reader.buffered() == 0 && in.available() == 0) {
                relay(sink::flush);
            }
        }

        private void sendHead() throws ClientFailure {
            status = headerBlock.status();
            started = true;
            relay(() -> sink.status(status, headerBlock.reason()));
            for (HeaderField header : headerBlock.headers()) {
                relay(() -> sink.header(header.name(), header.value()));
            }
            relay(sink::headersEnd);
        }

        private void end(FastCgiRecord record) throws IOException {
            int protocolStatus = record.protocolStatus();
            if (protocolStatus != FastCgiRecord.REQUEST_COMPLETE) {
                throw problem(record, "protocol status " + protocolStatus + " " + protocolStatusName(protocolStatus)
                        + " (expected: 0 FCGI_REQUEST_COMPLETE)");
            }
            if (!headerBlock.complete()) {
                throw problem(record, stdoutBytes == 0
                        ? "the request ended without any output (expected: a CGI header block on STDOUT)"
                        : "the request ended inside the CGI header block, after " + stdoutBytes + " bytes");
            }
            appStatus = record.appStatus();
            ended = true;
            stderr.finish();
            relay(sink::end);
        }

        private FastCgiProtocolException problem(FastCgiRecord record, String detail) {
            return FastCgiProtocolException.inRecord(FastCgiRecord.typeName(record.type()), reader.recordOffset(),
                    detail);
        }

        private void relay(SinkCall call) throws ClientFailure {
            try {
                call.run();
            } catch (IOException e) {
                throw new ClientFailure("the response sink failed: " + BackendSockets.reason(e), e);
            }
        }
    }

    private static String protocolStatusName(int protocolStatus) {
        return switch (protocolStatus) {
            case FastCgiRecord.CANT_MPX_CONN -> "FCGI_CANT_MPX_CONN";
            case FastCgiRecord.OVERLOADED -> "FCGI_OVERLOADED";
            case FastCgiRecord.UNKNOWN_ROLE -> "FCGI_UNKNOWN_ROLE";
            default -> "unknown";
        };
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

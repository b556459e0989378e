package dev.turnpike.hmux.endpoint;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ExchangeException;
import dev.turnpike.cdi.EndpointTrust;
import dev.turnpike.hmux.HmuxFrame;
import dev.turnpike.hmux.HmuxProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One web tier's connection to the endpoint: requests one after the other, each answered before
 * the next is read (resin-spec 1.4-1.7).
 * <pre>
 *   head ends with      the endpoint
 *   D (body)            bridges the request, streaming the body; drains what the server left unread
 *   Q / X (no body)     bridges the request
 *   Q / X without U     answers Q / X: a keep-alive ping
 *   P 0x102             answers the dispatch-configuration query
 *   end of stream       closes
 * </pre>
 * A response ends with {@code Q} when the web tier ended its request with {@code Q} (the
 * connection is kept), else with {@code X}, and the connection is closed. Broken framing closes
 * the connection at once, with nothing written: HMUX has no error frame that clients read
 * ({@code E} is never sent). A failure of the bridge before the response started becomes a 503
 * (this server cannot serve now, so a balancing web tier tries another); after it started, the
 * connection is closed without {@code Q}, which the web tier sees as the failure it is.
 */
final class EndpointConnection {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.hmux.endpoint");

    private final EndpointSettings settings;
    private final Bridge bridge;
    private final DispatchDirectory directory;
    private final EndpointTrust trust;
    private final IntSupplier cpuLoad;
    private final EndpointCounters counters;
    private FrameInput in;
    private FrameOutput out;

    EndpointConnection(EndpointSettings settings, Bridge bridge, DispatchDirectory directory, EndpointTrust trust,
            IntSupplier cpuLoad, EndpointCounters counters) {
        this.settings = settings;
        this.bridge = bridge;
        this.directory = directory;
        this.trust = trust;
        this.cpuLoad = cpuLoad;
        this.counters = counters;
    }

    /** Serves a socket until either side ends the connection, then closes it. Never throws. */
    void run(Socket socket) {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        try {
            socket.setTcpNoDelay(true);
            serve(socket.getInputStream(), socket.getOutputStream(), millis -> {
                try {
                    socket.setSoTimeout(millis);
                } catch (SocketException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (HmuxProtocolException e) {
            counters.protocolErrors.increment();
            LOG.warning(() -> "HMUX endpoint closes the connection from " + peer + ": " + e.getMessage());
        } catch (SocketTimeoutException e) {
            LOG.fine(() -> "HMUX endpoint closes the connection from " + peer + ": nothing arrived in time");
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.FINE, e, () -> "HMUX endpoint lost the connection from " + peer);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "HMUX endpoint failed serving " + peer + "; the connection is closed");
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.FINEST, "closing", e);
            }
        }
    }

    /**
     * Serves the requests of one connection's streams until the web tier ends it, asks to close it,
     * or breaks the framing; the caller closes the connection.
     *
     * @param timeout sets the read timeout, in milliseconds, for the reads that follow
     * @throws HmuxProtocolException if the web tier broke the framing
     * @throws IOException if the connection failed or a read timed out
     */
    void serve(InputStream input, OutputStream output, IntConsumer timeout) throws IOException {
        in = new FrameInput(input, settings.limits());
        out = new FrameOutput(output);
        boolean open = true;
        while (open) {
            timeout.accept((int) settings.keepAliveTimeout().toMillis());
            IncomingHead head = new HeadReader(in, out).read();
            timeout.accept((int) settings.socketTimeout().toMillis());
            open = serve(head);
        }
    }

    /** Serves what the head started; {@code false} when the connection is to be closed. */
    private boolean serve(IncomingHead head) throws IOException {
        switch (head.end()) {
            case EOF:
                return false;
            case DISPATCH:
                counters.dispatchQueries.increment();
                return dispatchQuery();
            default:
                if (!head.hasRequest()) {
                    counters.pings.increment();
                    return finish(head.end(), true);
                }
                counters.requests.increment();
                return request(head);
        }
    }

    private boolean request(IncomingHead head) throws IOException {
        BodyStream body = head.end() == IncomingHead.End.BODY ? new BodyStream(in, out, head.firstData()) : null;
        ResponseWriter response = new ResponseWriter(out, settings.sessions(), cpuLoad);
        try {
            BackendRequest request = BridgedRequests.of(head, body, settings.sessions(), trust);
            bridge.exchange(request, response);
        } catch (BridgedRequests.BadRequest e) {
            LOG.fine(() -> "HMUX endpoint refuses a request: " + e.getMessage());
            response.error(400, e.getMessage());
        } catch (IllegalArgumentException e) {
            if (response.committed()) {
                throw e;
            }
            response.error(400, e.getMessage());
        } catch (ExchangeException e) {
            if (e.stage() == ExchangeException.Stage.CLIENT) {
                if (e.getCause() instanceof HmuxProtocolException) {
                    throw (HmuxProtocolException) e.getCause();
                }
                throw new IOException(e.getMessage(), e);
            }
            if (response.committed()) {
                LOG.warning(() -> "HMUX endpoint: the response to " + head.method() + " " + head.uri()
                        + " broke off: " + e.getMessage());
                return false;
            }
            counters.bridgeFailures.increment();
            LOG.warning(() -> "HMUX endpoint could not serve " + head.method() + " " + head.uri() + ": "
                    + e.getMessage());
            response.error(503, "TPH0004 this server could not serve the request: " + e.getMessage());
        }
        if (body == null) {
            return finish(head.end(), true);
        }
        body.drain();
        return finish(body.end(), body.keepAlive());
    }

    /** Ends the answer to a request that ended as {@code end}: {@code Q} to keep the connection, else {@code X}. */
    private boolean finish(IncomingHead.End end, boolean keepAlive) throws IOException {
        if (end == IncomingHead.End.EOF) {
            return false;
        }
        boolean keep = keepAlive && end == IncomingHead.End.QUIT;
        out.write(keep ? new HmuxFrame.Quit() : new HmuxFrame.Exit());
        out.flush();
        return keep;
    }

    /**
     * The dispatch-configuration exchange (resin-spec 5.1.1): {@code e} (etag), {@code h} (host),
     * then {@code q} asks for the answer; the web tier's {@code Q} or {@code X} ends it.
     */
    private boolean dispatchQuery() throws IOException {
        String host = "";
        String etag = null;
        while (true) {
            HmuxFrame frame = in.next();
            if (frame == null) {
                return false;
            }
            if (frame instanceof HmuxFrame.DispatchHost) {
                host = ((HmuxFrame.DispatchHost) frame).value();
            } else if (frame instanceof HmuxFrame.DispatchEtag) {
                etag = ((HmuxFrame.DispatchEtag) frame).value();
            } else if (frame instanceof HmuxFrame.DispatchQuery) {
                out.write(new HmuxFrame.Channel(2));
                for (HmuxFrame answer : directory.answer(host, etag)) {
                    out.write(answer);
                }
                out.flush();
            } else if (frame instanceof HmuxFrame.Quit) {
                return finish(IncomingHead.End.QUIT, true);
            } else if (frame instanceof HmuxFrame.Exit) {
                return finish(IncomingHead.End.EXIT, false);
            }
        }
    }
}

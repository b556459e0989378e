package dev.turnpike.hmux.endpoint;

import dev.turnpike.backend.HeaderField;
import dev.turnpike.backend.ResponseSink;
import dev.turnpike.hmux.HmuxFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Writes the local server's response to the web tier as a Resin 4 backend does (resin-spec
 * 1.6.1):
 * <pre>
 *   s "200 OK"                      status and reason
 *   H "Cache-Control"  S value      where Resin writes the caching it decided (private, no-cache)
 *   M "cpu-load"  S "250"           1000 x this machine's load, for the web tier's balancer
 *   H name  S value ...             the headers in the order the server sent them, except:
 *   H "Content-Length"  S n         the length, when the server gave one
 *   H "Set-Cookie"  S value ...     the cookies, session ids carrying this server's code
 *   H "Content-Type"  S type        the type
 *   G                               end of the headers
 *   D bytes ...  (f after a flush)  the body, in chunks of at most 8 KiB
 * </pre>
 * The {@code Q} or {@code X} that ends the response is the connection's to write, once the
 * request has ended. Headers are held until {@link #headersEnd()} to put them in this order;
 * {@code Location} gets this server's code in its {@code ;jsessionid=} too.
 */
final class ResponseWriter implements ResponseSink {

    /** The largest {@code D} frame written: the size of Resin's response packets. */
    static final int CHUNK = 8192;

    private final FrameOutput out;
    private final SessionIds sessions;
    private final IntSupplier cpuLoad;
    private final List<HeaderField> headers = new ArrayList<>();
    private final List<HeaderField> cookies = new ArrayList<>();
    private final List<HeaderField> caching = new ArrayList<>();
    private String status;
    private String contentLength;
    private String contentType;
    private boolean committed;

    ResponseWriter(FrameOutput out, SessionIds sessions, IntSupplier cpuLoad) {
        this.out = out;
        this.sessions = sessions;
        this.cpuLoad = cpuLoad;
    }

    @Override
    public void status(int code, String reason) {
        String text = reason == null || reason.isBlank() ? Reasons.of(code) : reason.strip();
        status = code + " " + text;
    }

    @Override
    public void header(String name, String value) {
        if (name.equalsIgnoreCase("Content-Length")) {
            contentLength = value;
        } else if (name.equalsIgnoreCase("Content-Type")) {
            contentType = value;
        } else if (name.equalsIgnoreCase("Set-Cookie") || name.equalsIgnoreCase("Set-Cookie2")) {
            cookies.add(new HeaderField(name, sessions.leavingCookie(value)));
        } else if (name.equalsIgnoreCase("Cache-Control")) {
            caching.add(new HeaderField(name, value));
        } else if (name.equalsIgnoreCase("Location")) {
            headers.add(new HeaderField(name, sessions.leavingUrl(value)));
        } else {
            headers.add(new HeaderField(name, value));
        }
    }

    @Override
    public void headersEnd() throws IOException {
        committed = true;
        out.write(new HmuxFrame.Status(status));
        for (HeaderField field : caching) {
            pair(field.name(), field.value());
        }
        out.write(new HmuxFrame.MetaHeader("cpu-load"));
        out.write(new HmuxFrame.HeaderValue(Integer.toString(cpuLoad.getAsInt())));
        for (HeaderField field : headers) {
            pair(field.name(), field.value());
        }
        if (contentLength != null) {
            pair("Content-Length", contentLength);
        }
        for (HeaderField cookie : cookies) {
            pair(cookie.name(), cookie.value());
        }
        if (contentType != null) {
            pair("Content-Type", contentType);
        }
        out.write(new HmuxFrame.SendHeaders());
    }

    @Override
    public void body(byte[] bytes, int offset, int length) throws IOException {
        for (int at = offset; at < offset + length; at += CHUNK) {
            out.data(bytes, at, Math.min(CHUNK, offset + length - at));
        }
    }

    @Override
    public void flush() throws IOException {
        out.write(new HmuxFrame.Flush());
        out.flush();
    }

    @Override
    public void end() {
        // the connection writes Q or X once the request has ended
    }

    /** Whether the status has gone to the web tier; after that no other response can be sent. */
    boolean committed() {
        return committed;
    }

    /** A whole plain-text response of the endpoint's own, e.g. for a request it cannot bridge. */
    void error(int code, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        status(code, null);
        header("Content-Length", Integer.toString(body.length));
        header("Content-Type", "text/plain; charset=utf-8");
        headersEnd();
        body(body, 0, body.length);
    }

    private void pair(String name, String value) throws IOException {
        out.write(new HmuxFrame.Header(name));
        out.write(new HmuxFrame.HeaderValue(value));
    }
}

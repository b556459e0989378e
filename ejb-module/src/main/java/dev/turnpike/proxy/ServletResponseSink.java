package dev.turnpike.proxy;

import dev.turnpike.backend.ResponseSink;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a backend's response to the servlet response as it arrives. Headers that describe the
 * backend's connection rather than the response (resin-spec 1.6: Resin sends none over HMUX, an
 * HTTP backend may) are left to the servlet container, which frames the browser's connection
 * itself; {@code Content-Length} is passed on so that the container need not chunk.
 */
final class ServletResponseSink implements ResponseSink {

    private static final Set<String> CONNECTION_HEADERS = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade");

    private final HttpServletResponse response;
    private ServletOutputStream out;

    ServletResponseSink(HttpServletResponse response) {
        this.response = response;
    }

    @Override
    public void status(int code, String reason) {
        response.setStatus(code);
    }

    @Override
    public void header(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (CONNECTION_HEADERS.contains(lower)) {
            return;
        }
        if (lower.equals("content-length")) {
            try {
                response.setContentLengthLong(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                // a length that is not a number is dropped; the container frames the body itself
            }
        } else if (lower.equals("content-type")) {
            response.setContentType(value);
        } else {
            response.addHeader(name, value);
        }
    }

    @Override
    public void body(byte[] bytes, int offset, int length) throws IOException {
        if (out == null) {
            out = response.getOutputStream();
        }
        out.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        response.flushBuffer();
    }

    @Override
    public void end() {
        // the container completes the response when the request ends
    }
}

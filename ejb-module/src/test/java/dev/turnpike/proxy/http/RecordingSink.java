package dev.turnpike.proxy.http;

import dev.turnpike.backend.ResponseSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A response sink that writes down the head calls ({@code status 200 OK},
 * {@code header Content-Type: text/plain}, {@code headersEnd}, {@code end}) and keeps the body,
 * for responses small enough to hold.
 */
class RecordingSink implements ResponseSink {

    final List<String> events = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @Override
    public void status(int code, String reason) throws IOException {
        events.add("status " + code + " " + reason);
    }

    @Override
    public void header(String name, String value) throws IOException {
        events.add("header " + name + ": " + value);
    }

    @Override
    public void headersEnd() throws IOException {
        events.add("headersEnd");
    }

    @Override
    public void body(byte[] bytes, int offset, int length) throws IOException {
        body.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
    }

    @Override
    public void end() throws IOException {
        events.add("end");
    }

    String body() {
        return body.toString(StandardCharsets.ISO_8859_1);
    }

    /** The values the backend echoed for a header, lower-case name, from an {@link EchoBackend} body. */
    List<String> echoed(String name) {
        List<String> values = new ArrayList<>();
        for (String line : body().split("\n")) {
            if (line.startsWith(name + ": ")) {
                values.add(line.substring(name.length() + 2));
            }
        }
        return values;
    }

    /** The one value the backend echoed for a header, or {@code null}. */
    String echoedOne(String name) {
        List<String> values = echoed(name);
        if (values.size() > 1) {
            throw new AssertionError(name + " echoed " + values.size() + " times: " + values);
        }
        return values.isEmpty() ? null : values.get(0);
    }
}

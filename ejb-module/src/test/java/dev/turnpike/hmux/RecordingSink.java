package dev.turnpike.hmux;

import dev.turnpike.backend.ResponseSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A response sink that writes down every call as one line ({@code status 200 OK},
 * {@code header Content-Type: text/plain}, {@code body 5}...) into an event list it may share with
 * a {@link RecordingBody}, so a test sees how response and request body interleaved.
 */
class RecordingSink implements ResponseSink {

    private final List<String> events;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int chunks;

    RecordingSink() {
        this(Collections.synchronizedList(new ArrayList<>()));
    }

    RecordingSink(List<String> events) {
        this.events = events;
    }

    @Override
    public void status(int code, String reason) throws IOException {
        events.add("status " + code + " " + reason);
    }

    @Override
    public void header(String name, String value) throws IOException {
        events.add("header " + name + ": " + value);
    }

    @Override
    public void metaHeader(String name, String value) throws IOException {
        events.add("meta " + name + ": " + value);
    }

    @Override
    public void headersEnd() throws IOException {
        events.add("headersEnd");
    }

    @Override
    public void body(byte[] bytes, int offset, int length) throws IOException {
        events.add("body " + length);
        body.write(bytes, offset, length);
        chunks++;
    }

    @Override
    public void flush() throws IOException {
        events.add("flush");
    }

    @Override
    public void end() throws IOException {
        events.add("end");
    }

    List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    byte[] bodyBytes() {
        return body.toByteArray();
    }

    String bodyText() {
        return body.toString(StandardCharsets.UTF_8);
    }

    int chunks() {
        return chunks;
    }
}

package dev.turnpike.proxy.fastcgi;

import dev.turnpike.backend.ResponseSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response sink that writes down the status, the headers and the calls in order
 * ({@code status 200 OK}, {@code header X: y}, {@code headersEnd}, {@code body}, {@code end}; body
 * pieces and flushes are not listed one by one) and keeps the body.
 */
class RecordingSink implements ResponseSink {

    private final List<String> events = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = -1;

    @Override
    public void status(int code, String reason) {
        status = code;
        events.add("status " + code + " " + reason);
    }

    @Override
    public void header(String name, String value) {
        events.add("header " + name + ": " + value);
    }

    @Override
    public void headersEnd() {
        events.add("headersEnd");
    }

    @Override
    public void body(byte[] bytes, int offset, int length) throws IOException {
        if (body.size() == 0) {
            events.add("body");
        }
        body.write(bytes, offset, length);
    }

    @Override
    public void flush() {
    }

    @Override
    public void end() {
        events.add("end");
    }

    List<String> events() {
        return events;
    }

    int status() {
        return status;
    }

    String bodyText() {
        return body.toString(StandardCharsets.UTF_8);
    }

    /** The value of the first header of that name, or {@code null}. */
    String header(String name) {
        String prefix = "header " + name.toLowerCase() + ": ";
        for (String event : events) {
            if (event.toLowerCase().startsWith(prefix)) {
                return event.substring(prefix.length());
            }
        }
        return null;
    }

    /** The body's {@code KEY=value} lines as a map, as the test scripts print them. */
    Map<String, String> lines() {
        Map<String, String> values = new TreeMap<>();
        for (String line : bodyText().split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }
}

package dev.turnpike.hmux;

import java.io.ByteArrayInputStream;
import java.util.List;

/** A request body that writes each read into an event list ({@code read 8192}, {@code read end}). */
final class RecordingBody extends ByteArrayInputStream {

    private final List<String> events;

    RecordingBody(byte[] bytes, List<String> events) {
        super(bytes);
        this.events = events;
    }

    @Override
    public synchronized int read(byte[] bytes, int offset, int length) {
        int count = super.read(bytes, offset, length);
        events.add(count < 0 ? "read end" : "read " + count);
        return count;
    }
}

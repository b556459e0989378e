package dev.turnpike.proxy.http;

import dev.turnpike.backend.HeaderSyntax;
import dev.turnpike.backend.ResponseSink;
import java.io.EOFException;
import java.io.IOException;

/**
 * Relays a response body from the backend to the sink as it arrives, by its
 * {@link ResponseFraming}, through one buffer: memory stays bounded whatever the body's size.
 *
 * <p>Chunked bodies are decoded: each chunk-size line is hex digits, optionally followed by
 * extensions after {@code ;} (ignored), within {@link #MAX_CHUNK_LINE} bytes; the data must be
 * followed by CRLF; the trailer block after the last chunk is checked against the head limits and
 * discarded, since the browser's response has already committed its headers.
 *
 * <p>HTTP/1.1 has no flush signal, so the relay makes one: when the body has reached the sink and
 * no more bytes are waiting, it calls {@link ResponseSink#flush()} before blocking on the next
 * read, so a backend streaming slowly (events, progress pages) reaches the browser as it sends.
 */
final class ResponseBody {

    /** Most bytes in a chunk-size line: 16 hex digits and room for modest extensions. */
    static final int MAX_CHUNK_LINE = 1024;

    private final HttpInput in;
    private final HttpHeadLimits limits;
    private final ResponseSink sink;
    private final byte[] buffer;
    private boolean unflushed;

    /**
     * @param sink receives the body; its failures are passed on as they are
     * @param bufferSize most bytes per {@link ResponseSink#body} call
     */
    ResponseBody(HttpInput in, HttpHeadLimits limits, ResponseSink sink, int bufferSize) {
        this.in = in;
        this.limits = limits;
        this.sink = sink;
        this.buffer = new byte[bufferSize];
    }

    /**
     * Relays the whole body.
     *
     * @throws EOFException if the backend closed before the end of a delimited body
     * @throws HttpProtocolException if the chunked framing is broken
     */
    void relay(ResponseFraming framing) throws IOException {
        switch (framing.kind()) {
            case NONE -> {
            }
            case LENGTH -> relayLength(framing.length());
            case CHUNKED -> relayChunked();
            case UNTIL_CLOSE -> relayUntilClose();
        }
    }

    private void relayLength(long length) throws IOException {
        long remaining = length;
        while (remaining > 0) {
            int count = read((int) Math.min(remaining, buffer.length));
            if (count < 0) {
                throw new EOFException("closed by the backend " + in.progress() + ", " + (length - remaining)
                        + " of " + length + " body bytes");
            }
            sink.body(buffer, 0, count);
            remaining -= count;
        }
    }

    private void relayChunked() throws IOException {
        long total = 0;
        while (true) {
            long size = chunkSize(in.readLine(MAX_CHUNK_LINE, HttpProtocolException.BAD_CHUNK, "chunk-size line"));
            if (size == 0) {
                HttpHeadParser.skipTrailers(in, limits);
                return;
            }
            long remaining = size;
            while (remaining > 0) {
                int count = read((int) Math.min(remaining, buffer.length));
                if (count < 0) {
                    throw new EOFException("closed by the backend " + in.progress() + " inside a chunk, "
                            + (size - remaining) + " of " + size + " bytes, after " + total + " body bytes");
                }
                sink.body(buffer, 0, count);
                remaining -= count;
            }
            total += size;
            try {
                in.readLine(0, HttpProtocolException.BAD_CHUNK, "end of a chunk");
            } catch (HttpProtocolException e) {
                if (!e.code().equals(HttpProtocolException.BAD_CHUNK)) {
                    throw e;
                }
                throw new HttpProtocolException(HttpProtocolException.BAD_CHUNK, "chunk of " + size
                        + " bytes not followed by CRLF (expected: CRLF after the chunk's data)");
            }
        }
    }

    private void relayUntilClose() throws IOException {
        int count;
        while ((count = read(buffer.length)) >= 0) {
            sink.body(buffer, 0, count);
        }
    }

    /** Reads into the buffer, flushing the sink first if the read would wait. */
    private int read(int length) throws IOException {
        if (unflushed && !in.ready()) {
            sink.flush();
            unflushed = false;
        }
        int count = in.read(buffer, 0, length);
        unflushed |= count > 0;
        return count;
    }

    /** The size a chunk-size line gives, extensions ignored. */
    static long chunkSize(String line) throws HttpProtocolException {
        int end = 0;
        while (end < line.length() && isHexDigit(line.charAt(end))) {
            end++;
        }
        String rest = line.substring(end);
        String afterSpaces = rest.stripLeading();
        boolean wellFormed = end > 0 && end <= 15 && (rest.isEmpty() || afterSpaces.startsWith(";"))
                && HeaderSyntax.controlAt(rest) < 0;
        if (!wellFormed) {
            throw new HttpProtocolException(HttpProtocolException.BAD_CHUNK, "chunk-size line \""
                    + HttpHeadParser.shown(line) + "\" (expected: hex digits, at most 15, then optional ;extensions)");
        }
        return Long.parseLong(line.substring(0, end), 16);
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}

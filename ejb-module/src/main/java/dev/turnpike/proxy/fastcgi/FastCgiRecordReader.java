package dev.turnpike.proxy.fastcgi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads the records of one request from a FastCGI byte stream, checking each header before its
 * content is awaited:
 * <pre>
 *   version     must be 1
 *   request id  the reader's request, or 0 for a management record (GET_VALUES,
 *               GET_VALUES_RESULT, UNKNOWN_TYPE, or a type FastCGI 1.0 does not name);
 *               anything else belongs to a request this connection never began
 *   length      END_REQUEST, BEGIN_REQUEST and UNKNOWN_TYPE carry exactly 8 bytes
 * </pre>
 * The header can promise at most 65535 content and 255 padding bytes, so the reader never holds
 * more than one record of that size plus its read buffer, whatever the peer sends. A record cut
 * short by the end of the stream is an error; the end of the stream between records is not
 * (the caller decides whether it was expected). Types are not judged here: a record of a type the
 * reader's owner does not expect, known or not, is handed out for it to decide.
 *
 * <p>Any violation throws a {@link FastCgiProtocolException} naming the record and its offset.
 * Timeouts and I/O failures of the stream pass through unchanged. Not thread-safe.
 */
public final class FastCgiRecordReader {

    private static final int BUFFER = 16384;

    private final InputStream in;
    private final int requestId;
    private final byte[] buffer = new byte[BUFFER];
    private int start;
    private int end;
    private long consumed;
    private long recordOffset = -1;

    /**
     * @param in the stream, read in blocks of up to 16 KiB
     * @param requestId the id of the only request expected on it, 1-65535
     */
    public FastCgiRecordReader(InputStream in, int requestId) {
        this.in = Objects.requireNonNull(in, "in");
        if (requestId < 1 || requestId > 0xffff) {
            throw new IllegalArgumentException("requestId: " + requestId + " (expected: 1-65535)");
        }
        this.requestId = requestId;
    }

    /**
     * The next record, blocking until it has fully arrived.
     *
     * @return the record, or {@code null} if the stream ended before a new record started
     * @throws FastCgiProtocolException if the record is malformed or cut short
     * @throws IOException if reading the stream failed
     */
    public FastCgiRecord next() throws IOException {
        if (!fill(1)) {
            return null;
        }
        recordOffset = consumed;
        if (!fill(FastCgiRecord.HEADER_LENGTH)) {
            throw new FastCgiProtocolException(recordOffset, "record at offset " + recordOffset + ": stream ended after "
                    + (end - start) + " of " + FastCgiRecord.HEADER_LENGTH + " header bytes");
        }
        int version = buffer[start] & 0xff;
        int type = buffer[start + 1] & 0xff;
        int id = (buffer[start + 2] & 0xff) << 8 | buffer[start + 3] & 0xff;
        int contentLength = (buffer[start + 4] & 0xff) << 8 | buffer[start + 5] & 0xff;
        int paddingLength = buffer[start + 6] & 0xff;
        String name = FastCgiRecord.typeName(type);
        if (version != FastCgiRecord.VERSION) {
            throw problem(name, "version " + version + " (expected: " + FastCgiRecord.VERSION + ")");
        }
        if (id != requestId && !(id == 0 && FastCgiRecord.managementType(type))) {
            throw problem(name, "request id " + id + " (expected: " + requestId
                    + (FastCgiRecord.managementType(type) ? " or 0" : "") + ")");
        }
        if ((type == FastCgiRecord.END_REQUEST || type == FastCgiRecord.BEGIN_REQUEST
                || type == FastCgiRecord.UNKNOWN_TYPE) && contentLength != 8) {
            throw problem(name, "content length " + contentLength + " (expected: 8)");
        }
        consume(FastCgiRecord.HEADER_LENGTH);
        byte[] content = new byte[contentLength];
        int copied = 0;
        while (copied < contentLength) {
            if (!fill(1)) {
                throw problem(name, "stream ended after " + copied + " of " + contentLength + " content bytes");
            }
            int count = Math.min(end - start, contentLength - copied);
            System.arraycopy(buffer, start, content, copied, count);
            consume(count);
            copied += count;
        }
        for (int skipped = 0; skipped < paddingLength; ) {
            if (!fill(1)) {
                throw problem(name, "stream ended after " + skipped + " of " + paddingLength + " padding bytes");
            }
            int count = Math.min(end - start, paddingLength - skipped);
            consume(count);
            skipped += count;
        }
        return new FastCgiRecord(type, id, content);
    }

    /** Bytes read from the stream and not yet handed out in a record: more than 0 after the last record means stray bytes. */
    public int buffered() {
        return end - start;
    }

    /** Bytes of whole records handed out so far. */
    public long consumed() {
        return consumed;
    }

    /** The offset of the header of the record read last (or being read), -1 before the first. */
    public long recordOffset() {
        return recordOffset;
    }

    /** Makes at least {@code count} (at most 8) bytes available; {@code false} if the stream ended first. */
    private boolean fill(int count) throws IOException {
        if (end - start >= count) {
            return true;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end < count) {
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                return false;
            }
            end += read;
        }
        return true;
    }

    private void consume(int count) {
        start += count;
        consumed += count;
    }

    private FastCgiProtocolException problem(String record, String detail) {
        return FastCgiProtocolException.inRecord(record, recordOffset, detail);
    }
}

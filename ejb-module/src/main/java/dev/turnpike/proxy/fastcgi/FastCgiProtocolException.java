package dev.turnpike.proxy.fastcgi;

import java.io.IOException;

/**
 * The FastCGI application broke the record framing, the protocol or a limit: a record of another
 * version or request, a record cut short by the end of the stream, an {@code END_REQUEST} of the
 * wrong length, a CGI header block that is malformed or too large. The message names where in the
 * response stream it happened and what was wrong, e.g.
 * {@code STDOUT record at offset 4104: version 2 (expected: 1)}. It is meant for the log; the
 * connection that produced it cannot be used any more.
 */
public final class FastCgiProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    FastCgiProtocolException(long offset, String message) {
        super(message);
        this.offset = offset;
    }

    /** A problem with the record whose header starts at the offset. */
    static FastCgiProtocolException inRecord(String record, long offset, String problem) {
        return new FastCgiProtocolException(offset, record + " record at offset " + offset + ": " + problem);
    }

    /** The offset in the response stream of the record at fault, or -1 if the problem is not one record's. */
    public long offset() {
        return offset;
    }
}

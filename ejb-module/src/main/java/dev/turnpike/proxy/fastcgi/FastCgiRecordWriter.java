package dev.turnpike.proxy.fastcgi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes FastCGI records: the 8-byte header, the content and zero padding up to a multiple of 8
 * bytes, which the specification recommends so the receiver's copies stay aligned. Stateless.
 */
public final class FastCgiRecordWriter {

    private static final byte[] PADDING = new byte[8];

    private FastCgiRecordWriter() {
    }

    /** The record as bytes. */
    public static byte[] encode(FastCgiRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(FastCgiRecord.HEADER_LENGTH
                + record.content().length + 8);
        append(bytes, record.type(), record.requestId(), record.content(), 0, record.content().length);
        return bytes.toByteArray();
    }

    /** Appends one record whose content is a slice of an array. */
    public static void append(ByteArrayOutputStream out, int type, int requestId, byte[] content, int offset,
            int length) {
        out.writeBytes(header(type, requestId, length));
        out.write(content, offset, length);
        out.write(PADDING, 0, FastCgiRecord.padding(length));
    }

    /** Writes one record whose content is a slice of an array, without copying the content. */
    public static void write(OutputStream out, int type, int requestId, byte[] content, int offset, int length)
            throws IOException {
        out.write(header(type, requestId, length));
        out.write(content, offset, length);
        out.write(PADDING, 0, FastCgiRecord.padding(length));
    }

    private static byte[] header(int type, int requestId, int length) {
        if (length < 0 || length > FastCgiRecord.MAX_CONTENT) {
            throw new IllegalArgumentException("content: " + length + " bytes (expected: 0-"
                    + FastCgiRecord.MAX_CONTENT + ")");
        }
        return new byte[] {FastCgiRecord.VERSION, (byte) type, (byte) (requestId >> 8), (byte) requestId,
            (byte) (length >> 8), (byte) length, (byte) FastCgiRecord.padding(length), 0};
    }
}

package dev.turnpike.proxy.fastcgi;

import java.util.Arrays;
import java.util.Objects;

/**
 * One FastCGI 1.0 record: a type, the request it belongs to and up to 65535 content bytes. On the
 * wire it is an 8-byte header, the content and 0-255 padding bytes:
 * <pre>
 *   version(1)=1  type(1)  requestId(2)  contentLength(2)  paddingLength(1)  reserved(1)
 *   content[contentLength]  padding[paddingLength]
 * </pre>
 * Request id 0 is the management channel ({@code GET_VALUES}, {@code GET_VALUES_RESULT},
 * {@code UNKNOWN_TYPE}); every other record belongs to the request with its id. The streams
 * ({@code PARAMS}, {@code STDIN}, {@code STDOUT}, {@code STDERR}, {@code DATA}) end with a record of
 * empty content.
 *
 * <p>The content array is owned by the record once built; callers do not change it.
 *
 * @param type the record type, 0-255; the constants below are those FastCGI 1.0 names
 * @param requestId the request id, 0-65535
 * @param content the content, at most {@link #MAX_CONTENT} bytes
 */
public record FastCgiRecord(int type, int requestId, byte[] content) {

    /** The protocol version every record carries. */
    public static final int VERSION = 1;
    /** Bytes of a record header. */
    public static final int HEADER_LENGTH = 8;
    /** Most content bytes of one record. */
    public static final int MAX_CONTENT = 0xffff;

    public static final int BEGIN_REQUEST = 1;
    public static final int ABORT_REQUEST = 2;
    public static final int END_REQUEST = 3;
    public static final int PARAMS = 4;
    public static final int STDIN = 5;
    public static final int STDOUT = 6;
    public static final int STDERR = 7;
    public static final int DATA = 8;
    public static final int GET_VALUES = 9;
    public static final int GET_VALUES_RESULT = 10;
    public static final int UNKNOWN_TYPE = 11;

    /** The role of a web server's ordinary request: the application answers it. */
    public static final int ROLE_RESPONDER = 1;
    /** {@code BEGIN_REQUEST} flag: the application keeps the connection open after the request. */
    public static final int FLAG_KEEP_CONN = 1;

    /** {@code END_REQUEST} protocol status: the request completed normally. */
    public static final int REQUEST_COMPLETE = 0;
    /** {@code END_REQUEST} protocol status: the application does not multiplex requests on one connection. */
    public static final int CANT_MPX_CONN = 1;
    /** {@code END_REQUEST} protocol status: the application is out of some resource, e.g. workers. */
    public static final int OVERLOADED = 2;
    /** {@code END_REQUEST} protocol status: the application does not play the requested role. */
    public static final int UNKNOWN_ROLE = 3;

    private static final byte[] EMPTY = new byte[0];
    private static final String[] NAMES = {null, "BEGIN_REQUEST", "ABORT_REQUEST", "END_REQUEST", "PARAMS", "STDIN",
        "STDOUT", "STDERR", "DATA", "GET_VALUES", "GET_VALUES_RESULT", "UNKNOWN_TYPE"};

    public FastCgiRecord {
        if (type < 0 || type > 0xff) {
            throw new IllegalArgumentException("type: " + type + " (expected: 0-255)");
        }
        if (requestId < 0 || requestId > 0xffff) {
            throw new IllegalArgumentException("requestId: " + requestId + " (expected: 0-65535)");
        }
        Objects.requireNonNull(content, "content");
        if (content.length > MAX_CONTENT) {
            throw new IllegalArgumentException("content: " + content.length + " bytes (expected: at most "
                    + MAX_CONTENT + ")");
        }
    }

    /** A record without content, e.g. the end of a stream. */
    public static FastCgiRecord empty(int type, int requestId) {
        return new FastCgiRecord(type, requestId, EMPTY);
    }

    /**
     * {@code BEGIN_REQUEST}: {@code role(2) flags(1) reserved(5)}.
     *
     * @param keepConn whether to ask the application to keep the connection after this request
     */
    public static FastCgiRecord beginRequest(int requestId, int role, boolean keepConn) {
        return new FastCgiRecord(BEGIN_REQUEST, requestId, new byte[] {(byte) (role >> 8), (byte) role,
            (byte) (keepConn ? FLAG_KEEP_CONN : 0), 0, 0, 0, 0, 0});
    }

    /** {@code END_REQUEST}: {@code appStatus(4) protocolStatus(1) reserved(3)}. */
    public static FastCgiRecord endRequest(int requestId, int appStatus, int protocolStatus) {
        return new FastCgiRecord(END_REQUEST, requestId, new byte[] {(byte) (appStatus >>> 24),
            (byte) (appStatus >>> 16), (byte) (appStatus >>> 8), (byte) appStatus, (byte) protocolStatus, 0, 0, 0});
    }

    /** The name of a record type, e.g. {@code STDOUT}, or {@code type 42} for one FastCGI 1.0 does not name. */
    public static String typeName(int type) {
        return type > 0 && type < NAMES.length ? NAMES[type] : "type " + type;
    }

    /** Whether FastCGI 1.0 defines the type. */
    public static boolean knownType(int type) {
        return type > 0 && type < NAMES.length;
    }

    /** Whether a record of this type belongs on the management channel (request id 0). */
    public static boolean managementType(int type) {
        return type == GET_VALUES || type == GET_VALUES_RESULT || type == UNKNOWN_TYPE || !knownType(type);
    }

    /** The padding that brings content of this length to a multiple of 8, as the specification recommends. */
    public static int padding(int contentLength) {
        return -contentLength & 7;
    }

    /** The role of a {@code BEGIN_REQUEST} record. */
    public int role() {
        requireType(BEGIN_REQUEST, 8);
        return (content[0] & 0xff) << 8 | content[1] & 0xff;
    }

    /** The flags of a {@code BEGIN_REQUEST} record. */
    public int flags() {
        requireType(BEGIN_REQUEST, 8);
        return content[2] & 0xff;
    }

    /** The application's exit status in an {@code END_REQUEST} record. */
    public int appStatus() {
        requireType(END_REQUEST, 8);
        return (content[0] & 0xff) << 24 | (content[1] & 0xff) << 16 | (content[2] & 0xff) << 8 | content[3] & 0xff;
    }

    /** The protocol status of an {@code END_REQUEST} record, e.g. {@link #REQUEST_COMPLETE}. */
    public int protocolStatus() {
        requireType(END_REQUEST, 8);
        return content[4] & 0xff;
    }

    /** The record as log lines show it, e.g. {@code STDOUT #1 (1024 bytes)}. */
    public String describe() {
        return typeName(type) + " #" + requestId + " (" + content.length + " bytes)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FastCgiRecord record && record.type == type && record.requestId == requestId
                && Arrays.equals(record.content, content);
    }

    @Override
    public int hashCode() {
        return (type * 31 + requestId) * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return describe();
    }

    private void requireType(int expected, int length) {
        if (type != expected || content.length < length) {
            throw new IllegalStateException(describe() + " is not a " + typeName(expected) + " record of "
                    + length + " bytes");
        }
    }
}

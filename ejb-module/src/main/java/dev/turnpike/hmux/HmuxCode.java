package dev.turnpike.hmux;

import java.util.EnumSet;
import java.util.Set;

/**
 * The HMUX code table: for each meaning a code byte can have, the byte, the shape of the frame
 * and the contexts in which the byte has that meaning; and {@link #UNKNOWN}, the meaning of every
 * other byte.
 *
 * <p>Every frame starts with a one-byte code. What follows depends on the shape:
 * <pre>
 *   BARE     +------+                                   Q  X  Y
 *            | code |
 *            +------+
 *   NUMBER   +------+---------+---------+               C  A   (the two bytes are a number,
 *            | code | num(hi) | num(lo) |                        never a payload length)
 *            +------+---------+---------+
 *   TEXT,    +------+---------+---------+=============+  everything else; len is unsigned
 *   BINARY,  | code | len(hi) | len(lo) | len bytes   |  16-bit big-endian (0-65535);
 *   EMPTY,   +------+---------+---------+=============+  EMPTY frames have len 0; SKIPPED is
 *   SKIPPED                                              any byte unknown in its context,
 *                                                        its len bytes read and discarded
 *   INT32    +------+------+------+----+----+----+----+  P  (len is always 4, then a 32-bit
 *            | code | 0x00 | 0x04 | b3 | b2 | b1 | b0 |      big-endian sub-protocol number)
 *            +------+------+------+----+----+----+----+
 * </pre>
 * Text payloads are UTF-8. Code bytes are looked up and written here only, so the table above
 * is the single place that knows which byte means what.
 *
 * <p>A byte with no meaning in the context it is read in is {@link #UNKNOWN}: as every Resin
 * reader does (resin-spec 1.2), it is taken to start a length-prefixed frame whose payload is
 * skipped, so that a newer peer's codes do not break the stream. The byte itself travels in the
 * {@link HmuxFrame.Skipped} frame; {@code UNKNOWN} has none of its own and is never written.
 */
public enum HmuxCode {

    // channel and control codes (resin-spec 1.3.1)
    CHANNEL('C', Shape.NUMBER, HmuxContext.values()),
    ACK('A', Shape.NUMBER, HmuxContext.HTTP_RESPONSE),
    YIELD('Y', Shape.BARE, HmuxContext.HTTP_REQUEST, HmuxContext.HTTP_RESPONSE),
    QUIT('Q', Shape.BARE, HmuxContext.values()),
    EXIT('X', Shape.BARE, HmuxContext.values()),
    PROTOCOL('P', Shape.INT32, HmuxContext.HTTP_REQUEST),

    // request attributes (1.3.2)
    URI('U', Shape.TEXT, HmuxContext.HTTP_REQUEST),
    METHOD('m', Shape.TEXT, HmuxContext.HTTP_REQUEST),
    HTTP_PROTOCOL('c', Shape.TEXT, HmuxContext.HTTP_REQUEST),
    QUERY_STRING('e', Shape.TEXT, HmuxContext.HTTP_REQUEST),
    SERVER_NAME('v', Shape.TEXT, HmuxContext.HTTP_REQUEST),
    SERVER_PORT('g', Shape.TEXT, HmuxContext.HTTP_REQUEST),
    REMOTE_HOST('h', Shape.TEXT, HmuxContext.HTTP_REQUEST),
    REMOTE_ADDR('i', Shape.TEXT, HmuxContext.HTTP_REQUEST),
    REMOTE_PORT('j', Shape.TEXT, HmuxContext.HTTP_REQUEST),
    REMOTE_USER('d', Shape.TEXT, HmuxContext.HTTP_REQUEST),
    AUTH_TYPE('n', Shape.TEXT, HmuxContext.HTTP_REQUEST),
    CONTENT_LENGTH('p', Shape.TEXT, HmuxContext.HTTP_REQUEST),
    CONTENT_TYPE('q', Shape.TEXT, HmuxContext.HTTP_REQUEST),
    SECURE('r', Shape.EMPTY, HmuxContext.HTTP_REQUEST),
    CLIENT_CERT('t', Shape.BINARY, HmuxContext.HTTP_REQUEST),
    SERVER_TYPE('u', Shape.TEXT, HmuxContext.HTTP_REQUEST),

    // both directions (1.3.2, 1.3.3, 1.3.4)
    HEADER('H', Shape.TEXT, HmuxContext.HTTP_REQUEST, HmuxContext.HTTP_RESPONSE, HmuxContext.DISPATCH_REPLY),
    STRING('S', Shape.TEXT, HmuxContext.HTTP_REQUEST, HmuxContext.HTTP_RESPONSE, HmuxContext.DISPATCH_REPLY),
    DATA('D', Shape.BINARY, HmuxContext.HTTP_REQUEST, HmuxContext.HTTP_RESPONSE),

    // response codes (1.3.3)
    STATUS('s', Shape.TEXT, HmuxContext.HTTP_RESPONSE),
    META_HEADER('M', Shape.TEXT, HmuxContext.HTTP_RESPONSE),
    SEND_HEADERS('G', Shape.EMPTY, HmuxContext.HTTP_RESPONSE),
    FLUSH('f', Shape.EMPTY, HmuxContext.HTTP_RESPONSE),

    // dispatch-configuration sub-protocol (1.3.4)
    DISPATCH_HOST('h', Shape.TEXT, HmuxContext.DISPATCH_QUERY, HmuxContext.DISPATCH_REPLY),
    DISPATCH_QUERY('q', Shape.TEXT, HmuxContext.DISPATCH_QUERY),
    DISPATCH_ETAG('e', Shape.TEXT, HmuxContext.DISPATCH_QUERY, HmuxContext.DISPATCH_REPLY),
    DISPATCH_NO_CHANGE('n', Shape.EMPTY, HmuxContext.DISPATCH_REPLY),
    DISPATCH_WEB_APP('a', Shape.TEXT, HmuxContext.DISPATCH_REPLY),
    DISPATCH_MATCH('m', Shape.TEXT, HmuxContext.DISPATCH_REPLY),
    DISPATCH_IGNORE('i', Shape.TEXT, HmuxContext.DISPATCH_REPLY),
    DISPATCH_CLUSTER('c', Shape.TEXT, HmuxContext.DISPATCH_REPLY),
    DISPATCH_SERVER('s', Shape.TEXT, HmuxContext.DISPATCH_REPLY),
    DISPATCH_BACKUP('b', Shape.TEXT, HmuxContext.DISPATCH_REPLY),
    DISPATCH_HOST_UNAVAILABLE('u', Shape.EMPTY, HmuxContext.DISPATCH_REPLY),
    DISPATCH_WEB_APP_UNAVAILABLE('U', Shape.EMPTY, HmuxContext.DISPATCH_REPLY),

    // any other byte, in any context (1.2): a frame skipped by its length
    UNKNOWN(Shape.SKIPPED);

    /** The layout of what follows the code byte. */
    public enum Shape {
        /** Nothing follows. */
        BARE,
        /** A 16-bit number follows (channel, ack value). */
        NUMBER,
        /** A 16-bit length and that many bytes of UTF-8 text. */
        TEXT,
        /** A 16-bit length and that many bytes of binary payload. */
        BINARY,
        /** A 16-bit length that must be 0. */
        EMPTY,
        /** A 16-bit length that must be 4, then a 32-bit number. */
        INT32,
        /**
         * A 16-bit length and that many bytes, which are read and discarded: how a code byte
         * unknown in its context is read.
         */
        SKIPPED;

        /** Whether a 16-bit length follows the code byte. */
        public boolean hasLength() {
            return this != BARE && this != NUMBER;
        }
    }

    private static final HmuxCode[][] TABLE = table();

    private final byte value;
    private final Shape shape;
    private final Set<HmuxContext> contexts;

    HmuxCode(char letter, Shape shape, HmuxContext... contexts) {
        this.value = (byte) letter;
        this.shape = shape;
        this.contexts = Set.copyOf(EnumSet.of(contexts[0], contexts));
    }

    /** {@link #UNKNOWN}: no byte of its own, in no context. */
    HmuxCode(Shape shape) {
        this.value = 0;
        this.shape = shape;
        this.contexts = Set.of();
    }

    /**
     * The code byte on the wire.
     *
     * @throws IllegalStateException for {@link #UNKNOWN}, which stands for many bytes; the one
     *     read is {@link HmuxFrame.Skipped#codeByte()}
     */
    public byte value() {
        if (this == UNKNOWN) {
            throw new IllegalStateException("UNKNOWN stands for any code byte without a meaning in its context;"
                    + " the byte read is HmuxFrame.Skipped.codeByte()");
        }
        return value;
    }

    /**
     * The code byte as the letter Resin's sources and the captures use, e.g. {@code U}.
     *
     * @throws IllegalStateException for {@link #UNKNOWN}, as {@link #value()}
     */
    public char letter() {
        return (char) value();
    }

    /** What follows the code byte. */
    public Shape shape() {
        return shape;
    }

    /** The contexts in which the byte has this meaning; none for {@link #UNKNOWN}. */
    public Set<HmuxContext> contexts() {
        return contexts;
    }

    /** The meaning of a code byte (0-255) in a context: {@link #UNKNOWN} if it has none there. */
    public static HmuxCode of(HmuxContext context, int codeByte) {
        HmuxCode code = TABLE[context.ordinal()][codeByte & 0xff];
        return code == null ? UNKNOWN : code;
    }

    /** A code byte as messages show it: the letter in quotes if printable ASCII, else hex, e.g. {@code 0x00}. */
    static String display(int codeByte) {
        String shown = shown(codeByte);
        return shown.length() == 1 ? "'" + shown + "'" : shown;
    }

    /** A code byte as frame listings show it: the letter if printable ASCII, else hex, e.g. {@code 0x0a}. */
    static String shown(int codeByte) {
        int b = codeByte & 0xff;
        return b > 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("0x%02x", b);
    }

    private static HmuxCode[][] table() {
        HmuxCode[][] table = new HmuxCode[HmuxContext.values().length][256];
        for (HmuxCode code : values()) {
            for (HmuxContext context : code.contexts) {
                HmuxCode clash = table[context.ordinal()][code.value & 0xff];
                if (clash != null) {
                    throw new IllegalStateException("code " + code.letter() + " means both " + clash + " and " + code
                            + " in " + context.description());
                }
                table[context.ordinal()][code.value & 0xff] = code;
            }
        }
        return table;
    }
}

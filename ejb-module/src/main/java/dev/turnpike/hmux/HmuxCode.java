package dev.turnpike.hmux;

import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The HMUX code table: for each meaning a code byte can have, the byte, the shape of the frame
 * and the contexts in which the byte has that meaning.
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
 *   EMPTY    +------+---------+---------+=============+  EMPTY frames have len 0
 *   INT32    +------+------+------+----+----+----+----+  P  (len is always 4, then a 32-bit
 *            | code | 0x00 | 0x04 | b3 | b2 | b1 | b0 |      big-endian sub-protocol number)
 *            +------+------+------+----+----+----+----+
 * </pre>
 * Text payloads are UTF-8. Code bytes are looked up and written here only, so the table above
 * is the single place that knows which byte means what.
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
    DISPATCH_WEB_APP_UNAVAILABLE('U', Shape.EMPTY, HmuxContext.DISPATCH_REPLY);

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
        INT32;

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

    /** The code byte on the wire. */
    public byte value() {
        return value;
    }

    /** The code byte as the letter Resin's sources and the captures use, e.g. {@code U}. */
    public char letter() {
        return (char) value;
    }

    /** What follows the code byte. */
    public Shape shape() {
        return shape;
    }

    /** The contexts in which the byte has this meaning. */
    public Set<HmuxContext> contexts() {
        return contexts;
    }

    /** The meaning of a code byte (0-255) in a context, or {@code null} if it has none there. */
    public static HmuxCode of(HmuxContext context, int codeByte) {
        return TABLE[context.ordinal()][codeByte & 0xff];
    }

    /** The code letters valid in a context, sorted and space separated, for error messages. */
    static String letters(HmuxContext context) {
        StringJoiner joiner = new StringJoiner(" ");
        for (HmuxCode code : TABLE[context.ordinal()]) {
            if (code != null) {
                joiner.add(String.valueOf(code.letter()));
            }
        }
        return joiner.toString();
    }

    /** A code byte as messages show it: the letter if printable ASCII, else hex, e.g. {@code 0x00}. */
    static String display(int codeByte) {
        int b = codeByte & 0xff;
        return b > 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("0x%02x", b);
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

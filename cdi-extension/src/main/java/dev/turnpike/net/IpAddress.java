package dev.turnpike.net;

/**
 * A client address as 128 bits, with its family. An IPv4-mapped IPv6 address
 * ({@code ::ffff:a.b.c.d}) is held as the IPv4 address it maps, as {@code java.net} does.
 */
final class IpAddress {

    final boolean ipv6;
    /** The first 64 bits of an IPv6 address; 0 for IPv4. */
    final long hi;
    /** The last 64 bits of an IPv6 address, or the IPv4 address in the low 32 bits. */
    final long lo;

    private IpAddress(boolean ipv6, long hi, long lo) {
        this.ipv6 = ipv6;
        this.hi = hi;
        this.lo = lo;
    }

    /**
     * @param bytes 4 (IPv4) or 16 (IPv6) bytes in network order
     * @throws IllegalArgumentException for any other length
     */
    static IpAddress of(byte[] bytes) {
        if (bytes.length == 4) {
            return new IpAddress(false, 0, bits(bytes, 0, 4));
        }
        if (bytes.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 (IPv4) or 16 (IPv6) bytes, not " + bytes.length);
        }
        long hi = bits(bytes, 0, 8);
        long lo = bits(bytes, 8, 16);
        if (hi == 0 && lo >>> 32 == 0xFFFF) {
            return new IpAddress(false, 0, lo & 0xFFFF_FFFFL);
        }
        return new IpAddress(true, hi, lo);
    }

    /**
     * A client address as a servlet container reports it: a full dotted IPv4 literal or an IPv6
     * literal, optionally in brackets and with a zone id ({@code %eth0}), which is ignored.
     *
     * @return the address, or {@code null} if the text is not such a literal
     */
    static IpAddress parse(String text) {
        if (text == null) {
            return null;
        }
        String literal = text;
        if (literal.length() > 1 && literal.charAt(0) == '[' && literal.charAt(literal.length() - 1) == ']') {
            literal = literal.substring(1, literal.length() - 1);
            if (literal.indexOf(':') < 0) {
                return null;
            }
        }
        try {
            if (literal.indexOf(':') >= 0) {
                int zone = literal.indexOf('%');
                return of(IpLiteral.ipv6(zone < 0 ? literal : literal.substring(0, zone)));
            }
            if (IpLiteral.isDotted(literal)) {
                int[] octets = IpLiteral.dotted(literal);
                if (octets.length == 4) {
                    return new IpAddress(false, 0, (long) octets[0] << 24 | octets[1] << 16 | octets[2] << 8 | octets[3]);
                }
            }
        } catch (IllegalArgumentException notALiteral) {
            return null;
        }
        return null;
    }

    /** Big-endian value of {@code bytes[from..to)}, at most 8 bytes. */
    static long bits(byte[] bytes, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value << 8 | (bytes[i] & 0xFF);
        }
        return value;
    }
}

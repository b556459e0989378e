package dev.turnpike.net;

import java.net.InetAddress;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network in CIDR form, such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}.
 *
 * <p>Accepted text: an address literal with an optional {@code /bits}.
 * <ul>
 *   <li>IPv4 is dotted decimal with one to four octets; fewer than four octets are the leading
 *       ones and imply a prefix of 8 bits per octet given, as Resin 3.1 reads them:
 *       {@code 10} is {@code 10.0.0.0/8}, {@code 192.168} is {@code 192.168.0.0/16}. An explicit
 *       {@code /bits} (0-32) overrides that: {@code 127/8} and {@code 192.168/16} mean what they
 *       say. Octets with leading zeros are refused, being octal to some tools.</li>
 *   <li>IPv6 is the RFC 4291 text form, {@code ::} compression and a trailing dotted IPv4 part
 *       included, optionally in brackets; {@code /bits} is 0-128. Zone ids ({@code %eth0}) are
 *       refused.</li>
 *   <li>Without {@code /bits} the network is the one address ({@code /32} or {@code /128}).</li>
 *   <li>Host names are refused, never resolved.</li>
 * </ul>
 * Bits beyond the prefix are cleared: {@code 10.1.2.3/8} is {@code 10.0.0.0/8}.
 *
 * <p>IPv4 networks never contain IPv6 addresses and vice versa, except that an IPv4-mapped IPv6
 * address ({@code ::ffff:a.b.c.d}) is treated as the IPv4 address {@code a.b.c.d}, as
 * {@link InetAddress} does; accordingly a network written {@code ::ffff:a.b.c.d/bits} with at
 * least 96 bits is the IPv4 network {@code a.b.c.d/(bits-96)}, while an IPv6 network with a
 * shorter prefix, even {@code ::/0}, contains no IPv4-mapped address.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class IpNetwork {

    private final boolean ipv6;
    private final long hi;
    private final long lo;
    private final int prefix;
    private final long maskHi;
    private final long maskLo;

    private IpNetwork(boolean ipv6, long hi, long lo, int prefix) {
        this.ipv6 = ipv6;
        this.prefix = prefix;
        this.maskHi = ipv6 ? topBits(Math.min(prefix, 64)) : 0;
        this.maskLo = ipv6 ? topBits(Math.max(prefix - 64, 0)) : topBits(prefix) >>> 32;
        this.hi = hi & maskHi;
        this.lo = lo & maskLo;
    }

    /**
     * Parses a network; surrounding whitespace is ignored.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static IpNetwork parse(String text) {
        Objects.requireNonNull(text, "text");
        String network = text.strip();
        if (network.isEmpty()) {
            throw new IllegalArgumentException("empty IP network; expected an address literal with an optional"
                    + " /bits, e.g. 192.168.0.0/16 or 2001:db8::/32");
        }
        int slash = network.indexOf('/');
        String address = slash < 0 ? network : network.substring(0, slash);
        String bits = slash < 0 ? null : network.substring(slash + 1);
        if (bits != null && bits.indexOf('/') >= 0) {
            throw invalid(text, "more than one '/'");
        }
        boolean bracketed = address.startsWith("[") || address.endsWith("]");
        if (bracketed) {
            if (address.length() < 2 || !address.startsWith("[") || !address.endsWith("]")) {
                throw invalid(text, "unbalanced brackets");
            }
            address = address.substring(1, address.length() - 1);
            if (address.indexOf(':') < 0) {
                throw invalid(text, "brackets are only for IPv6 addresses");
            }
        }
        if (address.isEmpty()) {
            throw invalid(text, "no address before the '/'");
        }
        try {
            if (address.indexOf('%') >= 0) {
                throw new IllegalArgumentException("zone ids (%...) are not supported");
            }
            if (address.indexOf(':') >= 0) {
                return ipv6(IpLiteral.ipv6(address), prefix(bits, 128, 128));
            }
            if (IpLiteral.isDotted(address)) {
                int[] octets = IpLiteral.dotted(address);
                long value = 0;
                for (int i = 0; i < 4; i++) {
                    value = value << 8 | (i < octets.length ? octets[i] : 0);
                }
                return new IpNetwork(false, 0, value, prefix(bits, 8 * octets.length, 32));
            }
        } catch (IllegalArgumentException e) {
            throw invalid(text, e.getMessage());
        }
        throw invalid(text, "'" + address + "' is not an IP address literal (host names are not resolved)");
    }

    private static IpNetwork ipv6(byte[] bytes, int prefix) {
        IpAddress address = IpAddress.of(bytes);
        if (!address.ipv6 && prefix >= 96) {
            return new IpNetwork(false, 0, address.lo, prefix - 96);
        }
        return new IpNetwork(true, IpAddress.bits(bytes, 0, 8), IpAddress.bits(bytes, 8, 16), prefix);
    }

    private static int prefix(String bits, int implicit, int max) {
        if (bits == null) {
            return implicit;
        }
        if (!IpLiteral.isDotted(bits) || bits.indexOf('.') >= 0) {
            throw new IllegalArgumentException("prefix '/" + bits + "' is not a number of bits");
        }
        if (bits.length() > 3 || Integer.parseInt(bits) > max) {
            throw new IllegalArgumentException("prefix /" + bits + " out of range 0-" + max + " for an "
                    + (max == 32 ? "IPv4" : "IPv6") + " network");
        }
        return Integer.parseInt(bits);
    }

    private static IllegalArgumentException invalid(String text, String detail) {
        return new IllegalArgumentException("invalid IP network '" + text + "': " + detail);
    }

    private static long topBits(int count) {
        return count == 0 ? 0 : -1L << (64 - count);
    }

    /** Whether the address is in this network (see the class comment for IPv4-mapped addresses). */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /**
     * Whether the address is in this network.
     *
     * @param address 4 (IPv4) or 16 (IPv6) bytes in network order
     * @throws IllegalArgumentException for any other length
     */
    public boolean contains(byte[] address) {
        return contains(IpAddress.of(address));
    }

    boolean contains(IpAddress address) {
        return address.ipv6 == ipv6 && (address.hi & maskHi) == hi && (address.lo & maskLo) == lo;
    }

    /** Whether this is an IPv6 network. */
    public boolean isIpv6() {
        return ipv6;
    }

    /** The number of leading bits an address must share with the network. */
    public int prefixLength() {
        return prefix;
    }

    long hi() {
        return hi;
    }

    long lo() {
        return lo;
    }

    long maskHi() {
        return maskHi;
    }

    long maskLo() {
        return maskLo;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpNetwork that && ipv6 == that.ipv6 && hi == that.hi && lo == that.lo
                && prefix == that.prefix;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ipv6, hi, lo, prefix);
    }

    /** Canonical CIDR text: {@code 10.0.0.0/8}, {@code 192.0.2.1/32}, {@code 2001:db8::/32}. */
    @Override
    public String toString() {
        return (ipv6 ? IpLiteral.formatIpv6(hi, lo) : IpLiteral.formatIpv4(lo)) + "/" + prefix;
    }
}

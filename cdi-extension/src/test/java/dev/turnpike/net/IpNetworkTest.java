package dev.turnpike.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IpNetworkTest {

    static Stream<Arguments> parse() {
        return Stream.of(
                // IPv4, full and abbreviated (the Resin 3.1 reading: leading octets, 8 bits each)
                Arguments.of("192.168.1.10", "192.168.1.10/32", false, 32),
                Arguments.of("255.255.255.255", "255.255.255.255/32", false, 32),
                Arguments.of("1.2.3", "1.2.3.0/24", false, 24),
                Arguments.of("192.168", "192.168.0.0/16", false, 16),
                Arguments.of("10", "10.0.0.0/8", false, 8),
                Arguments.of("0", "0.0.0.0/8", false, 8),
                // explicit bits override the implicit mask (Resin 4 reads 127/8 as 0.0.0.127/8)
                Arguments.of("127/8", "127.0.0.0/8", false, 8),
                Arguments.of("192.168/16", "192.168.0.0/16", false, 16),
                Arguments.of("192.168/24", "192.168.0.0/24", false, 24),
                Arguments.of("10/32", "10.0.0.0/32", false, 32),
                Arguments.of("0/0", "0.0.0.0/0", false, 0),
                // host bits are cleared
                Arguments.of("10.1.2.3/8", "10.0.0.0/8", false, 8),
                Arguments.of("172.16.5.4/12", "172.16.0.0/12", false, 12),
                Arguments.of("10.0.0.1/31", "10.0.0.0/31", false, 31),
                Arguments.of("1.2.3.4/0", "0.0.0.0/0", false, 0),
                Arguments.of("255.255.255.255/1", "128.0.0.0/1", false, 1),
                Arguments.of("10.0.0.0/08", "10.0.0.0/8", false, 8),
                Arguments.of("  10.0.0.0/8\t", "10.0.0.0/8", false, 8),
                // IPv6, canonical output per RFC 5952
                Arguments.of("::1", "::1/128", true, 128),
                Arguments.of("[::1]", "::1/128", true, 128),
                Arguments.of("::", "::/128", true, 128),
                Arguments.of("::/0", "::/0", true, 0),
                Arguments.of("[2001:db8::]/32", "2001:db8::/32", true, 32),
                Arguments.of("2001:DB8:0:0:0:0:0:1", "2001:db8::1/128", true, 128),
                Arguments.of("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1/128", true, 128),
                Arguments.of("2001:db8:ffff::/33", "2001:db8:8000::/33", true, 33),
                Arguments.of("fe80::1:2:3:4/64", "fe80::/64", true, 64),
                Arguments.of("2001:db8::ffff:ffff/127", "2001:db8::ffff:fffe/127", true, 127),
                Arguments.of("1:0:0:2:0:0:0:3", "1:0:0:2::3/128", true, 128),
                Arguments.of("1:0:0:2:0:0:3:4", "1::2:0:0:3:4/128", true, 128),
                Arguments.of("1:2:3:4:5:6:7:0", "1:2:3:4:5:6:7:0/128", true, 128),
                Arguments.of("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0/128", true, 128),
                Arguments.of("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8/128", true, 128),
                Arguments.of("1::", "1::/128", true, 128),
                Arguments.of("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/1", "8000::/1", true, 1),
                Arguments.of("64:ff9b::192.0.2.33/96", "64:ff9b::/96", true, 96),
                Arguments.of("::192.0.2.1", "::c000:201/128", true, 128),
                // IPv4-mapped with at least 96 bits: the IPv4 network it maps
                Arguments.of("::ffff:192.0.2.1", "192.0.2.1/32", false, 32),
                Arguments.of("::FFFF:c000:0201", "192.0.2.1/32", false, 32),
                Arguments.of("::ffff:10.0.0.0/104", "10.0.0.0/8", false, 8),
                Arguments.of("[::ffff:0:0]/96", "0.0.0.0/0", false, 0),
                Arguments.of("::ffff:0:0/95", "::fffe:0:0/95", true, 95));
    }

    @ParameterizedTest
    @MethodSource
    void parse(String text, String canonical, boolean ipv6, int prefix) {
        IpNetwork network = IpNetwork.parse(text);
        assertEquals(canonical, network.toString());
        assertEquals(ipv6, network.isIpv6());
        assertEquals(prefix, network.prefixLength());
        assertEquals(network, IpNetwork.parse(canonical), "the canonical form reads back as the same network");
    }

    static Stream<Arguments> errors() {
        String literal = "not an IP address literal (host names are not resolved)";
        return Stream.of(
                Arguments.of("", "empty IP network; expected an address literal with an optional /bits,"
                        + " e.g. 192.168.0.0/16 or 2001:db8::/32"),
                Arguments.of("  ", "empty IP network; expected an address literal with an optional /bits,"
                        + " e.g. 192.168.0.0/16 or 2001:db8::/32"),
                Arguments.of("example.com", "invalid IP network 'example.com': 'example.com' is " + literal),
                Arguments.of("localhost/8", "invalid IP network 'localhost/8': 'localhost' is " + literal),
                Arguments.of("0x7f.1", "invalid IP network '0x7f.1': '0x7f.1' is " + literal),
                Arguments.of("10.0.0.0 /8", "invalid IP network '10.0.0.0 /8': '10.0.0.0 ' is " + literal),
                Arguments.of("256.1.1.1", "invalid IP network '256.1.1.1': octet 256 out of range 0-255"),
                Arguments.of("1.2.3.1000", "invalid IP network '1.2.3.1000': octet 1000 out of range 0-255"),
                Arguments.of("1.2.3.4.5", "invalid IP network '1.2.3.4.5': more than 4 octets"),
                Arguments.of("1..2", "invalid IP network '1..2': empty octet"),
                Arguments.of("10.", "invalid IP network '10.': empty octet"),
                Arguments.of(".10", "invalid IP network '.10': empty octet"),
                Arguments.of("010.0.0.1", "invalid IP network '010.0.0.1': octet '010' has a leading zero, which"
                        + " some tools read as octal; write it without"),
                Arguments.of("10.0.0.0/33", "invalid IP network '10.0.0.0/33': prefix /33 out of range 0-32 for an"
                        + " IPv4 network"),
                Arguments.of("10/1000", "invalid IP network '10/1000': prefix /1000 out of range 0-32 for an IPv4"
                        + " network"),
                Arguments.of("::/129", "invalid IP network '::/129': prefix /129 out of range 0-128 for an IPv6"
                        + " network"),
                Arguments.of("10/", "invalid IP network '10/': prefix '/' is not a number of bits"),
                Arguments.of("10/x", "invalid IP network '10/x': prefix '/x' is not a number of bits"),
                Arguments.of("10/-1", "invalid IP network '10/-1': prefix '/-1' is not a number of bits"),
                Arguments.of("10/8.0", "invalid IP network '10/8.0': prefix '/8.0' is not a number of bits"),
                Arguments.of("10/255.0.0.0", "invalid IP network '10/255.0.0.0': prefix '/255.0.0.0' is not a"
                        + " number of bits"),
                Arguments.of("10/8/8", "invalid IP network '10/8/8': more than one '/'"),
                Arguments.of("/8", "invalid IP network '/8': no address before the '/'"),
                Arguments.of("1:2:3", "invalid IP network '1:2:3': 3 groups of 16 bits; without '::' there must"
                        + " be 8"),
                Arguments.of("1:2:3:4:5:6:7:8:9", "invalid IP network '1:2:3:4:5:6:7:8:9': 9 groups of 16 bits;"
                        + " without '::' there must be 8"),
                Arguments.of("1:2:3:4:5:6:7:8::", "invalid IP network '1:2:3:4:5:6:7:8::': 8 groups of 16 bits"
                        + " besides '::'; there can be at most 7"),
                Arguments.of("1::2::3", "invalid IP network '1::2::3': more than one '::'"),
                Arguments.of(":::", "invalid IP network ':::': more than one '::'"),
                Arguments.of("12345::", "invalid IP network '12345::': group '12345' has more than 4 hex digits"),
                Arguments.of("g::", "invalid IP network 'g::': group 'g' is not hexadecimal"),
                Arguments.of("1.2.3.4::", "invalid IP network '1.2.3.4::': group '1.2.3.4' is not hexadecimal"),
                Arguments.of(":1::", "invalid IP network ':1::': empty group (a single ':' at the start or the"
                        + " end?)"),
                Arguments.of("1:2:3:4:5:6:7:", "invalid IP network '1:2:3:4:5:6:7:': empty group (a single ':' at"
                        + " the start or the end?)"),
                Arguments.of("::1.2.3", "invalid IP network '::1.2.3': embedded IPv4 address '1.2.3' needs 4"
                        + " octets"),
                Arguments.of("::1.2.3.256", "invalid IP network '::1.2.3.256': octet 256 out of range 0-255"),
                Arguments.of("fe80::1%eth0", "invalid IP network 'fe80::1%eth0': zone ids (%...) are not"
                        + " supported"),
                Arguments.of("[10.0.0.1]", "invalid IP network '[10.0.0.1]': brackets are only for IPv6 addresses"),
                Arguments.of("[::1", "invalid IP network '[::1': unbalanced brackets"),
                Arguments.of("::1]", "invalid IP network '::1]': unbalanced brackets"),
                Arguments.of("[::1/64]", "invalid IP network '[::1/64]': unbalanced brackets"));
    }

    @ParameterizedTest
    @MethodSource
    void errors(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse(text));
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> contains() {
        return Stream.of(
                Arguments.of("10/8", "10.0.0.0", true),
                Arguments.of("10/8", "10.255.255.255", true),
                Arguments.of("10/8", "11.0.0.0", false),
                Arguments.of("10/8", "9.255.255.255", false),
                Arguments.of("192.168.1.128/25", "192.168.1.128", true),
                Arguments.of("192.168.1.128/25", "192.168.1.255", true),
                Arguments.of("192.168.1.128/25", "192.168.1.127", false),
                Arguments.of("1.2.3.4/31", "1.2.3.4", true),
                Arguments.of("1.2.3.4/31", "1.2.3.5", true),
                Arguments.of("1.2.3.4/31", "1.2.3.3", false),
                Arguments.of("1.2.3.4/31", "1.2.3.6", false),
                Arguments.of("192.168.1.1", "192.168.1.1", true),
                Arguments.of("192.168.1.1", "192.168.1.2", false),
                // the top bit: signedness must not matter
                Arguments.of("128.0.0.0/1", "128.0.0.0", true),
                Arguments.of("128.0.0.0/1", "255.255.255.255", true),
                Arguments.of("128.0.0.0/1", "127.255.255.255", false),
                Arguments.of("255.255.255.255", "255.255.255.255", true),
                Arguments.of("0/0", "0.0.0.0", true),
                Arguments.of("0/0", "255.255.255.255", true),
                // families never mix
                Arguments.of("0/0", "::1", false),
                Arguments.of("::/0", "10.0.0.1", false),
                Arguments.of("::/0", "::", true),
                Arguments.of("::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true),
                Arguments.of("::1", "::1", true),
                Arguments.of("::1", "::2", false),
                Arguments.of("::1", "127.0.0.1", false),
                Arguments.of("2001:db8::/32", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", true),
                Arguments.of("2001:db8::/32", "2001:db8::", true),
                Arguments.of("2001:db8::/32", "2001:db9::", false),
                Arguments.of("2001:db8::/32", "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", false),
                // either side of the 64-bit boundary
                Arguments.of("2001:db8::/64", "2001:db8::ffff:ffff:ffff:ffff", true),
                Arguments.of("2001:db8::/64", "2001:db8:0:1::", false),
                Arguments.of("2001:db8::/65", "2001:db8::7fff:ffff:ffff:ffff", true),
                Arguments.of("2001:db8::/65", "2001:db8::8000:0:0:0", false),
                Arguments.of("2001:db8::/63", "2001:db8:0:1:ffff:ffff:ffff:ffff", true),
                Arguments.of("2001:db8::/63", "2001:db8:0:2::", false),
                Arguments.of("8000::/1", "8000::", true),
                Arguments.of("8000::/1", "7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false),
                Arguments.of("2001:db8::1/127", "2001:db8::", true),
                Arguments.of("2001:db8::1/127", "2001:db8::2", false),
                // IPv4-mapped addresses count as IPv4
                Arguments.of("10/8", "::ffff:10.1.2.3", true),
                Arguments.of("10/8", "::ffff:11.1.2.3", false),
                Arguments.of("::ffff:10.0.0.0/104", "10.1.2.3", true),
                Arguments.of("::ffff:10.0.0.0/104", "::ffff:10.1.2.3", true),
                Arguments.of("::ffff:0:0/95", "::ffff:10.1.2.3", false),
                // IPv4-compatible addresses (::a.b.c.d) are plain IPv6
                Arguments.of("10/8", "::10.1.2.3", false),
                Arguments.of("::/96", "::10.1.2.3", true));
    }

    @ParameterizedTest
    @MethodSource
    void contains(String network, String address, boolean expected) throws UnknownHostException {
        IpNetwork parsed = IpNetwork.parse(network);
        assertEquals(expected, parsed.contains(IpAddress.parse(address)), "text");
        assertEquals(expected, IpNetworks.parse(network).contains(address), "as a set");
        // address literals: InetAddress does not resolve them
        InetAddress inet = InetAddress.getByName(address);
        assertEquals(expected, parsed.contains(inet), "InetAddress");
        assertEquals(expected, parsed.contains(inet.getAddress()), "bytes");
    }

    @Test
    void rawIpv4MappedBytesCountAsIpv4() {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3};
        assertTrue(IpNetwork.parse("10/8").contains(mapped));
        assertFalse(IpNetwork.parse("::/0").contains(mapped));
    }

    @Test
    void addressesOfOtherLengthsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IpNetwork.parse("10/8").contains(new byte[5]));
        assertEquals("an IP address has 4 (IPv4) or 16 (IPv6) bytes, not 5", e.getMessage());
    }

    @Test
    void equalityIsByNetwork() {
        assertEquals(IpNetwork.parse("10/8"), IpNetwork.parse("10.9.8.7/8"));
        assertEquals(IpNetwork.parse("10/8").hashCode(), IpNetwork.parse("10.9.8.7/8").hashCode());
        assertNotEquals(IpNetwork.parse("10/8"), IpNetwork.parse("10/9"));
        assertNotEquals(IpNetwork.parse("0/0"), IpNetwork.parse("::/0"));
        assertNotEquals(IpNetwork.parse("::ffff:0:0/95"), IpNetwork.parse("::fffe:0:0/96"));
    }

    @Test
    void nullIsRefused() {
        assertThrows(NullPointerException.class, () -> IpNetwork.parse(null));
    }
}

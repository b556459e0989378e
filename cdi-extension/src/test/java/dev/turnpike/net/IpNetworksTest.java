package dev.turnpike.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IpNetworksTest {

    private static final IpNetworks NETWORKS = IpNetworks.parse(" 10/8, 192.168/16 ::1\t2001:db8::/32,,\n");

    @Test
    void parseSplitsOnWhitespaceAndCommas() {
        assertEquals("10.0.0.0/8, 192.168.0.0/16, ::1/128, 2001:db8::/32", NETWORKS.toString());
        assertEquals(4, NETWORKS.networks().size());
        assertFalse(NETWORKS.isEmpty());
    }

    static Stream<Arguments> containsText() {
        return Stream.of(
                Arguments.of("10.1.2.3", true),
                Arguments.of("192.168.5.5", true),
                Arguments.of("172.16.0.1", false),
                Arguments.of("::1", true),
                Arguments.of("[::1]", true),
                Arguments.of("0:0:0:0:0:0:0:1", true),
                Arguments.of("::2", false),
                Arguments.of("2001:db8::5%eth0", true),
                Arguments.of("[2001:db8::5%3]", true),
                Arguments.of("fe80::1%1", false),
                Arguments.of("::ffff:192.168.0.1", true),
                Arguments.of("::ffff:c0a8:1", true),
                // not a client address literal: in no network, and nothing is resolved
                Arguments.of("localhost", false),
                Arguments.of("example.com", false),
                Arguments.of("", false),
                Arguments.of(null, false),
                Arguments.of("10.1.2", false),
                Arguments.of("10", false),
                Arguments.of("10.1.2.3.4", false),
                Arguments.of("010.1.2.3", false),
                Arguments.of("10.1.2.3:80", false),
                Arguments.of(" 10.1.2.3", false),
                Arguments.of("10.1.2.3/8", false),
                Arguments.of("1::2::3", false),
                Arguments.of("[10.1.2.3]", false),
                Arguments.of("[]", false),
                Arguments.of("[", false));
    }

    @ParameterizedTest
    @MethodSource
    void containsText(String remoteAddr, boolean expected) {
        assertEquals(expected, NETWORKS.contains(remoteAddr));
    }

    @Test
    void containsInetAddressesAndBytes() throws UnknownHostException {
        assertTrue(NETWORKS.contains(InetAddress.getByName("10.0.0.1")));
        assertTrue(NETWORKS.contains(InetAddress.getByName("::ffff:192.168.0.1")));
        assertFalse(NETWORKS.contains(InetAddress.getByName("11.0.0.1")));
        assertTrue(NETWORKS.contains(new byte[] {(byte) 192, (byte) 168, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> NETWORKS.contains(new byte[0]));
    }

    @Test
    void duplicatesAreDroppedInFirstSeenOrder() {
        IpNetworks networks = IpNetworks.parse("10/8 172.16/12 10.0.0.0/8 10.9.9.9/8");
        assertEquals("10.0.0.0/8, 172.16.0.0/12", networks.toString());
        assertEquals(networks, IpNetworks.parse("10/8, 172.16/12"));
        assertEquals(networks.hashCode(), IpNetworks.parse("10/8, 172.16/12").hashCode());
    }

    @Test
    void severalTextsAndParsedNetworks() {
        IpNetworks fromTexts = IpNetworks.parse(List.of("10/8", "192.168/16 172.16/12"));
        assertEquals("10.0.0.0/8, 192.168.0.0/16, 172.16.0.0/12", fromTexts.toString());
        IpNetworks fromNetworks = IpNetworks.of(List.of(IpNetwork.parse("10/8"), IpNetwork.parse("192.168/16"),
                IpNetwork.parse("172.16/12")));
        assertEquals(fromTexts, fromNetworks);
        assertTrue(fromNetworks.contains("172.31.255.255"));
        assertFalse(fromNetworks.contains("172.32.0.0"));
    }

    @Test
    void emptySetsContainNothing() {
        for (IpNetworks empty : List.of(IpNetworks.parse(""), IpNetworks.parse(" , "), IpNetworks.of(List.of()))) {
            assertTrue(empty.isEmpty());
            assertFalse(empty.contains("10.0.0.1"));
            assertFalse(empty.contains("::1"));
            assertEquals("", empty.toString());
        }
    }

    @Test
    void theFirstBadNetworkIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IpNetworks.parse("10/8, intranet.example, 300.0.0.0"));
        assertEquals("invalid IP network 'intranet.example': 'intranet.example' is not an IP address literal"
                + " (host names are not resolved)", e.getMessage());
    }

    @Test
    void networksAreImmutable() {
        assertThrows(UnsupportedOperationException.class, () -> NETWORKS.networks().clear());
        List<IpNetwork> source = new ArrayList<>(List.of(IpNetwork.parse("10/8")));
        IpNetworks networks = IpNetworks.of(source);
        source.add(IpNetwork.parse("0/0"));
        assertFalse(networks.contains("11.0.0.1"));
    }

    /** Many networks of mixed prefixes and families agree with testing each network in turn. */
    @Test
    void agreesWithTestingEachNetwork() {
        Random random = new Random(20240601);
        List<IpNetwork> list = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int prefix = random.nextInt(33);
            list.add(IpNetwork.parse(ipv4(random) + "/" + prefix));
            list.add(IpNetwork.parse(ipv6(random) + "/" + random.nextInt(129)));
        }
        IpNetworks networks = IpNetworks.of(list);
        int hits = 0;
        for (int i = 0; i < 20_000; i++) {
            String address;
            if (i % 2 == 0) {
                // near a network: same leading bits with a random tail
                IpNetwork near = list.get(random.nextInt(list.size()));
                address = near.isIpv6() ? ipv6(random, near) : ipv4(random, near);
            } else {
                address = random.nextBoolean() ? ipv4(random) : ipv6(random);
            }
            boolean expected = list.stream().anyMatch(network -> network.contains(IpAddress.parse(address)));
            assertEquals(expected, networks.contains(address), address);
            hits += expected ? 1 : 0;
        }
        assertTrue(hits > 5_000, "the test exercises matches: " + hits);
    }

    private static String ipv4(Random random) {
        return random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
    }

    private static String ipv4(Random random, IpNetwork network) {
        long bits = network.lo() | (random.nextLong() & ~network.maskLo() & 0xFFFF_FFFFL);
        return IpLiteral.formatIpv4(bits);
    }

    private static String ipv6(Random random) {
        return IpLiteral.formatIpv6(random.nextLong(), random.nextLong());
    }

    private static String ipv6(Random random, IpNetwork network) {
        return IpLiteral.formatIpv6(network.hi() | (random.nextLong() & ~network.maskHi()),
                network.lo() | (random.nextLong() & ~network.maskLo()));
    }
}

package dev.turnpike.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An immutable set of {@link IpNetwork}s and the test whether a client address is in any of
 * them ({@code resin:IfNetwork}, {@code resin:IfRemoteAddr}).
 *
 * <p>Lookups group the networks by family and prefix length and binary-search each group, so
 * their cost grows with the number of distinct prefix lengths, not with the number of networks.
 * An empty set contains nothing. Instances are immutable and thread-safe.
 */
public final class IpNetworks {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");
    private static final Comparator<IpNetwork> ORDER =
            Comparator.comparingLong(IpNetwork::hi).thenComparingLong(IpNetwork::lo);

    private final List<IpNetwork> networks;
    private final PrefixGroup[] ipv4;
    private final PrefixGroup[] ipv6;

    private IpNetworks(Collection<IpNetwork> networks) {
        this.networks = List.copyOf(new LinkedHashSet<>(networks));
        this.ipv4 = groups(this.networks, false);
        this.ipv6 = groups(this.networks, true);
    }

    /** The given networks, duplicates dropped, in their first-seen order. */
    public static IpNetworks of(Collection<IpNetwork> networks) {
        return new IpNetworks(networks);
    }

    /**
     * Networks separated by whitespace and/or commas, e.g. {@code "10/8, 192.168/16 ::1"}.
     *
     * @throws IllegalArgumentException for the first network that {@link IpNetwork#parse} refuses
     */
    public static IpNetworks parse(String text) {
        return parse(List.of(Objects.requireNonNull(text, "text")));
    }

    /**
     * Networks from several texts (e.g. repeated {@code value} attributes), each of which may
     * itself list several as {@link #parse(String)} reads them.
     *
     * @throws IllegalArgumentException for the first network that {@link IpNetwork#parse} refuses
     */
    public static IpNetworks parse(Collection<String> texts) {
        List<IpNetwork> networks = new ArrayList<>();
        for (String text : texts) {
            for (String network : SEPARATORS.split(text.strip())) {
                if (!network.isEmpty()) {
                    networks.add(IpNetwork.parse(network));
                }
            }
        }
        return new IpNetworks(networks);
    }

    /**
     * Whether a client address, as {@code getRemoteAddr()} reports it, is in any of the networks.
     * The text must be an IPv4 literal with four octets or an IPv6 literal (brackets and a zone
     * id allowed); anything else, a host name included, is in none. Nothing is resolved.
     */
    public boolean contains(String remoteAddr) {
        IpAddress address = IpAddress.parse(remoteAddr);
        return address != null && contains(address);
    }

    /** Whether the address is in any of the networks. */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /**
     * Whether the address is in any of the networks.
     *
     * @param address 4 (IPv4) or 16 (IPv6) bytes in network order
     * @throws IllegalArgumentException for any other length
     */
    public boolean contains(byte[] address) {
        return contains(IpAddress.of(address));
    }

    private boolean contains(IpAddress address) {
        for (PrefixGroup group : address.ipv6 ? ipv6 : ipv4) {
            if (group.contains(address.hi, address.lo)) {
                return true;
            }
        }
        return false;
    }

    /** The networks, duplicates dropped, in their first-seen order. */
    public List<IpNetwork> networks() {
        return networks;
    }

    /** Whether there are no networks, so that no address is contained. */
    public boolean isEmpty() {
        return networks.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpNetworks that && networks.equals(that.networks);
    }

    @Override
    public int hashCode() {
        return networks.hashCode();
    }

    /** The networks in canonical form, separated by {@code ", "}. */
    @Override
    public String toString() {
        return networks.stream().map(IpNetwork::toString).collect(Collectors.joining(", "));
    }

    private static PrefixGroup[] groups(List<IpNetwork> networks, boolean ipv6) {
        Map<Integer, List<IpNetwork>> byPrefix = new TreeMap<>();
        for (IpNetwork network : networks) {
            if (network.isIpv6() == ipv6) {
                byPrefix.computeIfAbsent(network.prefixLength(), prefix -> new ArrayList<>()).add(network);
            }
        }
        return byPrefix.values().stream().map(PrefixGroup::new).toArray(PrefixGroup[]::new);
    }

    /** Networks of one family and prefix length, sorted for binary search. */
    private static final class PrefixGroup {

        private final long maskHi;
        private final long maskLo;
        private final long[] his;
        private final long[] los;

        PrefixGroup(List<IpNetwork> networks) {
            List<IpNetwork> sorted = new ArrayList<>(networks);
            sorted.sort(ORDER);
            maskHi = sorted.get(0).maskHi();
            maskLo = sorted.get(0).maskLo();
            his = sorted.stream().mapToLong(IpNetwork::hi).toArray();
            los = sorted.stream().mapToLong(IpNetwork::lo).toArray();
        }

        boolean contains(long addressHi, long addressLo) {
            long hi = addressHi & maskHi;
            long lo = addressLo & maskLo;
            int low = 0;
            int high = his.length - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                int order = his[middle] != hi ? Long.compare(his[middle], hi) : Long.compare(los[middle], lo);
                if (order == 0) {
                    return true;
                }
                if (order < 0) {
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return false;
        }
    }
}

package dev.turnpike.net;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The proxies in front of this server whose forwarding headers ({@code X-Forwarded-For},
 * {@code -Proto}, {@code -Host}, {@code -Port}, {@code Forwarded}) are believed. From any other
 * peer those headers are forgeries as far as Turnpike can tell: they are dropped before a request
 * goes to a backend, and conditions see the connection's peer.
 *
 * <p>The set is the system property {@value #PROPERTY}: networks separated by spaces or commas,
 * in {@link IpNetworks#parse(String)} syntax ({@code "10.0.0.0/8 192.168.1.5 ::1"}); unset or
 * empty, no peer is trusted. The property is read on each use, so a change made while the server
 * runs ({@code /system-property=turnpike.trusted-proxies:add(value=...)} in the WildFly CLI) takes
 * effect at once; a value that does not parse is logged (SEVERE, once per value) and trusts nobody.
 *
 * <p>The client of a request from a trusted peer is found as Tomcat's {@code RemoteIpValve} and
 * nginx's {@code real_ip_recursive} find it: walking {@code X-Forwarded-For} from the right, each
 * hop a trusted address names is believed, and the walk stops at the first address that is not
 * trusted (that is the client) or at an entry that is not an IP address (then the last address
 * reached is the client).
 */
public final class TrustedProxies {

    /** The system property naming the trusted proxies. */
    public static final String PROPERTY = "turnpike.trusted-proxies";

    private static final Logger LOG = Logger.getLogger("dev.turnpike.net");
    private static final TrustedProxies NONE = new TrustedProxies(IpNetworks.parse(""));
    private static volatile Parsed cache = new Parsed(null, NONE);

    private final IpNetworks networks;

    private record Parsed(String text, TrustedProxies proxies) {
    }

    private TrustedProxies(IpNetworks networks) {
        this.networks = Objects.requireNonNull(networks, "networks");
    }

    /** Trusts the given networks. */
    public static TrustedProxies of(IpNetworks networks) {
        return new TrustedProxies(networks);
    }

    /** The trusted proxies the system property names now. */
    public static TrustedProxies system() {
        String text = System.getProperty(PROPERTY);
        Parsed parsed = cache;
        if (Objects.equals(text, parsed.text())) {
            return parsed.proxies();
        }
        TrustedProxies proxies = NONE;
        if (text != null && !text.isBlank()) {
            try {
                proxies = new TrustedProxies(IpNetworks.parse(text));
            } catch (IllegalArgumentException e) {
                LOG.severe(() -> "TPN0001 system property " + PROPERTY + "=\"" + text + "\" is not a list of networks ("
                        + e.getMessage() + "); no proxy is trusted until it is fixed");
            }
        }
        cache = new Parsed(text, proxies);
        return proxies;
    }

    /** Whether a peer address ({@code getRemoteAddr()}) is a trusted proxy. */
    public boolean trusts(String peer) {
        return peer != null && networks.contains(peer);
    }

    public IpNetworks networks() {
        return networks;
    }

    /**
     * The client's address: the peer itself unless it is trusted, else the first untrusted hop of
     * {@code X-Forwarded-For} from the right.
     *
     * @param peer         the connection's peer
     * @param forwardedFor the {@code X-Forwarded-For} field values in arrival order (may be {@code null})
     */
    public String client(String peer, Enumeration<String> forwardedFor) {
        if (!trusts(peer) || forwardedFor == null || !forwardedFor.hasMoreElements()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        while (forwardedFor.hasMoreElements()) {
            for (String hop : forwardedFor.nextElement().split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0 && trusts(client); i--) {
            String hop = address(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
        }
        return client;
    }

    /** An {@code X-Forwarded-For} entry as an address ({@code [v6]:port} and {@code v4:port} allowed), or {@code null}. */
    static String address(String entry) {
        String text = entry;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            text = close < 0 ? text : text.substring(1, close);
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') > 0) {
            text = text.substring(0, text.indexOf(':'));
        }
        return IpAddress.parse(text) == null ? null : text;
    }

    @Override
    public String toString() {
        return networks.toString();
    }
}

package dev.turnpike.backend;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers describe one connection rather than the message, and so stop at a proxy in
 * either direction (RFC 9110 §7.6.1): a fixed list, plus every header the {@code Connection}
 * header names.
 */
public final class HopByHop {

    /**
     * The fixed list, lower case: RFC 9110's and RFC 2616's hop-by-hop headers,
     * {@code Proxy-Connection}, and {@code HTTP2-Settings}, which belongs to an h2c upgrade of the
     * client's connection (RFC 7540 3.2.1) even where the server took the upgrade and dropped the
     * {@code Connection} header that named it.
     */
    private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "proxy-authenticate", "proxy-authorization", "http2-settings");

    private HopByHop() {
    }

    /** Whether the header is on the fixed list, compared without case. */
    public static boolean fixed(String name) {
        return ALWAYS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The names listed by the message's {@code Connection} headers, lower case. */
    public static Set<String> listed(List<HeaderField> fields) {
        Set<String> names = new HashSet<>();
        for (HeaderField field : fields) {
            if (field.is("Connection")) {
                for (String token : field.value().split(",")) {
                    String name = token.strip();
                    if (!name.isEmpty()) {
                        names.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }

    /** Whether a header must not be passed on, given the names the {@code Connection} headers listed. */
    public static boolean drop(String name, Set<String> listed) {
        return fixed(name) || listed.contains(name.toLowerCase(Locale.ROOT));
    }
}

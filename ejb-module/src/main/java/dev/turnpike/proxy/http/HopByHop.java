package dev.turnpike.proxy.http;

import dev.turnpike.backend.HeaderField;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers describe one connection rather than the message, and so stop at a proxy in
 * either direction (RFC 9110 §7.6.1): a fixed list, plus every header the {@code Connection}
 * header names.
 */
final class HopByHop {

    /** The fixed list, lower case: RFC 9110's and RFC 2616's hop-by-hop headers and {@code Proxy-Connection}. */
    private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "proxy-authenticate", "proxy-authorization");

    private HopByHop() {
    }

    /** Whether the header is on the fixed list, compared without case. */
    static boolean fixed(String name) {
        return ALWAYS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The names listed by the message's {@code Connection} headers, lower case. */
    static Set<String> listed(List<HeaderField> fields) {
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
    static boolean drop(String name, Set<String> listed) {
        return fixed(name) || listed.contains(name.toLowerCase(Locale.ROOT));
    }
}

package dev.turnpike.backend;

import dev.turnpike.net.TrustedProxies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which of the browser's headers a connector that passes headers through as they came (HMUX,
 * FastCGI) may pass on:
 * <ul>
 *   <li>never the hop-by-hop headers ({@link HopByHop}) nor any header the {@code Connection}
 *       header names: they describe the browser's connection to this server, not the
 *       request;</li>
 *   <li>the forwarding headers ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host},
 *       {@code -Port}, {@code Forwarded}) only when the browser's peer is a trusted proxy
 *       ({@link TrustedProxies}); from anyone else the backend could not tell them from the
 *       truth.</li>
 * </ul>
 * The HTTP connector applies the same policy in its own header filter, where it also adds its
 * forwarding headers.
 */
public final class ClientHeaders {

    private static final Set<String> FORWARDING = Set.of("x-forwarded-for", "x-forwarded-proto", "x-forwarded-host",
            "x-forwarded-port", "forwarded");

    private ClientHeaders() {
    }

    /** The headers that may pass, in arrival order, for a browser whose peer is {@code remoteAddr}. */
    public static List<HeaderField> passable(List<HeaderField> headers, String remoteAddr) {
        boolean trusted = TrustedProxies.system().trusts(remoteAddr);
        Set<String> listed = HopByHop.listed(headers);
        List<HeaderField> passed = new ArrayList<>(headers.size());
        for (HeaderField field : headers) {
            String name = field.name().toLowerCase(Locale.ROOT);
            if (HopByHop.drop(name, listed) || (!trusted && FORWARDING.contains(name))) {
                continue;
            }
            passed.add(field);
        }
        return passed;
    }
}

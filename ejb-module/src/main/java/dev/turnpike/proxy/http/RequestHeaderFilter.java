package dev.turnpike.proxy.http;

import dev.turnpike.backend.HeaderSyntax;
import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.HeaderField;
import dev.turnpike.backend.HopByHop;
import dev.turnpike.net.TrustedProxies;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The headers a request carries to the backend, computed from the browser's: what is dropped, what
 * is kept and what the web tier adds. In order:
 * <ol>
 *   <li>{@code Host}: the browser's (or, without one, the server name and a port other than the
 *       scheme's default) when {@link HttpProxySettings#preserveHost()}, else the backend's
 *       {@code host:port};</li>
 *   <li>the browser's headers in arrival order, except
 *       <ul>
 *         <li>hop-by-hop headers and every header the {@code Connection} header names
 *             ({@link HopByHop});</li>
 *         <li>{@code Content-Length} and {@code Host}, which the client writes itself;</li>
 *         <li>{@code Expect}: the servlet container has already answered {@code 100-continue} (or
 *             refused another expectation); the backend would otherwise wait for a go-ahead the
 *             client never waits for;</li>
 *         <li>{@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code -Port} and
 *             {@code Forwarded}, unless the immediate peer ({@code remoteAddr}) is one of the
 *             {@link HttpProxySettings#trustedProxies() trusted proxies} of the rule or of the server
 *             ({@link TrustedProxies}, {@code -Dturnpike.trusted-proxies}): from anyone else they are
 *             forgeries as far as the backend can tell;</li>
 *       </ul></li>
 *   <li>{@code X-Forwarded-For}: a trusted peer's chain, then {@code remoteAddr}, as one field;</li>
 *   <li>{@code X-Forwarded-Proto}, {@code -Host}, {@code -Port}: the scheme, the browser's host and
 *       the port the request came in on; a trusted peer's own values are kept instead, since they
 *       describe the original request, which this hop never saw;</li>
 *   <li>{@code Forwarded} (RFC 7239): a trusted peer's elements, then
 *       {@code for=...;proto=...;host=...} for this hop, as one field. An IPv6 client is
 *       {@code for="[2001:db8::1]"}; a value that is not a token is quoted.</li>
 * </ol>
 * No {@code Via} is added: Resin's HTTP proxy adds none, and it would tell the browser's path to
 * anything the backend echoes it to. The values are not checked here; {@link HttpRequestWriter}
 * refuses the request if any holds a character that cannot go on the wire.
 */
final class RequestHeaderFilter {

    private static final Set<String> FORWARDING = Set.of("x-forwarded-for", "x-forwarded-proto", "x-forwarded-host",
            "x-forwarded-port", "forwarded");
    private static final Set<String> REWRITTEN = Set.of("host", "content-length", "expect");

    private RequestHeaderFilter() {
    }

    /** The headers to send for the request, {@code Content-Length} and {@code Transfer-Encoding} aside. */
    static List<HeaderField> headers(BackendRequest request, HttpProxySettings settings, InetSocketAddress backend) {
        boolean trusted = settings.trustedProxies().contains(request.remoteAddr())
                || TrustedProxies.system().trusts(request.remoteAddr());
        String originalHost = originalHost(request);
        List<HeaderField> headers = new ArrayList<>();
        headers.add(new HeaderField("Host", settings.preserveHost() ? originalHost : backendHost(backend)));

        Set<String> listed = HopByHop.listed(request.headers());
        List<String> forwardedFor = new ArrayList<>();
        List<String> forwarded = new ArrayList<>();
        boolean protoGiven = false;
        boolean hostGiven = false;
        boolean portGiven = false;
        for (HeaderField field : request.headers()) {
            String name = field.name().toLowerCase(Locale.ROOT);
            if (HopByHop.drop(name, listed) || REWRITTEN.contains(name)) {
                continue;
            }
            if (FORWARDING.contains(name)) {
                if (!trusted) {
                    continue;
                }
                switch (name) {
                    case "x-forwarded-for" -> forwardedFor.add(field.value().strip());
                    case "forwarded" -> forwarded.add(field.value().strip());
                    case "x-forwarded-proto" -> protoGiven = true;
                    case "x-forwarded-host" -> hostGiven = true;
                    default -> portGiven = true;
                }
                if (name.equals("x-forwarded-for") || name.equals("forwarded")) {
                    continue;
                }
            }
            headers.add(field);
        }

        String client = unbracketed(request.remoteAddr());
        if (!client.isEmpty()) {
            forwardedFor.add(client);
        }
        forwardedFor.removeIf(String::isEmpty);
        if (!forwardedFor.isEmpty()) {
            headers.add(new HeaderField("X-Forwarded-For", String.join(", ", forwardedFor)));
        }
        if (!protoGiven) {
            headers.add(new HeaderField("X-Forwarded-Proto", request.scheme()));
        }
        if (!hostGiven) {
            headers.add(new HeaderField("X-Forwarded-Host", originalHost));
        }
        if (!portGiven) {
            headers.add(new HeaderField("X-Forwarded-Port", Integer.toString(request.serverPort())));
        }
        forwarded.removeIf(String::isEmpty);
        forwarded.add("for=" + node(client) + ";proto=" + parameter(request.scheme()) + ";host="
                + parameter(originalHost));
        headers.add(new HeaderField("Forwarded", String.join(", ", forwarded)));
        return headers;
    }

    /** The host the browser asked for: its {@code Host}, else the server name and a non-default port. */
    static String originalHost(BackendRequest request) {
        String host = request.header("Host");
        if (host != null && !host.isBlank()) {
            return host.strip();
        }
        int defaultPort = request.secure() ? 443 : 80;
        String name = request.serverName().indexOf(':') >= 0 && !request.serverName().startsWith("[")
                ? "[" + request.serverName() + "]" : request.serverName();
        return request.serverPort() > 0 && request.serverPort() != defaultPort ? name + ":" + request.serverPort()
                : name;
    }

    /** The backend as a {@code Host} value: {@code host:port}, an IPv6 literal in brackets. */
    static String backendHost(InetSocketAddress backend) {
        String host = backend.getHostString();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return host + ":" + backend.getPort();
    }

    /** An RFC 7239 node: an IPv4 address as is, IPv6 quoted in brackets, {@code unknown} without one. */
    static String node(String address) {
        if (address.isEmpty()) {
            return "unknown";
        }
        return address.indexOf(':') >= 0 ? "\"[" + address + "]\"" : parameter(address);
    }

    /** An RFC 7239 value: a token as is, anything else as a quoted string. */
    static String parameter(String value) {
        if (HeaderSyntax.isToken(value)) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String unbracketed(String address) {
        String text = address.strip();
        if (text.length() > 1 && text.startsWith("[") && text.endsWith("]")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }
}

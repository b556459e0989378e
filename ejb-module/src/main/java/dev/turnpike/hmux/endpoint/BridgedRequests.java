package dev.turnpike.hmux.endpoint;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.HeaderField;
import dev.turnpike.cdi.EndpointTrust;
import dev.turnpike.rules.PercentEncoding;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Turns the request a web tier sent over HMUX into the HTTP request the endpoint makes to this
 * server, as a Resin backend would read it (resin-spec 1.3.2):
 * <ul>
 *   <li>the path: mod_caucho sends Apache's decoded path with {@code %} escaped, the IIS handler an
 *       escaped one; both become an escaped request target (escapes kept, anything a target cannot
 *       hold escaped as UTF-8) with the session id after {@code ;jsessionid=} losing this server's
 *       code; the query goes on as sent, with characters a target cannot hold escaped;</li>
 *   <li>the virtual host from {@code v} (without the {@code :port} the IIS handler adds), the port
 *       from {@code g}, HTTPS from {@code r};</li>
 *   <li>the headers in order, session cookies losing this server's code, {@code q} as
 *       {@code Content-Type} when no header gave one; the length from {@code p} or a
 *       {@code Content-Length} header (the IIS handler sends headers, mod_caucho codes);</li>
 *   <li>the client as the web tier saw it, in {@link EndpointTrust}'s headers with the secret;
 *       headers of that name from the web tier are dropped, since a browser could have sent them.</li>
 * </ul>
 */
final class BridgedRequests {

    private static final String PATH_KEEP = "-._~!$&'()*+,;=:@/";
    private static final String QUERY_KEEP = PATH_KEEP + "?";

    private BridgedRequests() {
    }

    /** A request the endpoint refuses to bridge: answered with 400 and the message. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The HTTP request for a head and its body.
     *
     * @param body the body when the head ended with one, else {@code null}
     * @throws BadRequest (TPH0001-TPH0003) if the method is missing or a number is not one
     */
    static BackendRequest of(IncomingHead head, InputStream body, SessionIds sessions, EndpointTrust trust)
            throws BadRequest {
        if (head.method() == null || head.method().isEmpty()) {
            throw new BadRequest("TPH0001 the request for " + head.uri() + " has no method (expected: an m frame)");
        }
        String path = sessions.arrivingPath(head.uri());
        String scheme = head.secure() ? "https" : "http";
        String serverName = hostName(head.serverName());
        int serverPort = port("g (server port)", head.serverPort(), head.secure() ? 443 : 80);
        String remoteAddr = nonNull(head.remoteAddr());
        String remoteHost = head.remoteHost() == null || head.remoteHost().isEmpty() ? remoteAddr : head.remoteHost();
        int remotePort = port("j (remote port)", head.remotePort(), 0);

        BackendRequest.Builder request = BackendRequest.builder(head.method(), target(path, PATH_KEEP), decoded(path))
                .query(head.query() == null ? null : target(head.query(), QUERY_KEEP))
                .protocol(protocol(head.protocol()))
                .server(scheme, serverName, serverPort)
                .remote(remoteAddr, remoteHost, remotePort)
                .user(head.remoteUser(), head.authType());
        boolean typeGiven = false;
        for (HeaderField field : head.headers()) {
            if (EndpointTrust.isBridgeHeader(field.name())) {
                continue;
            }
            typeGiven |= field.is("Content-Type");
            request.header(field.name(), field.is("Cookie") ? sessions.arrivingCookies(field.value()) : field.value());
        }
        if (!typeGiven && head.contentType() != null) {
            request.header("Content-Type", head.contentType());
        }
        request.header(EndpointTrust.SECRET, trust.secret())
                .header(EndpointTrust.REMOTE_ADDR, remoteAddr)
                .header(EndpointTrust.REMOTE_HOST, remoteHost)
                .header(EndpointTrust.REMOTE_PORT, Integer.toString(remotePort))
                .header(EndpointTrust.SCHEME, scheme)
                .header(EndpointTrust.SERVER_NAME, serverName)
                .header(EndpointTrust.SERVER_PORT, Integer.toString(serverPort));
        if (head.remoteUser() != null && !head.remoteUser().isEmpty()) {
            request.header(EndpointTrust.REMOTE_USER, head.remoteUser());
            if (head.authType() != null && !head.authType().isEmpty()) {
                request.header(EndpointTrust.AUTH_TYPE, head.authType());
            }
        }
        if (head.clientCert() != null && head.clientCert().length > 0) {
            request.header(EndpointTrust.CLIENT_CERT, Base64.getEncoder().encodeToString(head.clientCert()));
        }
        if (body != null) {
            request.body(body, declaredLength(head));
        }
        return request.build();
    }

    /** The body's length as the web tier declared it, {@code -1} if it did not. */
    private static long declaredLength(IncomingHead head) throws BadRequest {
        String text = head.contentLength() != null ? head.contentLength() : head.header("Content-Length");
        if (text == null || text.isBlank()) {
            return -1;
        }
        try {
            long length = Long.parseLong(text.strip());
            if (length >= 0) {
                return length == 0 ? -1 : length;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest("TPH0002 Content-Length \"" + text + "\" is not a length (expected: digits)");
    }

    private static int port(String what, String text, int fallback) throws BadRequest {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest("TPH0003 " + what + " \"" + text + "\" is not a port (expected: 0-65535)");
    }

    /** The virtual host without a port, lower-cased, as Resin keys hosts. */
    private static String hostName(String name) {
        if (name == null) {
            return "";
        }
        String host = name.strip().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        boolean ipv6 = host.startsWith("[");
        if (colon > 0 && (!ipv6 || colon > host.indexOf(']'))) {
            host = host.substring(0, colon);
        }
        return host;
    }

    private static String protocol(String protocol) {
        return protocol != null && protocol.matches("HTTP/1\\.[01]") ? protocol : "HTTP/1.1";
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /**
     * The text as part of a request target: escapes ({@code %} and two hex digits) and the
     * characters in {@code keep} stay, everything else is escaped as UTF-8.
     */
    static String target(String text, String keep) {
        return PercentEncoding.encode(text, (s, i) -> {
            char c = s.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || keep.indexOf(c) >= 0)) {
                return true;
            }
            return c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
        }, true);
    }

    /** The path with its escapes decoded as UTF-8 (a byte sequence that is not UTF-8 decodes as Latin-1). */
    static String decoded(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        byte[] raw = PercentEncoding.decodeToBytes(path);
        String utf8 = new String(raw, StandardCharsets.UTF_8);
        return utf8.indexOf('\uFFFD') >= 0 ? new String(raw, StandardCharsets.ISO_8859_1) : utf8;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}

package dev.turnpike.rules;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns a redirect target into the {@code Location} value Resin's {@code sendRedirect} sends.
 *
 * <ol>
 *   <li>A target that starts with a scheme ({@code letters:}) is used as it is.</li>
 *   <li>Otherwise the prefix is {@code scheme://} plus the request's {@code Host} header, or,
 *       without one, the server name plus {@code :port} unless the port is 80, 443 or 0.</li>
 *   <li>A target starting with {@code /} is host-absolute: the context path is <em>not</em>
 *       added ({@code /login} from a web-app at {@code /app} gives {@code http://host/login}).</li>
 *   <li>Any other target is relative to the directory of the request URI, normalised
 *       ({@code .} and {@code ..} segments resolved, clamped at the root).</li>
 *   <li>The result is escaped for a header: {@code <} {@code "}, space, control characters and
 *       non-ASCII characters become UTF-8 {@code %xx}.</li>
 * </ol>
 *
 * <p>A {@code Host} header that is not a plain {@code host[:port]} is not trusted: the server
 * name is used instead, so a hostile header cannot steer the redirect.
 *
 * <p>A rule whose configured target is not itself absolute (it does not start with a scheme)
 * must not send the browser to another server, whatever its captures hold: {@link #onThisServer}
 * turns a leading run of {@code /} and {@code \} (which a browser reads as {@code //host}) into
 * one {@code /}, and puts a {@code /} before a scheme that came from a capture
 * ({@code https:evil.example}), so the location stays a path on this server.
 */
public final class RedirectLocation {

    private RedirectLocation() {
    }

    /** The absolute, escaped location for a redirect to {@code target} answering {@code request}. */
    public static String absolute(String target, RequestView request) {
        if (hasScheme(target)) {
            return escape(target);
        }
        String prefix = prefix(request);
        if (target.startsWith("/")) {
            return escape(prefix + target);
        }
        String query = "";
        int q = target.indexOf('?');
        String path = target;
        if (q >= 0) {
            query = target.substring(q);
            path = target.substring(0, q);
        }
        String base = request.requestUri();
        if (base == null || base.isEmpty()) {
            base = "/";
        } else if (base.equals(request.contextPath())) {
            base = base + "/";
        }
        String directory = base.substring(0, base.lastIndexOf('/') + 1);
        return escape(prefix + normalize(directory + path) + query);
    }

    /**
     * The location of a target that is not absolute as configured, kept on this server: leading
     * {@code /} and {@code \} collapsed to one {@code /}, and a scheme a capture supplied made a
     * path ({@code //evil.example} becomes {@code /evil.example}, {@code https:evil.example}
     * becomes {@code /https:evil.example}). Other locations are returned as they are.
     */
    public static String onThisServer(String location) {
        int slashes = 0;
        while (slashes < location.length() && (location.charAt(slashes) == '/' || location.charAt(slashes) == '\\')) {
            slashes++;
        }
        if (slashes >= 2 || (slashes == 1 && location.charAt(0) == '\\')) {
            return "/" + location.substring(slashes);
        }
        if (slashes == 0 && hasUriScheme(location)) {
            return "/" + location;
        }
        return location;
    }

    /** Whether a text starts with a URI scheme as a browser reads one: a letter, then letters, digits, {@code +-.}, then {@code :}. */
    static boolean hasUriScheme(String text) {
        int i = 0;
        while (i < text.length() && (isAsciiLetter(text.charAt(i))
                || (i > 0 && ((text.charAt(i) >= '0' && text.charAt(i) <= '9') || "+-.".indexOf(text.charAt(i)) >= 0)))) {
            i++;
        }
        return i > 0 && i < text.length() && text.charAt(i) == ':';
    }

    /** Whether a configured target is absolute, so its own scheme and host decide where the browser goes. */
    public static boolean isAbsolute(String configuredTarget) {
        return hasScheme(configuredTarget);
    }

    /** Escapes a location for use as a header value, without making it absolute. */
    public static String escape(String location) {
        return PercentEncoding.encode(location, RedirectLocation::plain, false);
    }

    private static boolean plain(String text, int index) {
        char c = text.charAt(index);
        return c > 0x20 && c < 0x7f && c != '<' && c != '"' && c != '>';
    }

    static boolean hasScheme(String target) {
        int i = 0;
        while (i < target.length() && isAsciiLetter(target.charAt(i))) {
            i++;
        }
        return i > 0 && i < target.length() && target.charAt(i) == ':';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String prefix(RequestView request) {
        String scheme = request.scheme();
        String host = request.header("Host");
        if (host != null && isPlainHost(host)) {
            return scheme + "://" + host;
        }
        String name = request.serverName();
        int port = request.serverPort();
        if (port == 0 || port == 80 || port == 443 || name.indexOf(':') >= 0) {
            return scheme + "://" + name;
        }
        return scheme + "://" + name + ':' + port;
    }

    /** {@code name}, {@code name:port} or {@code [v6]:port}, in the characters a host may have. */
    static boolean isPlainHost(String host) {
        if (host.isEmpty()) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':'
                    || c == '[' || c == ']' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Resolves {@code .} and {@code ..} segments of an absolute path, clamping at the root. */
    static String normalize(String path) {
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = path.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.equals(".")) {
                if (last) {
                    segments.addLast("");
                }
            } else if (part.equals("..")) {
                segments.pollLast();
                if (last) {
                    segments.addLast("");
                }
            } else {
                segments.addLast(part);
            }
        }
        return "/" + String.join("/", segments);
    }
}

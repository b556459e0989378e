package dev.turnpike.admin;

import dev.turnpike.rules.PercentEncoding;
import dev.turnpike.rules.RequestView;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The request of an {@link ExplainRequest} as the rules see it, made the way the server makes a
 * real one: path parameters ({@code ;jsessionid=...}) cut, the path percent-decoded as UTF-8 and
 * its {@code .} and {@code ..} segments resolved; Turnpike's web-app is the root web-app, so the
 * context-relative path is the whole path.
 */
final class ExplainedRequest implements RequestView {

    private final String method;
    private final String scheme;
    private final boolean secure;
    private final String serverName;
    private final int serverPort;
    private final String rawPath;
    private final String path;
    private final String query;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> cookies;
    private final String remoteAddr;
    private final String user;
    private final List<String> roles;
    private final ServletContext context;

    private ExplainedRequest(ExplainRequest asked, URI uri, ServletContext context) {
        this.method = asked.method() == null ? "GET" : asked.method().toUpperCase(Locale.ROOT);
        if (asked.headers() != null) {
            headers.putAll(asked.headers());
        }
        boolean absolute = uri.getScheme() != null;
        this.secure = asked.secure() != null ? asked.secure() : absolute && uri.getScheme().equalsIgnoreCase("https");
        this.scheme = secure ? "https" : "http";
        String host = absolute ? uri.getHost() : hostOf(headers.get("Host"));
        this.serverName = host == null || host.isEmpty() ? "localhost" : host.toLowerCase(Locale.ROOT);
        int port = absolute ? uri.getPort() : portOf(headers.get("Host"));
        this.serverPort = port > 0 ? port : secure ? 443 : 80;
        headers.putIfAbsent("Host", serverName + (port > 0 ? ":" + port : ""));
        this.rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        this.path = canonical(rawPath);
        this.query = uri.getRawQuery();
        this.cookies = asked.cookies() == null ? Map.of() : Map.copyOf(asked.cookies());
        this.remoteAddr = asked.remoteAddr() == null || asked.remoteAddr().isBlank() ? "127.0.0.1" : asked.remoteAddr();
        this.user = asked.user() == null || asked.user().isBlank() ? null : asked.user();
        this.roles = asked.roles() == null ? List.of() : List.copyOf(asked.roles());
        this.context = context;
    }

    /**
     * The request to explain.
     *
     * @throws IllegalArgumentException when the URL is not an http(s) URL or a path, or its path
     *                                  climbs above the root
     */
    static ExplainedRequest of(ExplainRequest asked, ServletContext context) {
        URI uri;
        try {
            uri = new URI(asked.url().trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url: not a URL or a path (" + e.getReason() + " at index "
                    + e.getIndex() + ")");
        }
        if (uri.getScheme() != null && !uri.getScheme().equalsIgnoreCase("http")
                && !uri.getScheme().equalsIgnoreCase("https")) {
            throw new IllegalArgumentException("url: only http and https URLs, or a path starting with /");
        }
        if (uri.getScheme() == null && (uri.getRawPath() == null || !uri.getRawPath().startsWith("/"))) {
            throw new IllegalArgumentException("url: a path must start with /");
        }
        return new ExplainedRequest(asked, uri, context);
    }

    /** The path as the server hands it to the web-app. */
    static String canonical(String rawPath) {
        StringBuilder withoutParameters = new StringBuilder();
        for (String segment : rawPath.split("/", -1)) {
            int parameters = segment.indexOf(';');
            withoutParameters.append(parameters < 0 ? segment : segment.substring(0, parameters)).append('/');
        }
        withoutParameters.setLength(withoutParameters.length() - 1);
        String decoded = decode(withoutParameters.toString());
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = decoded.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.equals("..")) {
                if (segments.isEmpty()) {
                    throw new IllegalArgumentException("url: the path climbs above the root: " + rawPath);
                }
                segments.removeLast();
            } else if (!part.equals(".")) {
                segments.addLast(part);
            }
        }
        String last = parts[parts.length - 1];
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/').append(segment);
        }
        if (path.length() == 0 || (last.equals(".") || last.equals("..")) && path.charAt(path.length() - 1) != '/') {
            path.append('/');
        }
        return path.toString();
    }

    private static String decode(String raw) {
        return new String(PercentEncoding.decodeToBytes(raw), StandardCharsets.UTF_8);
    }

    private static String hostOf(String hostHeader) {
        if (hostHeader == null) {
            return null;
        }
        int colon = hostHeader.lastIndexOf(':');
        return colon > 0 && hostHeader.indexOf(']') < colon ? hostHeader.substring(0, colon) : hostHeader;
    }

    private static int portOf(String hostHeader) {
        if (hostHeader == null) {
            return -1;
        }
        int colon = hostHeader.lastIndexOf(':');
        if (colon < 0 || hostHeader.indexOf(']') > colon) {
            return -1;
        }
        try {
            return Integer.parseInt(hostHeader.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String scheme() {
        return scheme;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public String serverName() {
        return serverName;
    }

    @Override
    public int serverPort() {
        return serverPort;
    }

    @Override
    public int localPort() {
        return serverPort;
    }

    @Override
    public String remoteAddr() {
        return remoteAddr;
    }

    @Override
    public String contextPath() {
        return "";
    }

    @Override
    public String requestUri() {
        return rawPath;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String servletPath() {
        return path;
    }

    @Override
    public String pathInfo() {
        return null;
    }

    @Override
    public String queryString() {
        return query;
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public String cookie(String name) {
        return cookies.get(name);
    }

    @Override
    public String parameter(String name) {
        return queryParameter(name);
    }

    @Override
    public String authType() {
        return user == null ? null : "BASIC";
    }

    @Override
    public String remoteUser() {
        return user;
    }

    @Override
    public boolean isUserInRole(String role) {
        return user != null && roles.contains(role);
    }

    @Override
    public boolean fileExists() {
        if (context == null || path.endsWith("/")) {
            return false;
        }
        String real = context.getRealPath(path);
        try {
            return real != null && Files.isRegularFile(Path.of(real));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}

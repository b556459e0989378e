package dev.turnpike.web;

import dev.turnpike.net.TrustedProxies;
import dev.turnpike.rules.RequestView;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** A {@link RequestView} over a servlet request, for one request. */
final class ServletRequestView implements RequestView {

    private final HttpServletRequest request;
    private final ServletContext context;

    ServletRequestView(HttpServletRequest request, ServletContext context) {
        this.request = request;
        this.context = context;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String scheme() {
        return request.getScheme();
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public String serverName() {
        return request.getServerName();
    }

    @Override
    public int serverPort() {
        return request.getServerPort();
    }

    @Override
    public int localPort() {
        return request.getLocalPort();
    }

    /**
     * The connection's peer, or, when the peer is a trusted proxy ({@link TrustedProxies}), the
     * client its {@code X-Forwarded-For} names: what {@code resin:IfNetwork} and
     * {@code resin:IfRemoteAddr} test.
     */
    @Override
    public String remoteAddr() {
        return TrustedProxies.system().client(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
    }

    @Override
    public String contextPath() {
        return request.getContextPath();
    }

    @Override
    public String requestUri() {
        return request.getRequestURI();
    }

    @Override
    public String path() {
        return contextRelativePath(request);
    }

    /**
     * Servlet path plus path info: the container has decoded, normalised and mapped it. When the
     * client asked for a directory ({@code /} or {@code /docs/}) and the container mapped a welcome
     * file instead ({@code /index.html}), the directory is the path, as Resin's rules see it.
     */
    static String contextRelativePath(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String mapped = pathInfo == null ? (servletPath.isEmpty() ? "/" : servletPath) : servletPath + pathInfo;
        if (!mapped.endsWith("/") && asksForDirectory(request.getRequestURI())) {
            return mapped.substring(0, mapped.lastIndexOf('/') + 1);
        }
        return mapped;
    }

    /**
     * Why a context-relative path cannot be the rules' subject, or {@code null} when it can. The
     * container decoded it (UTF-8), resolved {@code .} and {@code ..} and removed path parameters;
     * what it still holds a rule could not be written against, and another component (a file
     * system, a backend) could read otherwise: a control character (a decoded {@code %00},
     * {@code %0d}, {@code %0a}, {@code %09}), a backslash (a separator on Windows and for
     * Resin), or U+FFFD, which the container put where the bytes were not UTF-8 (overlong forms
     * such as {@code %c0%ae} among them). Such requests are answered 400 before any rule runs.
     */
    static String ambiguity(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "the path holds the control character U+" + String.format("%04X", (int) c);
            }
            if (c == '\\') {
                return "the path holds a backslash";
            }
            if (c == '\uFFFD') {
                return "the path was not UTF-8";
            }
        }
        return null;
    }

    /** Whether the path of a request URI ends with {@code /}, ignoring {@code ;parameters}. */
    private static boolean asksForDirectory(String requestUri) {
        int parameters = requestUri.indexOf(';', requestUri.lastIndexOf('/'));
        String path = parameters < 0 ? requestUri : requestUri.substring(0, parameters);
        return path.endsWith("/");
    }

    @Override
    public String servletPath() {
        return request.getServletPath();
    }

    @Override
    public String pathInfo() {
        return request.getPathInfo();
    }

    @Override
    public String queryString() {
        return request.getQueryString();
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public String cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    @Override
    public String parameter(String name) {
        return request.getParameter(name);
    }

    @Override
    public String authType() {
        return request.getAuthType();
    }

    @Override
    public String remoteUser() {
        return request.getRemoteUser();
    }

    @Override
    public boolean isUserInRole(String role) {
        return request.isUserInRole(role);
    }

    @Override
    public boolean fileExists() {
        String path = request.getServletPath();
        if (path == null || path.isEmpty()) {
            path = request.getPathInfo();
        }
        if (path == null || path.isEmpty() || context == null) {
            return false;
        }
        String real = context.getRealPath(path);
        if (real == null) {
            return false;
        }
        try {
            Path file = Paths.get(real);
            return Files.isRegularFile(file);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    @Override
    public void useCharacterEncoding(String encoding) {
        try {
            request.setCharacterEncoding(encoding);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("the encoding was checked when the rules loaded: " + encoding, e);
        }
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return type.isInstance(request) ? type.cast(request) : null;
    }
}

package dev.turnpike.web;

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

    @Override
    public String remoteAddr() {
        return request.getRemoteAddr();
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

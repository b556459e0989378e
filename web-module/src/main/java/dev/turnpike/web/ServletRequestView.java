package dev.turnpike.web;

import dev.turnpike.rules.RequestView;
import jakarta.servlet.http.HttpServletRequest;

/** A {@link RequestView} over a servlet request, for one request. */
final class ServletRequestView implements RequestView {

    private final HttpServletRequest request;

    ServletRequestView(HttpServletRequest request) {
        this.request = request;
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
    public String serverName() {
        return request.getServerName();
    }

    @Override
    public int serverPort() {
        return request.getServerPort();
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

    /** Servlet path plus path info: the container has decoded, normalised and mapped it. */
    static String contextRelativePath(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        if (pathInfo == null) {
            return servletPath.isEmpty() ? "/" : servletPath;
        }
        return servletPath + pathInfo;
    }

    @Override
    public String queryString() {
        return request.getQueryString();
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }
}

package dev.turnpike.rules;

import dev.turnpike.rules.custom.ServletFilterRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request on its way through the rules: the request as rules see it, plus what rules and
 * filters did to it on the way (response headers to add, the request reported as secure, a
 * character encoding to set). The web layer applies those effects before it carries out the
 * decision.
 *
 * <p>An exchange lives for one request and is used by one thread.
 */
public final class Exchange implements RequestView {

    private final RequestView request;
    private List<HeaderEdit> headerEdits = List.of();
    private List<ServletFilterRule> wrappers = List.of();
    private Boolean secure;
    private String requestCharacterEncoding;
    private String responseCharacterEncoding;
    private String responseContentType;
    private boolean cacheControlPrivate;
    private boolean privateUnlessVary;
    private Locale locale;
    private String path;
    private RuleTrace trace;

    public Exchange(RequestView request) {
        this.request = request;
    }

    /** Has the rules report each step of this exchange to {@code trace}, to explain it. */
    public Exchange trace(RuleTrace trace) {
        this.trace = trace;
        return this;
    }

    /** The trace listening to this exchange, or {@code null} for a request being served. */
    public RuleTrace trace() {
        return trace;
    }

    // --- effects ---

    /** Asks for a response header change. */
    public void editHeader(HeaderEdit edit) {
        if (headerEdits.isEmpty()) {
            headerEdits = new ArrayList<>(2);
        }
        headerEdits.add(edit);
    }

    /** Merges a header name into {@code Vary}, as Resin 3.1 conditions do when evaluated. */
    public void vary(String header) {
        editHeader(new HeaderEdit(HeaderEdit.Kind.MERGE, "Vary", header));
    }

    /** Marks the response {@code Cache-Control: private}, as Resin 3.1 conditions do. */
    public void cacheControlPrivate() {
        cacheControlPrivate = true;
    }

    /**
     * Marks the response as depending on the request in ways a cache cannot see: unless the
     * response ends up with a {@code Vary} or {@code Cache-Control} header of its own, it is sent
     * with {@code Cache-Control: private} (Resin 4's "no-cache unless Vary").
     */
    public void privateUnlessVary() {
        privateUnlessVary = true;
    }

    /** Makes the request report itself secure (or not) to every later rule and to the application. */
    public void overrideSecure(boolean value) {
        secure = value;
    }

    /** Decodes the request's parameters with this encoding, from here on. */
    public void requestCharacterEncoding(String encoding) {
        requestCharacterEncoding = encoding;
        request.useCharacterEncoding(encoding);
    }

    public void responseCharacterEncoding(String encoding) {
        responseCharacterEncoding = encoding;
    }

    public void responseContentType(String contentType) {
        responseContentType = contentType;
    }

    /**
     * Asks for an application's servlet filter to run around whatever handles the request; the
     * first asked for is outermost.
     */
    public void wrapWith(ServletFilterRule filter) {
        if (wrappers.isEmpty()) {
            wrappers = new ArrayList<>(2);
        }
        wrappers.add(filter);
    }

    /** The servlet filters rules asked for, outermost first. */
    public List<ServletFilterRule> wrappers() {
        return List.copyOf(wrappers);
    }

    public List<HeaderEdit> headerEdits() {
        return List.copyOf(headerEdits);
    }

    public boolean isCacheControlPrivate() {
        return cacheControlPrivate;
    }

    public boolean isPrivateUnlessVary() {
        return privateUnlessVary;
    }

    /** The secure flag rules set, or {@code null} when no rule changed it. */
    public Boolean secureOverride() {
        return secure;
    }

    public String requestCharacterEncodingOverride() {
        return requestCharacterEncoding;
    }

    public String responseCharacterEncodingOverride() {
        return responseCharacterEncoding;
    }

    public String responseContentTypeOverride() {
        return responseContentType;
    }

    /** The view the exchange was made from. */
    public RequestView request() {
        return request;
    }

    /**
     * The subject of server-level rules: {@code scheme://host/path} with the lower-cased host as
     * the client named it (with {@code :port} when the {@code Host} header had one), the context
     * path and the decoded path, without the query string.
     */
    public String fullUrl() {
        String host = header("Host");
        if (host == null || host.isEmpty() || !RedirectLocation.isPlainHost(host)) {
            host = serverName();
        }
        return scheme() + "://" + host.toLowerCase(Locale.ROOT) + fullPath();
    }

    /** The subject of host-level rules: the context path plus the decoded path. */
    public String fullPath() {
        return contextPath() + path();
    }

    /** The host name the request named, lower-cased and without port: the key for host rules. */
    public String hostName() {
        String host = header("Host");
        if (host == null || host.isEmpty() || !RedirectLocation.isPlainHost(host)) {
            return serverName().toLowerCase(Locale.ROOT);
        }
        int colon = host.startsWith("[") ? host.indexOf(':', host.indexOf(']')) : host.lastIndexOf(':');
        return (colon < 0 ? host : host.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    // --- the request, with the overrides rules made ---

    @Override
    public boolean secure() {
        return secure != null ? secure : request.secure();
    }

    @Override
    public String scheme() {
        if (secure == null) {
            return request.scheme();
        }
        return secure ? "https" : "http";
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public String serverName() {
        return request.serverName();
    }

    @Override
    public int serverPort() {
        return request.serverPort();
    }

    @Override
    public int localPort() {
        return request.localPort();
    }

    @Override
    public String remoteAddr() {
        return request.remoteAddr();
    }

    @Override
    public String contextPath() {
        return request.contextPath();
    }

    @Override
    public String requestUri() {
        return request.requestUri();
    }

    /** The context-relative path, computed once: every level's subject starts from it. */
    @Override
    public String path() {
        if (path == null) {
            path = request.path();
        }
        return path;
    }

    @Override
    public String servletPath() {
        return request.servletPath();
    }

    @Override
    public String pathInfo() {
        return request.pathInfo();
    }

    @Override
    public String queryString() {
        return request.queryString();
    }

    @Override
    public String header(String name) {
        return request.header(name);
    }

    @Override
    public String cookie(String name) {
        return request.cookie(name);
    }

    @Override
    public String parameter(String name) {
        return request.parameter(name);
    }

    @Override
    public String authType() {
        return request.authType();
    }

    @Override
    public String remoteUser() {
        return request.remoteUser();
    }

    @Override
    public boolean isUserInRole(String role) {
        return request.isUserInRole(role);
    }

    @Override
    public boolean fileExists() {
        return request.fileExists();
    }

    @Override
    public Locale locale() {
        if (locale == null) {
            locale = request.locale();
        }
        return locale;
    }

    @Override
    public String queryParameter(String name) {
        return request.queryParameter(name);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return request.unwrap(type);
    }
}

package dev.turnpike.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory request for rule tests: GET on http://example.com (port 80) from 127.0.0.1 to a
 * root web-app, unless told otherwise. Each {@code with...} returns a changed copy.
 */
public final class TestRequest implements RequestView {

    private String method = "GET";
    private boolean secure;
    private String serverName = "example.com";
    private int serverPort = 80;
    private int localPort = 8080;
    private String remoteAddr = "127.0.0.1";
    private String contextPath = "";
    private String path;
    private String queryString;
    private String requestUri;
    private Map<String, String> headers = new HashMap<>();
    private Map<String, String> cookies = new HashMap<>();
    private Map<String, String> formParameters = new HashMap<>();
    private String authType;
    private String remoteUser;
    private Set<String> roles = new HashSet<>();
    private boolean fileExists;
    private Object servletRequest;
    private String characterEncoding;

    private TestRequest(String path, String queryString) {
        this.path = path;
        this.queryString = queryString;
        headers.put("host", "example.com");
    }

    /** GET {@code path} (with an optional {@code ?query}) on http://example.com with a Host header. */
    public static TestRequest get(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return new TestRequest(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                q < 0 ? null : pathAndQuery.substring(q + 1));
    }

    private TestRequest copy() {
        TestRequest copy = new TestRequest(path, queryString);
        copy.method = method;
        copy.secure = secure;
        copy.serverName = serverName;
        copy.serverPort = serverPort;
        copy.localPort = localPort;
        copy.remoteAddr = remoteAddr;
        copy.contextPath = contextPath;
        copy.requestUri = requestUri;
        copy.headers = new HashMap<>(headers);
        copy.cookies = new HashMap<>(cookies);
        copy.formParameters = new HashMap<>(formParameters);
        copy.authType = authType;
        copy.remoteUser = remoteUser;
        copy.roles = new HashSet<>(roles);
        copy.fileExists = fileExists;
        copy.servletRequest = servletRequest;
        return copy;
    }

    /** A request whose raw URI differs from context path plus path. */
    public TestRequest withRequestUri(String uri) {
        TestRequest copy = copy();
        copy.requestUri = uri;
        return copy;
    }

    public TestRequest withHeader(String name, String value) {
        TestRequest copy = copy();
        if (value == null) {
            copy.headers.remove(name.toLowerCase(Locale.ROOT));
        } else {
            copy.headers.put(name.toLowerCase(Locale.ROOT), value);
        }
        return copy;
    }

    public TestRequest withServer(String scheme, String name, int port) {
        TestRequest copy = copy();
        copy.secure = scheme.equals("https");
        copy.serverName = name;
        copy.serverPort = port;
        return copy;
    }

    /** The same request received by a web-app at {@code context}. */
    public TestRequest inContext(String context) {
        TestRequest copy = copy();
        copy.contextPath = context;
        return copy;
    }

    public TestRequest withMethod(String method) {
        TestRequest copy = copy();
        copy.method = method;
        return copy;
    }

    public TestRequest withCookie(String name, String value) {
        TestRequest copy = copy();
        copy.cookies.put(name, value);
        return copy;
    }

    public TestRequest withFormParameter(String name, String value) {
        TestRequest copy = copy();
        copy.formParameters.put(name, value);
        return copy;
    }

    public TestRequest withUser(String authType, String user, String... roles) {
        TestRequest copy = copy();
        copy.authType = authType;
        copy.remoteUser = user;
        copy.roles.addAll(Set.of(roles));
        return copy;
    }

    public TestRequest withRemoteAddr(String address) {
        TestRequest copy = copy();
        copy.remoteAddr = address;
        return copy;
    }

    public TestRequest withLocalPort(int port) {
        TestRequest copy = copy();
        copy.localPort = port;
        return copy;
    }

    public TestRequest withSecure(boolean secure) {
        TestRequest copy = copy();
        copy.secure = secure;
        return copy;
    }

    public TestRequest withFileExists(boolean exists) {
        TestRequest copy = copy();
        copy.fileExists = exists;
        return copy;
    }

    public String characterEncoding() {
        return characterEncoding;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String scheme() {
        return secure ? "https" : "http";
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
        return localPort;
    }

    @Override
    public String remoteAddr() {
        return remoteAddr;
    }

    @Override
    public String contextPath() {
        return contextPath;
    }

    @Override
    public String requestUri() {
        return requestUri != null ? requestUri : contextPath + path;
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
        return queryString;
    }

    @Override
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String cookie(String name) {
        return cookies.get(name);
    }

    @Override
    public String parameter(String name) {
        String fromQuery = queryParameter(name);
        return fromQuery != null ? fromQuery : formParameters.get(name);
    }

    @Override
    public String authType() {
        return authType;
    }

    @Override
    public String remoteUser() {
        return remoteUser;
    }

    @Override
    public boolean isUserInRole(String role) {
        return roles.contains(role);
    }

    @Override
    public boolean fileExists() {
        return fileExists;
    }

    @Override
    public void useCharacterEncoding(String encoding) {
        characterEncoding = encoding;
    }

    /** The same request, unwrapping to a servlet request as the web tier's view does. */
    public TestRequest withServletRequest(Object request) {
        TestRequest copy = copy();
        copy.servletRequest = request;
        return copy;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return type.isInstance(servletRequest) ? type.cast(servletRequest) : null;
    }
}

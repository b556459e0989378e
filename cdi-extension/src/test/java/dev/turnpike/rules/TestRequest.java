package dev.turnpike.rules;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory request for rule tests: a root web-app on http://example.com unless told otherwise. */
public record TestRequest(String method, String scheme, String serverName, int serverPort, String contextPath,
                          String requestUri, String path, String queryString, Map<String, String> headers)
        implements RequestView {

    /** GET {@code path} (with an optional {@code ?query}) on http://example.com with a Host header. */
    public static TestRequest get(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? null : pathAndQuery.substring(q + 1);
        return new TestRequest("GET", "http", "example.com", 80, "", path, path, query,
                Map.of("host", "example.com"));
    }

    public TestRequest withHeader(String name, String value) {
        Map<String, String> copy = new TreeMap<>(headers);
        if (value == null) {
            copy.remove(name.toLowerCase(Locale.ROOT));
        } else {
            copy.put(name.toLowerCase(Locale.ROOT), value);
        }
        return new TestRequest(method, scheme, serverName, serverPort, contextPath, requestUri, path, queryString,
                copy);
    }

    public TestRequest withServer(String scheme, String name, int port) {
        return new TestRequest(method, scheme, name, port, contextPath, requestUri, path, queryString, headers);
    }

    /** The same request received by a web-app at {@code context}: the request URI gains the prefix. */
    public TestRequest inContext(String context) {
        return new TestRequest(method, scheme, serverName, serverPort, context, context + requestUri, path,
                queryString, headers);
    }

    @Override
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}

package dev.turnpike.backend;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A browser's request as the web tier hands it to a backend connector (HMUX, HTTP, FastCGI),
 * without servlet types: what the connector needs to rebuild the request on its protocol. Each
 * connector decides which headers it passes on (hop-by-hop headers, forwarding headers); this
 * record carries them all, as received. Build one with {@link #builder(String, String, String)}.
 *
 * @param method        the request method
 * @param uri           the path to send, as on the wire: percent-encoded, without the query
 * @param path          the same path decoded (UTF-8), as Apache's {@code r->uri}
 * @param query         the query string without {@code ?}, or {@code null} if there was no {@code ?}
 * @param protocol      the browser's protocol, e.g. {@code HTTP/1.1}
 * @param scheme        {@code http} or {@code https}, as the browser used
 * @param serverName    the host name the browser asked for (its {@code Host}), without port
 * @param serverPort    the port the request came in on
 * @param remoteAddr    the client's IP address (the peer of the web tier's socket)
 * @param remoteHost    the client's host name, or its address if not resolved
 * @param remotePort    the client's port
 * @param remoteUser    the authenticated user, or {@code null}
 * @param authType      the authentication type, or {@code null}
 * @param clientCert    the client certificate as PEM text, or {@code null}
 * @param headers       the request headers in arrival order
 * @param contentLength the body's length, {@code -1} when unknown (chunked), 0 without a body
 * @param body          the body, read to its end by the connector, or {@code null} without a body
 */
public record BackendRequest(String method, String uri, String path, String query, String protocol, String scheme,
        String serverName, int serverPort, String remoteAddr, String remoteHost, int remotePort, String remoteUser,
        String authType, String clientCert, List<HeaderField> headers, long contentLength, InputStream body) {

    public BackendRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(remoteAddr, "remoteAddr");
        Objects.requireNonNull(remoteHost, "remoteHost");
        headers = List.copyOf(headers);
        if (contentLength < -1) {
            throw new IllegalArgumentException("contentLength: " + contentLength + " (expected: -1 or more)");
        }
    }

    /** A builder for a request with the given method and path, encoded and decoded. */
    public static Builder builder(String method, String uri, String path) {
        return new Builder(method, uri, path);
    }

    /** Whether the browser used HTTPS. */
    public boolean secure() {
        return scheme.equals("https");
    }

    /** Whether the request has a body to send (possibly of unknown length). */
    public boolean hasBody() {
        return body != null && contentLength != 0;
    }

    /** The first value of a header, compared without case, or {@code null}. */
    public String header(String name) {
        for (HeaderField field : headers) {
            if (field.is(name)) {
                return field.value();
            }
        }
        return null;
    }

    /** The path and query as on the wire: {@code uri} plus {@code ?query} when there is one. */
    public String uriWithQuery() {
        return query == null ? uri : uri + "?" + query;
    }

    /** The same request with another body of the given length, e.g. a spooled copy of the original. */
    public BackendRequest withBody(InputStream newBody, long length) {
        return new BackendRequest(method, uri, path, query, protocol, scheme, serverName, serverPort, remoteAddr,
                remoteHost, remotePort, remoteUser, authType, clientCert, headers, length, newBody);
    }

    @Override
    public String toString() {
        return method + " " + uriWithQuery() + " " + protocol + " from " + remoteAddr + ":" + remotePort;
    }

    /** Collects a request; values not set are absent, empty or 0. */
    public static final class Builder {
        private final String method;
        private final String uri;
        private final String path;
        private String query;
        private String protocol = "HTTP/1.1";
        private String scheme = "http";
        private String serverName = "";
        private int serverPort;
        private String remoteAddr = "";
        private String remoteHost = "";
        private int remotePort;
        private String remoteUser;
        private String authType;
        private String clientCert;
        private final List<HeaderField> headers = new ArrayList<>();
        private long contentLength;
        private InputStream body;

        private Builder(String method, String uri, String path) {
            this.method = method;
            this.uri = uri;
            this.path = path;
        }

        public Builder query(String value) {
            query = value;
            return this;
        }

        public Builder protocol(String value) {
            protocol = value;
            return this;
        }

        /** The scheme, host name and port the browser used. */
        public Builder server(String schemeValue, String name, int port) {
            scheme = schemeValue;
            serverName = name;
            serverPort = port;
            return this;
        }

        /** The client's address, host name and port. */
        public Builder remote(String addr, String host, int port) {
            remoteAddr = addr;
            remoteHost = host;
            remotePort = port;
            return this;
        }

        /** The authenticated user and the authentication type, either may be {@code null}. */
        public Builder user(String user, String type) {
            remoteUser = user;
            authType = type;
            return this;
        }

        public Builder clientCert(String pem) {
            clientCert = pem;
            return this;
        }

        /** Adds a header, after those added before. */
        public Builder header(String name, String value) {
            headers.add(new HeaderField(name, value));
            return this;
        }

        /** The body and its length ({@code -1} when unknown). */
        public Builder body(InputStream stream, long length) {
            body = stream;
            contentLength = length;
            return this;
        }

        public BackendRequest build() {
            return new BackendRequest(method, uri, path, query, protocol, scheme, serverName, serverPort, remoteAddr,
                    remoteHost, remotePort, remoteUser, authType, clientCert, headers, contentLength, body);
        }
    }
}

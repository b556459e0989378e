package dev.turnpike.hmux;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a web tier tells a backend about an HTTP request before its body: the values mod_caucho
 * 4.0 takes from Apache, named as Apache names them. {@link HmuxRequestWriter} turns it into
 * frames. Build one with {@link #builder(String, String)}.
 *
 * @param method the request method
 * @param path the decoded request path without the query, as Apache's {@code r->uri}
 * @param query the query string without {@code ?}, or {@code null} if the request had no {@code ?}
 * @param protocol the request protocol, e.g. {@code HTTP/1.1}
 * @param serverName the virtual host name the backend selects the host by, without port
 * @param serverPort the port the request came in on
 * @param remoteHost the client's host name, or its address if it was not resolved
 * @param remoteAddr the client's IP address
 * @param remotePort the client's port
 * @param remoteUser the authenticated user, or {@code null}
 * @param authType the authentication type, or {@code null}
 * @param clientCert the client certificate as PEM text, or {@code null}
 * @param sslVariables TLS details sent after the certificate ({@code SSL_CIPHER}...), in order
 * @param headers the request headers in arrival order
 * @param environment the web server's per-request variables (Apache's {@code subprocess_env}),
 *     in order; {@code HTTPS=on} among them marks the request secure
 * @param redirectQuery the query of the original request of an internal redirect, or {@code null}
 * @param redirectUrl the path of the original request of an internal redirect, or {@code null}
 */
public record HmuxRequestHead(
        String method,
        String path,
        String query,
        String protocol,
        String serverName,
        int serverPort,
        String remoteHost,
        String remoteAddr,
        int remotePort,
        String remoteUser,
        String authType,
        String clientCert,
        List<HmuxHeader> sslVariables,
        List<HmuxHeader> headers,
        List<HmuxHeader> environment,
        String redirectQuery,
        String redirectUrl) {

    public HmuxRequestHead {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(remoteHost, "remoteHost");
        Objects.requireNonNull(remoteAddr, "remoteAddr");
        checkPort("serverPort", serverPort);
        checkPort("remotePort", remotePort);
        sslVariables = List.copyOf(sslVariables);
        headers = List.copyOf(headers);
        environment = List.copyOf(environment);
    }

    /** A builder for a request with the given method and decoded path. */
    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    /** Whether the request came over HTTPS: the environment holds {@code HTTPS=on}. */
    public boolean isSecure() {
        return environment.contains(new HmuxHeader("HTTPS", "on"));
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + ": " + port + " (expected: 0-65535)");
        }
    }

    /** Collects a request head; every value not set is absent or empty. */
    public static final class Builder {
        private final String method;
        private final String path;
        private String query;
        private String protocol = "HTTP/1.1";
        private String serverName = "";
        private int serverPort;
        private String remoteHost = "";
        private String remoteAddr = "";
        private int remotePort;
        private String remoteUser;
        private String authType;
        private String clientCert;
        private final List<HmuxHeader> sslVariables = new ArrayList<>();
        private final List<HmuxHeader> headers = new ArrayList<>();
        private final List<HmuxHeader> environment = new ArrayList<>();
        private String redirectQuery;
        private String redirectUrl;

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** The query string without {@code ?}; {@code ""} for a request ending in {@code ?}. */
        public Builder query(String query) {
            this.query = query;
            return this;
        }

        /** The request protocol; {@code HTTP/1.1} unless set. */
        public Builder protocol(String protocol) {
            this.protocol = protocol;
            return this;
        }

        /** The virtual host name and the port the request came in on. */
        public Builder server(String name, int port) {
            this.serverName = name;
            this.serverPort = port;
            return this;
        }

        /** The client's host name (or address), address and port. */
        public Builder remote(String host, String addr, int port) {
            this.remoteHost = host;
            this.remoteAddr = addr;
            this.remotePort = port;
            return this;
        }

        /** The authenticated user and the authentication type, either may be {@code null}. */
        public Builder user(String user, String type) {
            this.remoteUser = user;
            this.authType = type;
            return this;
        }

        /** The client certificate as PEM text. */
        public Builder clientCert(String pem) {
            this.clientCert = pem;
            return this;
        }

        /** Adds a TLS detail sent after the certificate, e.g. {@code SSL_CIPHER}. */
        public Builder sslVariable(String name, String value) {
            sslVariables.add(new HmuxHeader(name, value));
            return this;
        }

        /** Adds a request header, after those added before. */
        public Builder header(String name, String value) {
            headers.add(new HmuxHeader(name, value));
            return this;
        }

        /** Adds a per-request variable of the web server, after those added before. */
        public Builder environment(String name, String value) {
            environment.add(new HmuxHeader(name, value));
            return this;
        }

        /** Marks the request secure, as mod_ssl does: adds {@code HTTPS=on} to the environment. */
        public Builder secure() {
            return environment("HTTPS", "on");
        }

        /** The query (or {@code null}) and path of the original request of an internal redirect. */
        public Builder redirectedFrom(String query, String url) {
            this.redirectQuery = query;
            this.redirectUrl = url;
            return this;
        }

        /** The request head; fails if a required value is missing or a port out of range. */
        public HmuxRequestHead build() {
            return new HmuxRequestHead(method, path, query, protocol, serverName, serverPort, remoteHost, remoteAddr,
                    remotePort, remoteUser, authType, clientCert, sslVariables, headers, environment, redirectQuery,
                    redirectUrl);
        }
    }
}

package dev.turnpike.web;

import dev.turnpike.cdi.EndpointTrust;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.security.Principal;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.logging.Logger;

/**
 * The request as the client made it when it came through this server's HMUX endpoint: the endpoint
 * bridges over loopback HTTP, and its {@link EndpointTrust} headers say who the client is (address,
 * port, host name, HTTPS, the virtual host and port it asked for, the user the web server
 * authenticated, the client certificate), as a Resin backend shows them (resin-spec 1.3.2, 1.4.4).
 * They are believed only with the application's secret; without it they are hidden, so no browser
 * can pose as the endpoint.
 */
public final class EndpointRequests {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.web");

    private EndpointRequests() {
    }

    /** The request as its client made it, or the request itself when no bridge header came with it. */
    public static HttpServletRequest of(HttpServletRequest request, EndpointTrust trust) {
        String secret = request.getHeader(EndpointTrust.SECRET);
        if (secret != null && trust != null && trust.trusts(secret)) {
            return new Bridged(request);
        }
        if (secret != null || hasBridgeHeader(request)) {
            return new Hidden(request);
        }
        return request;
    }

    private static boolean hasBridgeHeader(HttpServletRequest request) {
        Enumeration<String> names = request.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            if (EndpointTrust.isBridgeHeader(names.nextElement())) {
                return true;
            }
        }
        return false;
    }

    /** A request with the bridge headers hidden. */
    private static class Hidden extends HttpServletRequestWrapper {
        Hidden(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return EndpointTrust.isBridgeHeader(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return EndpointTrust.isBridgeHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (Enumeration<String> all = super.getHeaderNames(); all != null && all.hasMoreElements();) {
                String name = all.nextElement();
                if (!EndpointTrust.isBridgeHeader(name)) {
                    names.add(name);
                }
            }
            return Collections.enumeration(names);
        }

        /** A bridge header's value, which only a trusted request reads. */
        String bridge(String name) {
            return super.getHeader(name);
        }
    }

    /** A request that came through the endpoint, seen as the client made it. */
    private static final class Bridged extends Hidden {
        private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";
        private static final String CIPHER = "jakarta.servlet.request.cipher_suite";
        private static final String KEY_SIZE = "jakarta.servlet.request.key_size";

        Bridged(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRemoteAddr() {
            return orElse(bridge(EndpointTrust.REMOTE_ADDR), super.getRemoteAddr());
        }

        @Override
        public String getRemoteHost() {
            return orElse(bridge(EndpointTrust.REMOTE_HOST), getRemoteAddr());
        }

        @Override
        public int getRemotePort() {
            return number(bridge(EndpointTrust.REMOTE_PORT), super.getRemotePort());
        }

        @Override
        public String getScheme() {
            return orElse(bridge(EndpointTrust.SCHEME), super.getScheme());
        }

        @Override
        public boolean isSecure() {
            return getScheme().equals("https");
        }

        @Override
        public String getServerName() {
            return orElse(bridge(EndpointTrust.SERVER_NAME), super.getServerName());
        }

        @Override
        public int getServerPort() {
            return number(bridge(EndpointTrust.SERVER_PORT), super.getServerPort());
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
            int port = getServerPort();
            if (port > 0 && port != (isSecure() ? 443 : 80)) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }

        @Override
        public String getRemoteUser() {
            String user = super.getRemoteUser();
            return user != null ? user : bridge(EndpointTrust.REMOTE_USER);
        }

        @Override
        public Principal getUserPrincipal() {
            Principal principal = super.getUserPrincipal();
            String user = bridge(EndpointTrust.REMOTE_USER);
            return principal != null || user == null ? principal : () -> user;
        }

        @Override
        public String getAuthType() {
            String type = super.getAuthType();
            return type != null ? type : bridge(EndpointTrust.AUTH_TYPE);
        }

        @Override
        public Object getAttribute(String name) {
            Object value = super.getAttribute(name);
            if (value != null || !isSecure()) {
                return value;
            }
            switch (name) {
                case CERTIFICATES:
                    return certificates();
                case CIPHER:
                    return orElse(getHeader("SSL_CIPHER"), getHeader("HTTPS_CIPHER"));
                case KEY_SIZE:
                    String size = orElse(getHeader("SSL_CIPHER_USEKEYSIZE"), getHeader("SSL_SECRETKEYSIZE"));
                    return size == null ? null : number(size, 0);
                default:
                    return null;
            }
        }

        private X509Certificate[] certificates() {
            String encoded = bridge(EndpointTrust.CLIENT_CERT);
            if (encoded == null) {
                return null;
            }
            try {
                byte[] bytes = Base64.getDecoder().decode(encoded);
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                return new X509Certificate[] {(X509Certificate) factory.generateCertificate(new ByteArrayInputStream(bytes))};
            } catch (IllegalArgumentException | CertificateException e) {
                LOG.fine(() -> "the client certificate the web tier sent is not one: " + e.getMessage());
                return null;
            }
        }

        private static String orElse(String value, String fallback) {
            return value == null || value.isEmpty() ? fallback : value;
        }

        private static int number(String text, int fallback) {
            try {
                return text == null ? fallback : Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}

package dev.turnpike.cdi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * How the HMUX endpoint tells this server's web-app who the client really is. The endpoint
 * bridges each request over a loopback HTTP connection, so the request would otherwise seem to
 * come from this machine: it adds the headers below, and the web-app believes them only when
 * {@link #SECRET} carries this application's secret, a random value made when the application
 * starts and never sent anywhere else. Headers with the {@link #PREFIX} that come from anyone
 * else, a browser behind mod_caucho included, are dropped by the endpoint and hidden by the
 * web-app.
 *
 * <p>Registered by {@link TurnpikeExtension} as an application-scoped bean, shared by the EJB
 * module (the endpoint) and the web module.
 */
public class EndpointTrust {

    /** What every bridge header's name starts with. */
    public static final String PREFIX = "X-Turnpike-Hmux-";
    /** The application's secret: the request came through the endpoint. */
    public static final String SECRET = PREFIX + "Secret";
    /** The client's address as the web tier saw it. */
    public static final String REMOTE_ADDR = PREFIX + "Remote-Addr";
    /** The client's host name, or its address. */
    public static final String REMOTE_HOST = PREFIX + "Remote-Host";
    /** The client's port. */
    public static final String REMOTE_PORT = PREFIX + "Remote-Port";
    /** {@code https} when the client used HTTPS, else {@code http}. */
    public static final String SCHEME = PREFIX + "Scheme";
    /** The virtual host the client asked for, without port. */
    public static final String SERVER_NAME = PREFIX + "Server-Name";
    /** The port the client connected to. */
    public static final String SERVER_PORT = PREFIX + "Server-Port";
    /** The user the web server authenticated. */
    public static final String REMOTE_USER = PREFIX + "Remote-User";
    /** How the web server authenticated the user. */
    public static final String AUTH_TYPE = PREFIX + "Auth-Type";
    /** The client certificate's bytes (PEM or DER) in base-64. */
    public static final String CLIENT_CERT = PREFIX + "Client-Cert";

    private final String secret;

    public EndpointTrust() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The secret the endpoint sends in {@link #SECRET}. */
    public String secret() {
        return secret;
    }

    /** Whether a request's {@link #SECRET} value is this application's secret, compared in constant time. */
    public boolean trusts(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII),
                secret.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a header is one of the bridge's, whoever sent it. */
    public static boolean isBridgeHeader(String name) {
        return name.length() >= PREFIX.length() && name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    @Override
    public String toString() {
        return "endpoint trust (headers " + PREFIX.toLowerCase(Locale.ROOT) + "*)";
    }
}

package dev.turnpike.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Guards the API's state-changing calls against cross-site requests: each must carry the header
 * {@value #HEADER} with the token of its user ({@code GET /turnpike/api/csrf}), which a page of
 * another site can neither read nor send (a custom header needs a CORS permission the API never
 * gives), and an {@code Origin} header, when the browser sends one, must be this server's.
 *
 * <p>A token is an HMAC of the user name under a key made when the application starts, so it
 * needs no session and stops working when the application restarts.
 */
@ApplicationScoped
public class CsrfGuard {

    /** The request header that carries the token. */
    public static final String HEADER = "X-Turnpike-Csrf";

    private final SecretKeySpec key;

    public CsrfGuard() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The token of a user. */
    public String token(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(user.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    /** Why the request may not change anything, or {@code null} when it may. */
    public String refusal(HttpServletRequest request, String user) {
        String sent = request.getHeader(HEADER);
        if (sent == null) {
            return "a state-changing call needs the header " + HEADER + " (GET /turnpike/api/csrf gives its value)";
        }
        if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                token(user).getBytes(StandardCharsets.UTF_8))) {
            return "the " + HEADER + " header is not this user's token (GET /turnpike/api/csrf gives it)";
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            return "the request comes from the page of another site (" + origin + ")";
        }
        return null;
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        String host = request.getHeader("Host");
        String expected = host == null ? request.getServerName() + ":" + request.getServerPort()
                : host.contains(":") && !host.endsWith("]") ? host : host + ":" + (request.isSecure() ? 443 : 80);
        return (uri.getHost() + ":" + port).toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
    }
}

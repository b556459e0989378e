package dev.turnpike.mapping;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * The etag of a host's configuration reply (resin-spec 5.1.1): 11 characters of the URL-safe
 * base-64 alphabet, the first 64 bits of a SHA-256 over everything the reply says. The plugin
 * only compares etags for equality, so the digest just has to change when the reply does and
 * stay put when it does not.
 *
 * <p>Digested, each string preceded by its length so no two inputs run together: a format tag,
 * the caller's cluster description (cluster id, servers, timing values), the session URL prefix,
 * the canonical host name, then per web-app, ordered by context path so the order the server
 * lists its deployments in does not matter: {@code a} and the context path, then {@code U}, or
 * {@code m} and {@code i} (ignore) entries with their patterns in table order.
 */
final class PluginEtag {

    private static final String FORMAT = "turnpike-plugin-table-1";

    private PluginEtag() {
    }

    static String of(String clusterDescription, String sessionUrlPrefix, HostReply reply) {
        MessageDigest digest = sha256();
        update(digest, FORMAT);
        update(digest, clusterDescription);
        update(digest, sessionUrlPrefix);
        update(digest, reply.canonicalName());
        List<HostReply.WebApp> byContext = reply.webApps().stream()
                .sorted(Comparator.comparing(HostReply.WebApp::contextPath)).toList();
        for (HostReply.WebApp app : byContext) {
            update(digest, "a");
            update(digest, app.contextPath());
            if (!app.available()) {
                update(digest, "U");
            }
            for (String pattern : app.match()) {
                update(digest, "m");
                update(digest, pattern);
            }
            for (String pattern : app.ignore()) {
                update(digest, "i");
                update(digest, pattern);
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest.digest(), 8));
    }

    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

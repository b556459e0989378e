package dev.turnpike.balance;

/**
 * Where a request carries its session id: the session cookie, the SSL session cookie and the
 * URL's path parameter (Resin's {@code session-cookie}, {@code ssl-session-cookie} and
 * {@code session-url-prefix}, resin-spec 2.1).
 *
 * <p>The first of these that holds a non-empty id wins:
 * <ol>
 *   <li>on a secure request, the SSL session cookie;</li>
 *   <li>the session cookie (also on a secure request, when the SSL cookie is absent);</li>
 *   <li>the URL: the text after the last occurrence of the prefix in the request URI, up to the
 *       next {@code ?} or {@code #} or the end.</li>
 * </ol>
 * Cookies come before the URL as in mod_caucho, and as in the servlet containers behind the
 * balancer, which use the cookie's session when a request has both: routing by the cookie sends
 * the request to the owner of the session it will really use. (The IIS handler reads the URL
 * first.)
 *
 * @param sessionCookie    the session cookie name, {@code JSESSIONID} by default
 * @param sslSessionCookie the cookie name on secure requests; the same as the session cookie
 *                         unless configured (the IIS handler's default is {@code SSLJSESSIONID})
 * @param urlPrefix        the text that introduces the id in a URL, {@code ;jsessionid=} by default
 */
public record StickySource(String sessionCookie, String sslSessionCookie, String urlPrefix) {

    /** Resin's defaults: {@code JSESSIONID} for both cookies, {@code ;jsessionid=} in URLs. */
    public static final StickySource DEFAULT = new StickySource("JSESSIONID", "JSESSIONID", ";jsessionid=");

    public StickySource {
        requireText("session-cookie", sessionCookie, "name");
        requireText("ssl-session-cookie", sslSessionCookie, "name");
        requireText("session-url-prefix", urlPrefix, "prefix");
    }

    /** Where the session id was found. */
    public enum Origin {
        SSL_COOKIE, COOKIE, URL
    }

    /**
     * A session id and where it was found.
     *
     * @param id     the id, never empty
     * @param origin where the request carried it
     */
    public record Found(String id, Origin origin) {
    }

    /** The request's session id, or {@code null} when it carries none. */
    public Found find(StickyRequest request) {
        if (request.secure()) {
            String id = request.cookies().get(sslSessionCookie);
            if (id != null && !id.isEmpty()) {
                return new Found(id, Origin.SSL_COOKIE);
            }
        }
        String id = request.cookies().get(sessionCookie);
        if (id != null && !id.isEmpty()) {
            return new Found(id, Origin.COOKIE);
        }
        id = fromUrl(request.requestUri());
        return id.isEmpty() ? null : new Found(id, Origin.URL);
    }

    /** The three settings as configured. */
    @Override
    public String toString() {
        return "session-cookie=\"" + sessionCookie + "\" ssl-session-cookie=\"" + sslSessionCookie
                + "\" session-url-prefix=\"" + urlPrefix + "\"";
    }

    private String fromUrl(String uri) {
        int at = uri.lastIndexOf(urlPrefix);
        if (at < 0) {
            return "";
        }
        int start = at + urlPrefix.length();
        int end = start;
        while (end < uri.length() && uri.charAt(end) != '?' && uri.charAt(end) != '#') {
            end++;
        }
        return uri.substring(start, end);
    }

    private static void requireText(String name, String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + ": \"\" (expected: a non-empty " + what + ")");
        }
    }
}

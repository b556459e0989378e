package dev.turnpike.hmux.endpoint;

import java.util.Objects;

/**
 * Puts this server's {@link ServerCode} in front of the session ids leaving it and takes it off
 * the ids arriving, so web tiers route a session back here while the server keeps its own ids
 * (resin-spec 2.1).
 *
 * <p>Leaving: the value of a {@code Set-Cookie} of a session cookie, and the id after the session
 * URL prefix ({@code ;jsessionid=}) in a {@code Location}. URLs inside response bodies are left
 * alone. Arriving: the session cookies of a {@code Cookie} header and the id after the prefix in
 * the request path lose a leading code of this server's pod ({@link ServerCode#carriedBy}), so an
 * id issued by another server of the pod that shares sessions with this one is found here too.
 * An empty value (a cookie being deleted) is left as it is.
 *
 * @param code the code of this server
 * @param cookieName the session cookie, {@code JSESSIONID} by default
 * @param sslCookieName the session cookie of HTTPS requests; the same name unless configured
 * @param urlPrefix what comes before an id in a URL, {@code ;jsessionid=} by default
 */
public record SessionIds(ServerCode code, String cookieName, String sslCookieName, String urlPrefix) {

    public SessionIds {
        Objects.requireNonNull(code, "code");
        requireToken("session cookie", cookieName);
        requireToken("SSL session cookie", sslCookieName);
        if (urlPrefix.isEmpty()) {
            throw new IllegalArgumentException("session URL prefix: \"\" (expected: text such as ;jsessionid=)");
        }
    }

    /** Resin's and the servlet containers' names: {@code JSESSIONID} and {@code ;jsessionid=}. */
    public static SessionIds standard(ServerCode code) {
        return new SessionIds(code, "JSESSIONID", "JSESSIONID", ";jsessionid=");
    }

    /** A {@code Set-Cookie} value with the code added when it sets a session cookie. */
    public String leavingCookie(String setCookie) {
        int equals = setCookie.indexOf('=');
        if (equals < 0 || !isSessionCookie(setCookie.substring(0, equals).strip())) {
            return setCookie;
        }
        int start = equals + 1;
        if (start < setCookie.length() && setCookie.charAt(start) == '"') {
            start++;
        }
        int end = valueEnd(setCookie, start);
        return end == start ? setCookie : setCookie.substring(0, start) + code.value() + setCookie.substring(start);
    }

    /** A URL with the code added to the session id after the URL prefix, if it has one. */
    public String leavingUrl(String url) {
        int at = url.indexOf(urlPrefix);
        if (at < 0) {
            return url;
        }
        int start = at + urlPrefix.length();
        int end = urlIdEnd(url, start);
        return end == start ? url : url.substring(0, start) + code.value() + url.substring(start);
    }

    /** A {@code Cookie} header value with the code taken off every session cookie carrying it. */
    public String arrivingCookies(String cookies) {
        if (!cookies.contains(cookieName) && !cookies.contains(sslCookieName)) {
            return cookies;
        }
        StringBuilder out = new StringBuilder(cookies.length());
        int pairStart = 0;
        while (pairStart <= cookies.length()) {
            int pairEnd = cookies.indexOf(';', pairStart);
            if (pairEnd < 0) {
                pairEnd = cookies.length();
            }
            out.append(arrivingPair(cookies.substring(pairStart, pairEnd)));
            if (pairEnd < cookies.length()) {
                out.append(';');
            }
            pairStart = pairEnd + 1;
        }
        return out.toString();
    }

    /** A request path with the code taken off the session id after the URL prefix, if it carries it. */
    public String arrivingPath(String path) {
        int at = path.indexOf(urlPrefix);
        if (at < 0) {
            return path;
        }
        int start = at + urlPrefix.length();
        int end = urlIdEnd(path, start);
        return code.carriedBy(path.substring(start, end)) ? path.substring(0, start) + path.substring(start + 3) : path;
    }

    private boolean isSessionCookie(String name) {
        return name.equals(cookieName) || name.equals(sslCookieName);
    }

    /** One {@code name=value} of a {@code Cookie} header, the code taken off a session id carrying it. */
    private String arrivingPair(String pair) {
        int equals = pair.indexOf('=');
        if (equals <= 0 || !isSessionCookie(pair.substring(0, equals).strip())) {
            return pair;
        }
        int start = equals + 1;
        while (start < pair.length() && pair.charAt(start) == ' ') {
            start++;
        }
        if (start < pair.length() && pair.charAt(start) == '"') {
            start++;
        }
        return code.carriedBy(pair.substring(start, valueEnd(pair, start))) ? pair.substring(0, start)
                + pair.substring(start + 3) : pair;
    }

    private static int valueEnd(String text, int start) {
        int end = start;
        while (end < text.length() && text.charAt(end) != ';' && text.charAt(end) != '"' && text.charAt(end) != ' ') {
            end++;
        }
        return end;
    }

    private static int urlIdEnd(String url, int start) {
        int end = start;
        while (end < url.length() && "?#;/".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    private static void requireToken(String what, String name) {
        if (name == null || name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new IllegalArgumentException(what + " name: \"" + name + "\" (expected: a cookie name token)");
        }
    }

    @Override
    public String toString() {
        return "server code " + code + ", session cookie " + cookieName
                + (sslCookieName.equals(cookieName) ? "" : " (HTTPS: " + sslCookieName + ")") + ", URL prefix " + urlPrefix;
    }
}

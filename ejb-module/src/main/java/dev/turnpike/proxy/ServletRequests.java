package dev.turnpike.proxy;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.balance.StickyRequest;
import dev.turnpike.rules.Decision;
import dev.turnpike.rules.PercentEncoding;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a backend connector needs from a servlet request: the {@link BackendRequest} and the
 * {@link StickyRequest}.
 *
 * <p>The path sent is the request's own URI, exactly as the browser wrote it (path parameters such
 * as {@code ;jsessionid=} included), unless the rule substituted a target: then the target's path
 * is sent, percent-encoded where it must be, with the target's query (control characters, space
 * and non-ASCII percent-encoded) if it has one and otherwise the request's.
 *
 * <p>A body is sent when the request has a {@code Content-Length} above 0, is chunked, or, on
 * HTTP/2, where neither header frames it, when a first byte of it arrives.
 */
final class ServletRequests {

    private ServletRequests() {
    }

    static BackendRequest backendRequest(HttpServletRequest request, Decision.Proxy decision) throws IOException {
        String uri;
        String path;
        String query = request.getQueryString();
        if (decision.rewritten()) {
            String target = decision.uri();
            int mark = target.indexOf('?');
            if (mark >= 0) {
                query = targetQuery(target.substring(mark + 1));
                target = target.substring(0, mark);
            }
            path = target;
            uri = PercentEncoding.encode(target, ServletRequests::keepInPath, true);
        } else {
            uri = request.getRequestURI();
            path = decode(uri);
        }
        BackendRequest.Builder builder = BackendRequest.builder(request.getMethod(), uri, path)
                .query(query)
                .protocol(request.getProtocol())
                .server(request.getScheme(), request.getServerName(), request.getServerPort())
                .remote(request.getRemoteAddr(), request.getRemoteHost(), request.getRemotePort())
                .user(request.getRemoteUser(), request.getAuthType())
                .clientCert(clientCert(request));
        boolean chunked = false;
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                builder.header(name, value);
                if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    // framingProblem has made sure it is exactly chunked
                    chunked = true;
                }
            }
        }
        long length = request.getContentLengthLong();
        if (length > 0 || chunked) {
            builder.body(request.getInputStream(), chunked ? -1 : length);
        } else if (length < 0 && !request.getProtocol().startsWith("HTTP/1.")) {
            // HTTP/2 frames a body without Content-Length or Transfer-Encoding: look for a first byte
            PushbackInputStream body = new PushbackInputStream(request.getInputStream(), 1);
            int first = body.read();
            if (first >= 0) {
                body.unread(first);
                builder.body(body, -1);
            }
        }
        return builder.build();
    }

    /**
     * Why the request is not forwarded, or {@code null} when it may be: its body framing is not
     * one Turnpike can state unambiguously to a backend ({@link #framingProblem(String, List, List)}),
     * or a header value holds a control character other than tab, which a backend could read
     * otherwise than the web tier (a NUL ends a C string, a CR ends a line for some parsers). The
     * servlet container refuses most such requests itself; this is the proxy's own check, since
     * it must not guess.
     */
    static String refusal(HttpServletRequest request) {
        String framing = framingProblem(request.getProtocol(), Collections.list(request.getHeaders("Content-Length")),
                Collections.list(request.getHeaders("Transfer-Encoding")));
        if (framing != null) {
            return framing;
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                String problem = valueProblem(name, value);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    /** Why a header value is not forwarded (a control character other than tab), or {@code null}. */
    static String valueProblem(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return "header " + shown(name) + " holds control character 0x" + Integer.toHexString(c)
                        + " (expected: text and tabs)";
            }
        }
        return null;
    }

    /**
     * Why the body framing is not one Turnpike can state unambiguously (RFC 9112 6.1-6.3), or
     * {@code null} when it is: either no {@code Transfer-Encoding} and at most one
     * {@code Content-Length} of digits, or exactly {@code Transfer-Encoding: chunked} on HTTP/1.1
     * without {@code Content-Length}.
     */
    static String framingProblem(String protocol, List<String> contentLengths, List<String> transferEncodings) {
        if (!transferEncodings.isEmpty()) {
            if (!contentLengths.isEmpty()) {
                return "both Content-Length and Transfer-Encoding";
            }
            String codings = String.join(",", transferEncodings).strip();
            if (!codings.equalsIgnoreCase("chunked")) {
                return "Transfer-Encoding \"" + shown(codings) + "\" (expected: chunked)";
            }
            if (!protocol.equals("HTTP/1.1")) {
                return "Transfer-Encoding on " + shown(protocol) + " (expected: HTTP/1.1)";
            }
            return null;
        }
        if (contentLengths.size() > 1) {
            return contentLengths.size() + " Content-Length fields (expected: one)";
        }
        if (contentLengths.size() == 1) {
            String length = contentLengths.get(0).strip();
            boolean digits = !length.isEmpty() && length.length() <= 18;
            for (int i = 0; digits && i < length.length(); i++) {
                digits = length.charAt(i) >= '0' && length.charAt(i) <= '9';
            }
            if (!digits) {
                return "Content-Length \"" + shown(length) + "\" (expected: a number of at most 18 digits)";
            }
        }
        return null;
    }

    /** A client's value for the log: at most 40 characters, control characters as {@code ?}. */
    private static String shown(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        StringBuilder shown = new StringBuilder(cut.length());
        cut.chars().forEach(c -> shown.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
        return shown.toString();
    }

    static StickyRequest stickyRequest(HttpServletRequest request) {
        Map<String, String> cookies = new HashMap<>();
        Cookie[] all = request.getCookies();
        if (all != null) {
            for (Cookie cookie : all) {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return new StickyRequest(cookies, request.isSecure(), request.getRequestURI());
    }

    /** Characters that may stay as they are in a path: unreserved, sub-delims, ':', '@', '/' and '%'. */
    private static boolean keepInPath(String text, int index) {
        char c = text.charAt(index);
        return c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/%".indexOf(c) >= 0);
    }

    /** The query of a substituted target as it goes on the wire (see {@link #keepInQuery}). */
    static String targetQuery(String query) {
        return PercentEncoding.encode(query, ServletRequests::keepInQuery, true);
    }

    /**
     * Characters that may stay as they are in the query of a substituted target: printable ASCII
     * but space, {@code "<>\^`{|}} and {@code #}. Captures hold decoded text, so a {@code %0d%0a}
     * of the browser's path arrives here as CR LF and leaves as {@code %0D%0A}, never as a line
     * break in the backend's request (the CVE-2023-25690 shape).
     */
    private static boolean keepInQuery(String text, int index) {
        char c = text.charAt(index);
        return c > 0x20 && c < 0x7f && "\"<>\\^`{|}#".indexOf(c) < 0;
    }

    /** Percent-decodes a path as UTF-8; an escape that is not two hex digits stays as written. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        return new String(PercentEncoding.decodeToBytes(raw), StandardCharsets.UTF_8);
    }


    /** The client certificate as PEM, or {@code null} without one. */
    private static String clientCert(HttpServletRequest request) {
        Object attribute = request.getAttribute("jakarta.servlet.request.X509Certificate");
        if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0) {
            return null;
        }
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(chain[0].getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            return null;
        }
    }
}

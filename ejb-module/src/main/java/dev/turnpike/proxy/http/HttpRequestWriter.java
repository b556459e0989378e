package dev.turnpike.proxy.http;

import dev.turnpike.backend.HeaderSyntax;
import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.HeaderField;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;

/**
 * Writes a request head, {@code METHOD target HTTP/1.1}, the headers and the body's framing, as
 * bytes, refusing anything that could change how the backend splits the stream. A refusal is an
 * {@link IllegalArgumentException} with code {@code TPP0013}, thrown before a byte is written:
 * <ul>
 *   <li>the method must be a token;</li>
 *   <li>the target must be in origin form ({@code /path[?query]}), or {@code *} for
 *       {@code OPTIONS}: an absolute-form target ({@code http://other/}) would make the backend
 *       a proxy for whoever wrote it;</li>
 *   <li>no control character, space or DEL in the target, none but tab in a header value, and
 *       header names must be tokens: a CR, LF or NUL would let the browser end the head early and
 *       smuggle a second request.</li>
 * </ul>
 * Characters are written as ISO-8859-1, one byte each, which gives back the bytes a servlet
 * container read that way (a raw UTF-8 query, obs-text in a header); a character above
 * 0xff cannot have come off the wire and is refused.
 *
 * <p>The body's framing: {@code Content-Length} when the length is known,
 * {@code Transfer-Encoding: chunked} when it is not ({@code -1}); without a body,
 * {@code Content-Length: 0} for {@code POST}, {@code PUT} and {@code PATCH} (RFC 9110 §8.6) or when
 * the browser sent a length, nothing otherwise.
 */
final class HttpRequestWriter {

    /** The code of every refusal. */
    static final String REFUSED = "TPP0013";

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private HttpRequestWriter() {
    }

    /**
     * The head for the request with the given headers, {@code Content-Length} or
     * {@code Transfer-Encoding} added by the body's framing.
     *
     * @throws IllegalArgumentException (TPP0013) if the method, target or a header cannot go on the wire
     */
    static byte[] head(BackendRequest request, List<HeaderField> headers) {
        String method = request.method();
        if (!HeaderSyntax.isToken(method)) {
            throw refused("method \"" + HttpHeadParser.shown(method) + "\" is not a token");
        }
        String target = request.uriWithQuery();
        checkTarget(method, target);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        ascii(out, method + " " + target + " HTTP/1.1\r\n");
        for (HeaderField field : headers) {
            checkField(field);
            ascii(out, field.name() + ": " + field.value() + "\r\n");
        }
        if (request.hasBody() && request.contentLength() > 0) {
            ascii(out, "Content-Length: " + request.contentLength() + "\r\n");
        } else if (request.hasBody()) {
            ascii(out, "Transfer-Encoding: chunked\r\n");
        } else if (BODY_METHODS.contains(method) || request.header("Content-Length") != null) {
            ascii(out, "Content-Length: 0\r\n");
        }
        ascii(out, "\r\n");
        return out.toByteArray();
    }

    /** Whether the head written for the request announced a chunked body. */
    static boolean chunked(BackendRequest request) {
        return request.hasBody() && request.contentLength() < 0;
    }

    private static void checkTarget(String method, String target) {
        if (target.equals("*") && method.equals("OPTIONS")) {
            return;
        }
        if (!target.startsWith("/")) {
            throw refused("request target \"" + HttpHeadParser.shown(target) + "\" is not in origin form (expected:"
                    + " /path[?query])");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c == 0x7f || c > 0xff) {
                throw refused("request target \"" + HttpHeadParser.shown(target) + "\" holds character 0x"
                        + Integer.toHexString(c) + " at " + i + " (expected: no space, control character or"
                        + " character above 0xff)");
            }
        }
    }

    private static void checkField(HeaderField field) {
        if (!HeaderSyntax.isToken(field.name())) {
            throw refused("header name \"" + HttpHeadParser.shown(field.name()) + "\" is not a token");
        }
        String value = field.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' && c != '\t' || c == 0x7f || c > 0xff) {
                throw refused("header \"" + field.name() + "\" holds character 0x" + Integer.toHexString(c) + " at "
                        + i + " (expected: no control character but tab, nothing above 0xff)");
            }
        }
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(HttpInput.bytes(text));
    }

    private static IllegalArgumentException refused(String problem) {
        return new IllegalArgumentException(REFUSED + " request refused before sending: " + problem);
    }
}

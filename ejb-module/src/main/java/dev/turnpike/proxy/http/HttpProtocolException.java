package dev.turnpike.proxy.http;

import java.io.IOException;

/**
 * The backend broke HTTP/1.1 or one of the client's limits. The client never guesses its way
 * around one of these: the response is refused (or, if it had started, cut off) and the
 * connection closed. Each kind of problem has a stable code, continuing the exchange stages'
 * {@code TPP0001}-{@code TPP0005}:
 * <pre>
 *   TPP0006  malformed status line, or a version other than HTTP/1.0 and HTTP/1.1
 *   TPP0007  the head (status line, header block or number of fields) is over a limit
 *   TPP0008  malformed header line: no colon, a bad name, obs-fold, a control character
 *   TPP0009  the body's length is ambiguous: conflicting or invalid Content-Length, both
 *            Content-Length and Transfer-Encoding, a transfer coding other than chunked
 *   TPP0010  malformed chunked body: a bad or overlong chunk-size line, data not followed by CRLF
 *   TPP0011  an interim response the client cannot follow: 101 Switching Protocols, or too many 1xx
 *   TPP0012  a line of the head or of the chunked framing ended in a bare LF or held a bare CR
 * </pre>
 * The message is the code and what was wrong, e.g.
 * {@code TPP0009 Content-Length "5" conflicts with "6" (expected: one length)}; the exchange
 * failure that carries it adds the backend and the stage.
 */
public final class HttpProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    static final String BAD_STATUS_LINE = "TPP0006";
    static final String HEAD_TOO_LARGE = "TPP0007";
    static final String BAD_HEADER = "TPP0008";
    static final String BAD_FRAMING = "TPP0009";
    static final String BAD_CHUNK = "TPP0010";
    static final String UNSUPPORTED_INTERIM = "TPP0011";
    static final String BAD_LINE_END = "TPP0012";

    private final String code;

    HttpProtocolException(String code, String problem) {
        super(code + " " + problem);
        this.code = code;
    }

    /** The stable code of the problem, {@code TPP0006} to {@code TPP0012}. */
    public String code() {
        return code;
    }
}

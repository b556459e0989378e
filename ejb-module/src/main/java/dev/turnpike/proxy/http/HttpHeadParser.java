package dev.turnpike.proxy.http;

import dev.turnpike.backend.HeaderSyntax;
import dev.turnpike.backend.HeaderField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a response head, or the trailer block of a chunked body, strictly (RFC 9112 §4, §5):
 * <ul>
 *   <li>the status line is {@code HTTP/1.0} or {@code HTTP/1.1}, one space, three digits
 *       (100-599), then nothing or one space and a reason phrase; no empty lines before it;</li>
 *   <li>a header line is a token, a colon right after it (whitespace before the colon is
 *       refused, RFC 9112 §5.1), and a value without control characters other than tab; the
 *       value's surrounding spaces and tabs are dropped;</li>
 *   <li>obs-fold (a line starting with a space or tab, continuing the previous one) is refused:
 *       a proxy may not pass it on and unfolding it is guessing;</li>
 *   <li>lines end in CRLF ({@link HttpInput} refuses bare LF and CR);</li>
 *   <li>the status line, the header block (CRLFs included) and the number of fields are bounded
 *       by {@link HttpHeadLimits}, so an endless head stops at the limit.</li>
 * </ul>
 */
final class HttpHeadParser {

    private HttpHeadParser() {
    }

    /**
     * One response head, interim or final.
     *
     * @throws HttpProtocolException if the head is malformed or over a limit
     * @throws java.io.EOFException if the stream ends inside it
     */
    static HttpResponseHead readResponseHead(HttpInput in, HttpHeadLimits limits) throws IOException {
        String line = in.readLine(limits.statusLine(), HttpProtocolException.HEAD_TOO_LARGE, "status line");
        HttpResponseHead status = statusLine(line);
        List<HeaderField> fields = readFields(in, limits, "header");
        return new HttpResponseHead(status.minorVersion(), status.status(), status.reason(), fields);
    }

    /** The trailer block after the last chunk, checked as headers are and then discarded. */
    static void skipTrailers(HttpInput in, HttpHeadLimits limits) throws IOException {
        readFields(in, limits, "trailer");
    }

    /** The status line's version, code and reason, as a head without fields. */
    static HttpResponseHead statusLine(String line) throws HttpProtocolException {
        boolean wellFormed = line.length() >= 12 && line.startsWith("HTTP/1.") && line.charAt(8) == ' '
                && (line.length() == 12 || line.charAt(12) == ' ');
        int minor = wellFormed ? line.charAt(7) - '0' : -1;
        wellFormed &= minor == 0 || minor == 1;
        int status = 0;
        for (int i = 9; wellFormed && i < 12; i++) {
            char c = line.charAt(i);
            wellFormed = c >= '0' && c <= '9';
            status = status * 10 + c - '0';
        }
        if (!wellFormed || status < 100 || status > 599) {
            throw new HttpProtocolException(HttpProtocolException.BAD_STATUS_LINE, "status line \"" + shown(line)
                    + "\" (expected: HTTP/1.1 or HTTP/1.0, a code 100-599 and a reason, e.g. \"HTTP/1.1 200 OK\")");
        }
        String reason = line.length() > 13 ? line.substring(13) : "";
        int bad = HeaderSyntax.controlAt(reason);
        if (bad >= 0) {
            throw new HttpProtocolException(HttpProtocolException.BAD_STATUS_LINE, "reason phrase holds control"
                    + " character 0x" + Integer.toHexString(reason.charAt(bad)) + " (expected: text)");
        }
        return new HttpResponseHead(minor, status, reason, List.of());
    }

    /** One header line as a field. */
    static HeaderField field(String line, String what) throws HttpProtocolException {
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            throw new HttpProtocolException(HttpProtocolException.BAD_HEADER, what + " line \"" + shown(line)
                    + "\" is folded onto the previous one (obs-fold is not accepted)");
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new HttpProtocolException(HttpProtocolException.BAD_HEADER, what + " line \"" + shown(line)
                    + "\" (expected: name: value)");
        }
        String name = line.substring(0, colon);
        if (!HeaderSyntax.isToken(name)) {
            throw new HttpProtocolException(HttpProtocolException.BAD_HEADER, what + " name \"" + shown(name)
                    + "\" is not a token (expected: letters, digits and !#$%&'*+-.^_`|~, no space before the colon)");
        }
        String value = strip(line.substring(colon + 1));
        int bad = HeaderSyntax.controlAt(value);
        if (bad >= 0) {
            throw new HttpProtocolException(HttpProtocolException.BAD_HEADER, what + " \"" + name + "\" holds control"
                    + " character 0x" + Integer.toHexString(value.charAt(bad)) + " (expected: text and tabs)");
        }
        return new HeaderField(name, value);
    }


    private static List<HeaderField> readFields(HttpInput in, HttpHeadLimits limits, String what)
            throws IOException {
        List<HeaderField> fields = new ArrayList<>();
        int remaining = limits.headerBlock();
        while (true) {
            if (remaining < 2) {
                throw blockTooLarge(limits, what);
            }
            String line;
            try {
                line = in.readLine(remaining - 2, HttpProtocolException.HEAD_TOO_LARGE, what + " line");
            } catch (HttpProtocolException e) {
                if (e.code().equals(HttpProtocolException.HEAD_TOO_LARGE)) {
                    throw blockTooLarge(limits, what);
                }
                throw e;
            }
            remaining -= line.length() + 2;
            if (line.isEmpty()) {
                return fields;
            }
            if (fields.size() == limits.fields()) {
                throw new HttpProtocolException(HttpProtocolException.HEAD_TOO_LARGE, "more than " + limits.fields()
                        + " " + what + " fields (expected: at most " + limits.fields() + ")");
            }
            fields.add(field(line, what));
        }
    }

    private static HttpProtocolException blockTooLarge(HttpHeadLimits limits, String what) {
        return new HttpProtocolException(HttpProtocolException.HEAD_TOO_LARGE, what + " block longer than "
                + limits.headerBlock() + " bytes (expected: at most " + limits.headerBlock() + ")");
    }

    private static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }

    /** A line for a message: at most 80 chars, control characters as {@code \xNN}. */
    static String shown(String line) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < line.length() && i < 80; i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                shown.append(String.format("\\x%02x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return line.length() > 80 ? shown + "..." : shown.toString();
    }
}

package dev.turnpike.proxy.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a response's body is delimited (RFC 9112 §6.3), decided from the request method and the
 * head before anything reaches the browser, so an ambiguous response is refused whole:
 * <pre>
 *   NONE         a response to HEAD, 1xx, 204, 304
 *   LENGTH n     Content-Length: every value (repeated fields, comma lists) the same number
 *   CHUNKED      Transfer-Encoding: chunked, and no Content-Length
 *   UNTIL_CLOSE  neither: the body ends when the backend closes; the connection is not reused
 * </pre>
 * Refused (TPP0009): differing or non-numeric Content-Length values; Content-Length together with
 * Transfer-Encoding (a request-smuggling shape, which RFC 9112 lets a recipient resolve, but only by
 * guessing which of two programs was right); a transfer coding other than {@code chunked} alone, which
 * the client would have to decode and cannot. These are checked whatever the status, even where
 * no body follows.
 *
 * @param kind how the body is delimited
 * @param length the body's length for {@link Kind#LENGTH}, else -1
 * @param declaredLength the Content-Length value, or -1 if there was none
 */
record ResponseFraming(Kind kind, long length, long declaredLength) {

    /** How a body is delimited. */
    enum Kind {
        NONE, LENGTH, CHUNKED, UNTIL_CLOSE
    }

    /**
     * The framing of the final response to a request.
     *
     * @param headRequest whether the request was {@code HEAD}
     * @throws HttpProtocolException if the head does not say unambiguously
     */
    static ResponseFraming of(boolean headRequest, HttpResponseHead head) throws HttpProtocolException {
        long declared = contentLength(head.values("Content-Length"));
        List<String> codings = codings(head.values("Transfer-Encoding"));
        if (!codings.isEmpty() && declared >= 0) {
            throw new HttpProtocolException(HttpProtocolException.BAD_FRAMING, "both Content-Length and"
                    + " Transfer-Encoding (expected: one of them)");
        }
        if (!codings.isEmpty() && !(codings.size() == 1 && codings.get(0).equals("chunked"))) {
            throw new HttpProtocolException(HttpProtocolException.BAD_FRAMING, "Transfer-Encoding \""
                    + String.join(", ", codings) + "\" (expected: chunked alone)");
        }
        int status = head.status();
        if (headRequest || status < 200 || status == 204 || status == 304) {
            return new ResponseFraming(Kind.NONE, -1, declared);
        }
        if (!codings.isEmpty()) {
            return new ResponseFraming(Kind.CHUNKED, -1, -1);
        }
        if (declared >= 0) {
            return new ResponseFraming(Kind.LENGTH, declared, declared);
        }
        return new ResponseFraming(Kind.UNTIL_CLOSE, -1, -1);
    }

    /** The one length all Content-Length values agree on, or -1 without any. */
    private static long contentLength(List<String> values) throws HttpProtocolException {
        String first = null;
        long length = -1;
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String text = part.strip();
                if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new HttpProtocolException(HttpProtocolException.BAD_FRAMING, "Content-Length \""
                            + HttpHeadParser.shown(value) + "\" (expected: a number of at most 18 digits)");
                }
                long parsed = Long.parseLong(text);
                if (first == null) {
                    first = text;
                    length = parsed;
                } else if (parsed != length) {
                    throw new HttpProtocolException(HttpProtocolException.BAD_FRAMING, "Content-Length \"" + text
                            + "\" conflicts with \"" + first + "\" (expected: one length)");
                }
            }
        }
        return length;
    }

    /** The transfer codings of every Transfer-Encoding field, lower case, in order. */
    private static List<String> codings(List<String> values) {
        List<String> codings = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String coding = part.strip().toLowerCase(Locale.ROOT);
                if (!coding.isEmpty()) {
                    codings.add(coding);
                }
            }
        }
        return codings;
    }
}

package dev.turnpike.it.resin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * An HTTP response exactly as it came off the wire.
 *
 * @param version the protocol token of the status line, e.g. {@code HTTP/1.1}
 * @param status  the status code
 * @param reason  the reason phrase, possibly empty
 * @param headers the header fields in wire order, repeated names kept; values decoded as ISO-8859-1
 *                so every byte survives
 * @param body    the body after removing the transfer coding (chunked), trailers dropped
 */
public record RawResponse(String version, int status, String reason, List<Header> headers, byte[] body) {

    /** One header field; the name keeps the case the server used. */
    public record Header(String name, String value) {
    }

    public RawResponse {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The first value of the named header (case-insensitive), if present. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    /** The first value of the named header, or {@code null}. */
    public String headerOrNull(String name) {
        return header(name).orElse(null);
    }

    /** Every value of the named header (case-insensitive), in wire order. */
    public List<String> headers(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return version + " " + status + " " + reason + " " + headers + " (" + body.length + " body bytes)";
    }
}

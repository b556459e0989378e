package dev.turnpike.hmux;

/**
 * Where in an HMUX conversation a frame is read, which decides what its code byte means.
 *
 * <p>HMUX reuses code letters: web tier to backend, {@code h} is the remote host of an HTTP
 * request, but inside a dispatch-configuration query (after {@code P 0x102}) it is the host
 * being asked about; backend to web tier, {@code s} is the response status, but in a
 * dispatch-configuration reply it is a backend address. A context names one such vocabulary.
 *
 * <pre>
 *   web tier → backend:  HTTP_REQUEST ──P 0x102──▶ DISPATCH_QUERY ──Q/X──▶ HTTP_REQUEST
 *   backend → web tier:  HTTP_RESPONSE ─(the web tier asked a dispatch query)─▶ DISPATCH_REPLY ──Q/X──▶ HTTP_RESPONSE
 * </pre>
 */
public enum HmuxContext {

    /** Web tier to backend: the head and body of an HTTP request. */
    HTTP_REQUEST("a request"),

    /** Backend to web tier: status, headers and body of an HTTP response. */
    HTTP_RESPONSE("a response"),

    /** Web tier to backend, after {@code P 0x102}: a dispatch-configuration query. */
    DISPATCH_QUERY("a dispatch-configuration query"),

    /** Backend to web tier: the reply to a dispatch-configuration query. */
    DISPATCH_REPLY("a dispatch-configuration reply");

    private final String description;

    HmuxContext(String description) {
        this.description = description;
    }

    /** The context as it reads in a message, e.g. {@code a request}. */
    String description() {
        return description;
    }
}

package dev.turnpike.backend;

import java.io.IOException;

/**
 * Receives a backend's response as it arrives, so a body streams through without being held
 * whole. Every connector (HMUX, HTTP, FastCGI) calls it on the thread running the exchange, in
 * this order:
 * <pre>
 *   status  (header | metaHeader)*  headersEnd  (body | flush)*  end
 * </pre>
 * The response may start before the request body has been sent completely: a backend can answer
 * without reading the body (HMUX: while the client waits for an {@code A}, resin-spec 1.5).
 *
 * <p>If a method throws an {@link IOException} (the browser went away), the exchange stops, the
 * connection to the backend is closed, and the connector reports an {@link ExchangeException} of
 * stage {@link ExchangeException.Stage#CLIENT}. mod_caucho instead reads and discards the rest of
 * the response to keep the connection; closing it costs the backend one connection and saves
 * reading a body nobody wants.
 */
public interface ResponseSink {

    /**
     * The status line's code and reason (HMUX: the {@code s} frame {@code "NNN reason"}).
     *
     * @param code the three-digit status code
     * @param reason the reason phrase, possibly empty
     */
    void status(int code, String reason) throws IOException;

    /** A header for the browser (HMUX: an {@code H}/{@code S} pair); repeated names come as repeated calls. */
    void header(String name, String value) throws IOException;

    /**
     * A header meant for the web tier only (HMUX: an {@code M}/{@code S} pair), e.g. {@code cpu-load}
     * (resin-spec 2.9). Never relay it. Ignored unless overridden.
     */
    default void metaHeader(String name, String value) throws IOException {
    }

    /** The headers are complete (HMUX: {@code G}). Nothing to do unless overridden. */
    default void headersEnd() throws IOException {
    }

    /** The next piece of the body (HMUX: {@code D}); the array is not used after the call returns. */
    void body(byte[] bytes, int offset, int length) throws IOException;

    /** The backend flushed (HMUX: {@code f}): pass what was relayed so far on to the browser. */
    void flush() throws IOException;

    /** The response is complete. */
    void end() throws IOException;
}

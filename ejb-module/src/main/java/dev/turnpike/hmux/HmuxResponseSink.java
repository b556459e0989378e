package dev.turnpike.hmux;

import java.io.IOException;

/**
 * Receives a backend's response as it arrives, frame by frame, so a body streams through without
 * being held whole. An {@link HmuxConnection} calls it on the thread running the exchange, in this
 * order:
 * <pre>
 *   status  (header | metaHeader)*  headersEnd  (body | flush)*  end
 * </pre>
 * The response may start before the request body has been sent completely: the backend can answer
 * while the client waits for an {@code A} (resin-spec 1.5).
 *
 * <p>If a method throws an {@link IOException} (the browser went away), the exchange stops, the
 * connection to the backend is closed, and the client reports a failure of stage
 * {@link HmuxExchangeException.Stage#CLIENT}. mod_caucho instead reads and discards the rest of
 * the response to keep the connection; closing it costs the backend one connection and saves
 * reading a body nobody wants.
 */
public interface HmuxResponseSink {

    /**
     * The status, from the {@code s} frame {@code "NNN reason"}.
     *
     * @param code the three-digit status code
     * @param reason the reason phrase, possibly empty
     */
    void status(int code, String reason) throws IOException;

    /** A header for the browser, from an {@code H}/{@code S} pair; repeated names come as repeated calls. */
    void header(String name, String value) throws IOException;

    /**
     * A header meant for the web tier only, from an {@code M}/{@code S} pair, e.g. {@code cpu-load}
     * (resin-spec 2.9). Never relay it. Ignored unless overridden.
     */
    default void metaHeader(String name, String value) throws IOException {
    }

    /** The headers are complete ({@code G}). Nothing to do unless overridden. */
    default void headersEnd() throws IOException {
    }

    /** The next piece of the body ({@code D}); the array is not used after the call returns. */
    void body(byte[] bytes, int offset, int length) throws IOException;

    /** The backend flushed ({@code f}): pass what was relayed so far on to the browser. */
    void flush() throws IOException;

    /** The response is complete. */
    void end() throws IOException;
}

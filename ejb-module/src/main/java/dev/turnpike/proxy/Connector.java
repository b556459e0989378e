package dev.turnpike.proxy;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ExchangeException;
import dev.turnpike.backend.ResponseSink;
import java.io.Closeable;

/**
 * One backend's client, whatever its protocol (HMUX, HTTP, FastCGI): what the {@link Forwarder}
 * needs to send a request there and to read its connection counts.
 */
public interface Connector extends Closeable {

    /**
     * Sends one request and hands the response to the sink as it arrives.
     *
     * @return whether the exchange ran on a newly opened connection
     * @throws ExchangeException if it failed; the stage says how far it got
     */
    boolean exchange(BackendRequest request, ResponseSink sink) throws ExchangeException;

    /** Connections carrying a request now. */
    int active();

    /** Idle connections waiting to be reused. */
    int idle();

    /** Closes the idle connections and stays usable. */
    void closeIdle();

    /** Closes the idle connections for good; exchanges still running close theirs when done. */
    @Override
    void close();
}

package dev.turnpike.hmux.endpoint;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ExchangeException;
import dev.turnpike.backend.ResponseSink;

/** Where the endpoint sends the requests it receives: this server's own HTTP listener. */
interface Bridge extends AutoCloseable {

    /**
     * Serves one request, its response to the sink as it arrives.
     *
     * @throws ExchangeException if the exchange failed; its stage says how far it got
     * @throws IllegalArgumentException if the request cannot go on the wire; nothing was sent
     */
    void exchange(BackendRequest request, ResponseSink sink) throws ExchangeException;

    @Override
    void close();
}

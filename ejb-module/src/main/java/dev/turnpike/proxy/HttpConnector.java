package dev.turnpike.proxy;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ExchangeException;
import dev.turnpike.backend.ResponseSink;
import dev.turnpike.proxy.http.HttpBackendClient;

/** A backend reached over HTTP/1.1 ({@code resin:HttpProxy}). */
final class HttpConnector implements Connector {

    private final HttpBackendClient client;

    HttpConnector(HttpBackendClient client) {
        this.client = client;
    }

    @Override
    public boolean exchange(BackendRequest request, ResponseSink sink) throws ExchangeException {
        return !client.exchange(request, sink).reusedConnection();
    }

    @Override
    public int active() {
        return client.stats().active();
    }

    @Override
    public int idle() {
        return client.stats().idle();
    }

    @Override
    public void closeIdle() {
        client.closeIdle();
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return client.toString();
    }
}

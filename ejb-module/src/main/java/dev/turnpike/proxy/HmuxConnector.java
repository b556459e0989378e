package dev.turnpike.proxy;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ExchangeException;
import dev.turnpike.backend.HeaderField;
import dev.turnpike.backend.ResponseSink;
import dev.turnpike.hmux.HmuxClient;
import dev.turnpike.hmux.HmuxRequestHead;
import java.io.InputStream;

/**
 * A backend reached over HMUX: the browser's request becomes an HMUX request head as mod_caucho
 * writes it (decoded path, query, server name and port, remote address, the headers as received,
 * {@code HTTPS=on} for a secure request, the client certificate).
 */
final class HmuxConnector implements Connector {

    private final HmuxClient client;

    HmuxConnector(HmuxClient client) {
        this.client = client;
    }

    @Override
    public boolean exchange(BackendRequest request, ResponseSink sink) throws ExchangeException {
        InputStream body = request.hasBody() ? request.body() : null;
        return !client.exchange(head(request), body, sink).reusedConnection();
    }

    /** The HMUX request head for a browser's request. */
    static HmuxRequestHead head(BackendRequest request) {
        HmuxRequestHead.Builder head = HmuxRequestHead.builder(request.method(), request.path())
                .query(request.query())
                .protocol(request.protocol())
                .server(request.serverName(), request.serverPort())
                .remote(request.remoteHost(), request.remoteAddr(), request.remotePort())
                .user(request.remoteUser(), request.authType())
                .clientCert(request.clientCert());
        for (HeaderField header : request.headers()) {
            // the servlet container has already decoded a chunked body and answered 100-continue;
            // over HMUX the body travels in D frames
            if (!header.is("Transfer-Encoding") && !header.is("Expect")) {
                head.header(header.name(), header.value());
            }
        }
        if (request.secure()) {
            head.secure();
        }
        return head.build();
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

package dev.turnpike.proxy;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ClientHeaders;
import dev.turnpike.backend.HeaderField;
import dev.turnpike.hmux.HmuxClient;
import dev.turnpike.hmux.HmuxRequestHead;
import java.io.InputStream;

/**
 * A backend reached over HMUX: the browser's request becomes an HMUX request head as mod_caucho
 * writes it (decoded path, query, server name and port, remote address, the headers as received
 * but the hop-by-hop ones and, unless the peer is a trusted proxy, the forwarding ones
 * ({@link ClientHeaders}), {@code HTTPS=on} for a secure request, the client certificate).
 */
final class HmuxRequests {

    private HmuxRequests() {
    }

    /** The connector for a backend's HMUX client. */
    static Connector connector(HmuxClient client) {
        return new PooledConnector(client.pool(), (request, sink) -> {
            InputStream body = request.hasBody() ? request.body() : null;
            return !client.exchange(head(request), body, sink).reusedConnection();
        }, client.toString());
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
        for (HeaderField header : ClientHeaders.passable(request.headers(), request.remoteAddr())) {
            // the servlet container has already answered 100-continue (and decoded a chunked
            // body, whose Transfer-Encoding is hop-by-hop); over HMUX the body travels in D frames
            if (!header.is("Expect")) {
                head.header(header.name(), header.value());
            }
        }
        if (request.secure()) {
            head.secure();
        }
        return head.build();
    }
}

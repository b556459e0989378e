package dev.turnpike.proxy;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ClientHeaders;
import dev.turnpike.backend.HeaderField;
import dev.turnpike.hmux.HmuxClient;
import dev.turnpike.hmux.HmuxRequestHead;
import java.io.InputStream;

/**
 * A backend reached over HMUX: the browser's request becomes an HMUX request head as mod_caucho
 * writes it (decoded path, query, server name and port, remote address, the headers as received,
 * {@code HTTPS=on} for a secure request, the client certificate), except for what described the
 * browser's connection rather than the request ({@link ClientHeaders}): the hop-by-hop headers
 * ({@code Connection}, {@code Upgrade}, {@code Transfer-Encoding}, {@code Keep-Alive}, {@code TE},
 * ...), every header {@code Connection} names, {@code Expect}, and, unless the peer is a trusted
 * proxy, the forwarding headers. mod_caucho passes them all; a backend that acted on
 * {@code Upgrade: h2c} or on a {@code Transfer-Encoding} the body no longer has would read the
 * request otherwise than the web tier did.
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
            // the servlet container has already decoded a chunked body and answered 100-continue;
            // over HMUX the body travels in D frames
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

package dev.turnpike.hmux.endpoint;

import dev.turnpike.backend.HeaderField;
import java.util.List;

/**
 * What a web tier said about a request before its body, as the endpoint read it, and how the head
 * ended. Values the web tier did not send are {@code null} (or empty for the header list).
 *
 * @param uri the request path ({@code U}), without the query; required for a request
 * @param method the method ({@code m}); required for a request
 * @param protocol the protocol ({@code c}), e.g. {@code HTTP/1.1}
 * @param query the query string ({@code e}) without {@code ?}
 * @param serverName the virtual host ({@code v}); the IIS handler adds {@code :port}
 * @param serverPort the port the request came in on ({@code g}), as text
 * @param remoteHost the client's host name ({@code h})
 * @param remoteAddr the client's address ({@code i})
 * @param remotePort the client's port ({@code j}), as text
 * @param remoteUser the user the web server authenticated ({@code d})
 * @param authType how the web server authenticated it ({@code n})
 * @param contentLength the body's length ({@code p}), as text
 * @param contentType the body's type ({@code q})
 * @param secure whether the request came over HTTPS ({@code r})
 * @param clientCert the client certificate ({@code t}): PEM text from mod_ssl, DER from IIS
 * @param serverType the kind of web tier ({@code u}), e.g. {@code IIS}
 * @param headers the request headers ({@code H}/{@code S} pairs) in order
 * @param end what ended the head
 * @param firstData the first body chunk when {@code end} is {@link End#BODY}, else {@code null}
 */
record IncomingHead(String uri, String method, String protocol, String query, String serverName, String serverPort,
        String remoteHost, String remoteAddr, String remotePort, String remoteUser, String authType,
        String contentLength, String contentType, boolean secure, byte[] clientCert, String serverType,
        List<HeaderField> headers, End end, byte[] firstData) {

    /** What ended the head. */
    enum End {
        /** A {@code D} frame: the body follows, then {@code Q} or {@code X}. */
        BODY,
        /** {@code Q}: the request is complete and the web tier keeps the connection. */
        QUIT,
        /** {@code X}: the request is complete and the web tier closes the connection after the response. */
        EXIT,
        /** {@code P 0x102}: a dispatch-configuration query follows. */
        DISPATCH,
        /** The stream ended. */
        EOF
    }

    IncomingHead {
        headers = List.copyOf(headers);
    }

    /** Whether the web tier sent a request at all: a path. A bare {@code Q} is a keep-alive ping. */
    boolean hasRequest() {
        return uri != null;
    }

    /** The first value of a header, compared without case, or {@code null}. */
    String header(String name) {
        for (HeaderField field : headers) {
            if (field.is(name)) {
                return field.value();
            }
        }
        return null;
    }
}

package dev.turnpike.hmux.endpoint;

import dev.turnpike.backend.HeaderField;
import dev.turnpike.hmux.HmuxFrame;
import dev.turnpike.hmux.HmuxProtocolException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the head of the next request on a connection, in whatever order the web tier sends its
 * attributes (resin-spec 1.4.1): mod_caucho sends {@code U m c e v g h i j} then headers, the IIS
 * handler {@code U e m u v g i h c}, Resin's Java client {@code C m v U e}.
 *
 * <p>The head ends at the first non-empty {@code D} (the body follows), {@code Q}, {@code X},
 * {@code P} (a sub-protocol) or the end of the stream. On the way:
 * <ul>
 *   <li>{@code Y} is acknowledged at once with {@code A 0}, as Resin 4 does;</li>
 *   <li>{@code C}, empty {@code D} and frames of codes unknown here are ignored, as is an
 *       {@code S} that follows no {@code H} (legacy {@code k} sends one after its path);</li>
 *   <li>an {@code H} must be followed directly by its {@code S}, or the framing is broken;</li>
 *   <li>a repeated attribute replaces the earlier one; {@code e} counts whether it comes before or
 *       after {@code U} (Resin loses a query sent before the path).</li>
 * </ul>
 */
final class HeadReader {

    private final FrameInput in;
    private final FrameOutput out;

    HeadReader(FrameInput in, FrameOutput out) {
        this.in = in;
        this.out = out;
    }

    /**
     * Reads one head.
     *
     * @throws HmuxProtocolException if the framing is broken
     * @throws IOException if the connection failed or timed out
     */
    IncomingHead read() throws IOException, HmuxProtocolException {
        Fields f = new Fields();
        while (true) {
            HmuxFrame frame = in.next();
            if (frame == null) {
                return f.head(IncomingHead.End.EOF, null);
            }
            IncomingHead.End end = end(frame);
            if (end != null) {
                return f.head(end, frame instanceof HmuxFrame.Data ? ((HmuxFrame.Data) frame).bytes() : null);
            }
            if (frame instanceof HmuxFrame.Header) {
                f.headers.add(new HeaderField(((HmuxFrame.Header) frame).value(), headerValue(frame)));
            } else if (frame instanceof HmuxFrame.Yield) {
                out.ack();
            } else {
                f.take(frame);
            }
        }
    }

    private static IncomingHead.End end(HmuxFrame frame) {
        if (frame instanceof HmuxFrame.Data) {
            return ((HmuxFrame.Data) frame).bytes().length > 0 ? IncomingHead.End.BODY : null;
        }
        if (frame instanceof HmuxFrame.Quit) {
            return IncomingHead.End.QUIT;
        }
        if (frame instanceof HmuxFrame.Exit) {
            return IncomingHead.End.EXIT;
        }
        if (frame instanceof HmuxFrame.SubProtocol) {
            return IncomingHead.End.DISPATCH;
        }
        return null;
    }

    private String headerValue(HmuxFrame name) throws IOException, HmuxProtocolException {
        long offset = in.frameOffset();
        HmuxFrame value = in.next();
        if (!(value instanceof HmuxFrame.HeaderValue)) {
            throw HmuxProtocolException.inFrame('H', offset, name.describe() + " is followed by "
                    + (value == null ? "the end of the stream" : value.describe())
                    + " (expected: S with the header's value)");
        }
        return ((HmuxFrame.HeaderValue) value).value();
    }

    /** The attributes collected so far. */
    private static final class Fields {
        private String uri;
        private String method;
        private String protocol;
        private String query;
        private String serverName;
        private String serverPort;
        private String remoteHost;
        private String remoteAddr;
        private String remotePort;
        private String remoteUser;
        private String authType;
        private String contentLength;
        private String contentType;
        private boolean secure;
        private byte[] clientCert;
        private String serverType;
        private final List<HeaderField> headers = new ArrayList<>();

        /** Takes an attribute; anything else (C, S without H, unknown codes) is ignored. */
        void take(HmuxFrame frame) {
            if (frame instanceof HmuxFrame.Uri) {
                uri = ((HmuxFrame.Uri) frame).value();
            } else if (frame instanceof HmuxFrame.Method) {
                method = ((HmuxFrame.Method) frame).value();
            } else if (frame instanceof HmuxFrame.HttpProtocol) {
                protocol = ((HmuxFrame.HttpProtocol) frame).value();
            } else if (frame instanceof HmuxFrame.QueryString) {
                query = ((HmuxFrame.QueryString) frame).value();
            } else if (frame instanceof HmuxFrame.ServerName) {
                serverName = ((HmuxFrame.ServerName) frame).value();
            } else if (frame instanceof HmuxFrame.ServerPort) {
                serverPort = ((HmuxFrame.ServerPort) frame).value();
            } else if (frame instanceof HmuxFrame.RemoteHost) {
                remoteHost = ((HmuxFrame.RemoteHost) frame).value();
            } else if (frame instanceof HmuxFrame.RemoteAddr) {
                remoteAddr = ((HmuxFrame.RemoteAddr) frame).value();
            } else if (frame instanceof HmuxFrame.RemotePort) {
                remotePort = ((HmuxFrame.RemotePort) frame).value();
            } else if (frame instanceof HmuxFrame.RemoteUser) {
                remoteUser = ((HmuxFrame.RemoteUser) frame).value();
            } else if (frame instanceof HmuxFrame.AuthType) {
                authType = ((HmuxFrame.AuthType) frame).value();
            } else if (frame instanceof HmuxFrame.ContentLength) {
                contentLength = ((HmuxFrame.ContentLength) frame).value();
            } else if (frame instanceof HmuxFrame.ContentType) {
                contentType = ((HmuxFrame.ContentType) frame).value();
            } else if (frame instanceof HmuxFrame.Secure) {
                secure = true;
            } else if (frame instanceof HmuxFrame.ClientCert) {
                clientCert = ((HmuxFrame.ClientCert) frame).bytes();
            } else if (frame instanceof HmuxFrame.ServerType) {
                serverType = ((HmuxFrame.ServerType) frame).value();
            }
        }

        IncomingHead head(IncomingHead.End end, byte[] firstData) {
            return new IncomingHead(uri, method, protocol, query, serverName, serverPort, remoteHost, remoteAddr,
                    remotePort, remoteUser, authType, contentLength, contentType, secure, clientCert, serverType,
                    headers, end, firstData);
        }
    }
}

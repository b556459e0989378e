package dev.turnpike.hmux;

/** Builds the frame record for a code and its decoded payload: the decoder's half of the code table. */
final class Frames {

    private Frames() {
    }

    /** The frame of a {@link HmuxCode.Shape#TEXT TEXT} code. */
    static HmuxFrame text(HmuxCode code, String value) {
        switch (code) {
            case URI: return new HmuxFrame.Uri(value);
            case METHOD: return new HmuxFrame.Method(value);
            case HTTP_PROTOCOL: return new HmuxFrame.HttpProtocol(value);
            case QUERY_STRING: return new HmuxFrame.QueryString(value);
            case SERVER_NAME: return new HmuxFrame.ServerName(value);
            case SERVER_PORT: return new HmuxFrame.ServerPort(value);
            case REMOTE_HOST: return new HmuxFrame.RemoteHost(value);
            case REMOTE_ADDR: return new HmuxFrame.RemoteAddr(value);
            case REMOTE_PORT: return new HmuxFrame.RemotePort(value);
            case REMOTE_USER: return new HmuxFrame.RemoteUser(value);
            case AUTH_TYPE: return new HmuxFrame.AuthType(value);
            case CONTENT_LENGTH: return new HmuxFrame.ContentLength(value);
            case CONTENT_TYPE: return new HmuxFrame.ContentType(value);
            case SERVER_TYPE: return new HmuxFrame.ServerType(value);
            case HEADER: return new HmuxFrame.Header(value);
            case STRING: return new HmuxFrame.HeaderValue(value);
            case STATUS: return new HmuxFrame.Status(value);
            case META_HEADER: return new HmuxFrame.MetaHeader(value);
            case DISPATCH_HOST: return new HmuxFrame.DispatchHost(value);
            case DISPATCH_QUERY: return new HmuxFrame.DispatchQuery(value);
            case DISPATCH_ETAG: return new HmuxFrame.DispatchEtag(value);
            case DISPATCH_WEB_APP: return new HmuxFrame.DispatchWebApp(value);
            case DISPATCH_MATCH: return new HmuxFrame.DispatchMatch(value);
            case DISPATCH_IGNORE: return new HmuxFrame.DispatchIgnore(value);
            case DISPATCH_CLUSTER: return new HmuxFrame.DispatchCluster(value);
            case DISPATCH_SERVER: return new HmuxFrame.DispatchServer(value);
            case DISPATCH_BACKUP: return new HmuxFrame.DispatchBackup(value);
            default: throw notOfShape(code, HmuxCode.Shape.TEXT);
        }
    }

    /** The frame of a {@link HmuxCode.Shape#BINARY BINARY} code; the frame keeps the array. */
    static HmuxFrame binary(HmuxCode code, byte[] bytes) {
        switch (code) {
            case DATA: return new HmuxFrame.Data(bytes);
            case CLIENT_CERT: return new HmuxFrame.ClientCert(bytes);
            default: throw notOfShape(code, HmuxCode.Shape.BINARY);
        }
    }

    /** The frame of a {@link HmuxCode.Shape#BARE BARE} or {@link HmuxCode.Shape#EMPTY EMPTY} code. */
    static HmuxFrame marker(HmuxCode code) {
        switch (code) {
            case YIELD: return new HmuxFrame.Yield();
            case QUIT: return new HmuxFrame.Quit();
            case EXIT: return new HmuxFrame.Exit();
            case SECURE: return new HmuxFrame.Secure();
            case SEND_HEADERS: return new HmuxFrame.SendHeaders();
            case FLUSH: return new HmuxFrame.Flush();
            case DISPATCH_NO_CHANGE: return new HmuxFrame.DispatchNoChange();
            case DISPATCH_HOST_UNAVAILABLE: return new HmuxFrame.DispatchHostUnavailable();
            case DISPATCH_WEB_APP_UNAVAILABLE: return new HmuxFrame.DispatchWebAppUnavailable();
            default: throw notOfShape(code, HmuxCode.Shape.EMPTY);
        }
    }

    /** The frame of a {@link HmuxCode.Shape#NUMBER NUMBER} code. */
    static HmuxFrame number(HmuxCode code, int number) {
        switch (code) {
            case CHANNEL: return new HmuxFrame.Channel(number);
            case ACK: return new HmuxFrame.Ack(number);
            default: throw notOfShape(code, HmuxCode.Shape.NUMBER);
        }
    }

    private static IllegalArgumentException notOfShape(HmuxCode code, HmuxCode.Shape shape) {
        return new IllegalArgumentException("code " + code + " has shape " + code.shape() + " (expected: " + shape + ")");
    }
}

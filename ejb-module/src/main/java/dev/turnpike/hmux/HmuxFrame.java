package dev.turnpike.hmux;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One HMUX frame: a code byte and what its {@linkplain HmuxCode.Shape shape} says follows.
 *
 * <p>The family is closed: one record per meaning in the {@linkplain HmuxCode code table}, so a
 * frame always knows its {@link #code()}. Text frames ({@link Text}) carry a string, which goes
 * on the wire as UTF-8; {@link Data} and {@link ClientCert} carry bytes ({@link Binary});
 * {@link Channel}, {@link Ack} and {@link SubProtocol} carry a number; the rest carry nothing.
 * {@link Skipped} stands for a frame whose code has no meaning where it was read
 * ({@link HmuxCode#UNKNOWN}): it carries the code byte and the length of the payload the
 * decoder discarded, and cannot be written.
 * A frame does not know the stream it came from: offsets belong to the
 * {@linkplain HmuxDecoder decoder}.
 */
public sealed interface HmuxFrame {

    /** The meaning of this frame, which gives its code byte and shape. */
    HmuxCode code();

    /**
     * The frame as the capture listings and wire logs write it: the code letter, then the
     * payload, e.g. {@code U "/echo/a"}, {@code D len=574}, {@code C 1} or {@code Q}; a
     * skipped frame shows the byte that was read, e.g. {@code Z len=3 skipped}.
     */
    default String describe() {
        if (this instanceof Skipped) {
            Skipped skipped = (Skipped) this;
            return HmuxCode.shown(skipped.codeByte()) + " len=" + skipped.length() + " skipped";
        }
        String letter = String.valueOf(code().letter());
        if (this instanceof Text) {
            return letter + " " + quote(((Text) this).value());
        }
        if (this instanceof Binary) {
            return letter + " len=" + ((Binary) this).bytes().length;
        }
        if (this instanceof Channel) {
            return letter + " " + ((Channel) this).number();
        }
        if (this instanceof Ack) {
            return letter + " " + ((Ack) this).number();
        }
        if (this instanceof SubProtocol) {
            return letter + " 0x" + Integer.toHexString(((SubProtocol) this).protocol());
        }
        return letter;
    }

    /** A frame with a text payload. */
    sealed interface Text extends HmuxFrame {
        /** The payload; on the wire it is UTF-8 and at most 65535 bytes long. */
        String value();
    }

    /**
     * A frame with a binary payload. The frame owns its array: whoever builds one hands the array
     * over, and whoever reads {@link #bytes()} must not change it. Equality compares content.
     */
    sealed interface Binary extends HmuxFrame {
        /** The payload, at most 65535 bytes. */
        byte[] bytes();
    }

    /** A frame with an empty payload or none at all. */
    sealed interface Marker extends HmuxFrame {
    }

    /** {@code U}: the request path without the query string. */
    record Uri(String value) implements Text {
        public Uri {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.URI;
        }
    }

    /** {@code m}: the request method, e.g. {@code GET}. */
    record Method(String value) implements Text {
        public Method {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.METHOD;
        }
    }

    /** {@code c}: the request protocol, e.g. {@code HTTP/1.1}. */
    record HttpProtocol(String value) implements Text {
        public HttpProtocol {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.HTTP_PROTOCOL;
        }
    }

    /** {@code e}: the query string without {@code ?}; sent only if the request had one. */
    record QueryString(String value) implements Text {
        public QueryString {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.QUERY_STRING;
        }
    }

    /** {@code v}: the virtual host name the backend selects the host by. */
    record ServerName(String value) implements Text {
        public ServerName {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.SERVER_NAME;
        }
    }

    /** {@code g}: the server port in decimal. */
    record ServerPort(String value) implements Text {
        public ServerPort {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.SERVER_PORT;
        }
    }

    /** {@code h}: the client's host name, or its address if unresolved. */
    record RemoteHost(String value) implements Text {
        public RemoteHost {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.REMOTE_HOST;
        }
    }

    /** {@code i}: the client's IP address. */
    record RemoteAddr(String value) implements Text {
        public RemoteAddr {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.REMOTE_ADDR;
        }
    }

    /** {@code j}: the client's port in decimal. */
    record RemotePort(String value) implements Text {
        public RemotePort {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.REMOTE_PORT;
        }
    }

    /** {@code d}: the authenticated user name. */
    record RemoteUser(String value) implements Text {
        public RemoteUser {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.REMOTE_USER;
        }
    }

    /** {@code n}: the authentication type (Resin backends ignore it). */
    record AuthType(String value) implements Text {
        public AuthType {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.AUTH_TYPE;
        }
    }

    /** {@code p}: the {@code Content-Length} request header in decimal. */
    record ContentLength(String value) implements Text {
        public ContentLength {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.CONTENT_LENGTH;
        }
    }

    /** {@code q}: the {@code Content-Type} request header. */
    record ContentType(String value) implements Text {
        public ContentType {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.CONTENT_TYPE;
        }
    }

    /** {@code u}: the kind of web tier, e.g. {@code IIS}. */
    record ServerType(String value) implements Text {
        public ServerType {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.SERVER_TYPE;
        }
    }

    /** {@code H}: a header name; the next frame is its {@link HeaderValue}. */
    record Header(String value) implements Text {
        public Header {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.HEADER;
        }
    }

    /** {@code S}: the value of the preceding {@link Header} or {@link MetaHeader}. */
    record HeaderValue(String value) implements Text {
        public HeaderValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.STRING;
        }
    }

    /** {@code s}: the response status line, e.g. {@code 200 OK}. */
    record Status(String value) implements Text {
        public Status {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.STATUS;
        }
    }

    /** {@code M}: a header name for the web tier only (e.g. {@code cpu-load}); a {@link HeaderValue} follows. */
    record MetaHeader(String value) implements Text {
        public MetaHeader {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.META_HEADER;
        }
    }

    /** {@code h}: the host a dispatch query asks about, or the canonical host in the reply ({@code ""} is the default host). */
    record DispatchHost(String value) implements Text {
        public DispatchHost {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.DISPATCH_HOST;
        }
    }

    /** {@code q}: "query all": asks for the reply; the payload is a URL that may wake a lazily deployed web-app. */
    record DispatchQuery(String value) implements Text {
        public DispatchQuery {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.DISPATCH_QUERY;
        }
    }

    /** {@code e}: the etag of a host's dispatch configuration, the one held (query) or the current one (reply). */
    record DispatchEtag(String value) implements Text {
        public DispatchEtag {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.DISPATCH_ETAG;
        }
    }

    /** {@code a}: starts a web-app of the reply: its context path ({@code ""} for the root). */
    record DispatchWebApp(String value) implements Text {
        public DispatchWebApp {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.DISPATCH_WEB_APP;
        }
    }

    /** {@code m}: a url-pattern the web tier sends to the backend. */
    record DispatchMatch(String value) implements Text {
        public DispatchMatch {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.DISPATCH_MATCH;
        }
    }

    /** {@code i}: a url-pattern the web tier keeps for itself. */
    record DispatchIgnore(String value) implements Text {
        public DispatchIgnore {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.DISPATCH_IGNORE;
        }
    }

    /** {@code c}: the cluster id; starts the server list. */
    record DispatchCluster(String value) implements Text {
        public DispatchCluster {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.DISPATCH_CLUSTER;
        }
    }

    /** {@code s}: a backend as {@code address:port}. */
    record DispatchServer(String value) implements Text {
        public DispatchServer {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.DISPATCH_SERVER;
        }
    }

    /** {@code b}: a backup backend as {@code address:port}. */
    record DispatchBackup(String value) implements Text {
        public DispatchBackup {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.DISPATCH_BACKUP;
        }
    }

    /** {@code r}: the request came over HTTPS. */
    record Secure() implements Marker {
        @Override
        public HmuxCode code() {
            return HmuxCode.SECURE;
        }
    }

    /** {@code G}: the end of the response headers. */
    record SendHeaders() implements Marker {
        @Override
        public HmuxCode code() {
            return HmuxCode.SEND_HEADERS;
        }
    }

    /** {@code f}: the backend flushed; the web tier flushes what it relayed so far. */
    record Flush() implements Marker {
        @Override
        public HmuxCode code() {
            return HmuxCode.FLUSH;
        }
    }

    /** {@code n}: the etag of the query is still current. */
    record DispatchNoChange() implements Marker {
        @Override
        public HmuxCode code() {
            return HmuxCode.DISPATCH_NO_CHANGE;
        }
    }

    /** {@code u}: the host is configured but not active. */
    record DispatchHostUnavailable() implements Marker {
        @Override
        public HmuxCode code() {
            return HmuxCode.DISPATCH_HOST_UNAVAILABLE;
        }
    }

    /** {@code U}: the preceding web-app failed or is stopped. */
    record DispatchWebAppUnavailable() implements Marker {
        @Override
        public HmuxCode code() {
            return HmuxCode.DISPATCH_WEB_APP_UNAVAILABLE;
        }
    }

    /** {@code Y}: the web tier sent a batch of body data and waits for an {@link Ack} before sending more. */
    record Yield() implements Marker {
        @Override
        public HmuxCode code() {
            return HmuxCode.YIELD;
        }
    }

    /** {@code Q}: end of the request or response; the connection stays open for the next one. */
    record Quit() implements Marker {
        @Override
        public HmuxCode code() {
            return HmuxCode.QUIT;
        }
    }

    /** {@code X}: end of the request or response; the sender closes or wants the connection closed. */
    record Exit() implements Marker {
        @Override
        public HmuxCode code() {
            return HmuxCode.EXIT;
        }
    }

    /**
     * {@code C}: a channel number. Informational only: receivers read and ignore it. Resin's Java
     * client sends {@code C 0}, a dispatch query {@code C 1} and its reply {@code C 2}.
     */
    record Channel(int number) implements HmuxFrame {
        public Channel {
            checkUnsigned16("channel number", number);
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.CHANNEL;
        }
    }

    /** {@code A}: the backend's answer to a {@link Yield}; the number is 0 from Resin 4. */
    record Ack(int number) implements HmuxFrame {
        public Ack {
            checkUnsigned16("ack number", number);
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.ACK;
        }
    }

    /** {@code P}: selects a sub-protocol for the rest of the exchange; 0x102 is the dispatch query. */
    record SubProtocol(int protocol) implements HmuxFrame {
        /** The dispatch-configuration protocol, the only one the codec reads. */
        public static final int DISPATCH = 0x102;

        @Override
        public HmuxCode code() {
            return HmuxCode.PROTOCOL;
        }
    }

    /** {@code D}: a chunk of request or response body. */
    record Data(byte[] bytes) implements Binary {
        public Data {
            checkPayload(bytes);
        }

        /** A chunk holding text as UTF-8, for tests and small bodies. */
        public static Data of(String text) {
            return new Data(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.DATA;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Data && Arrays.equals(bytes, ((Data) other).bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Data[" + quote(bytes) + "]";
        }
    }

    /** {@code t}: the client certificate (PEM text from mod_ssl, DER from IIS). */
    record ClientCert(byte[] bytes) implements Binary {
        public ClientCert {
            checkPayload(bytes);
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.CLIENT_CERT;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ClientCert && Arrays.equals(bytes, ((ClientCert) other).bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "ClientCert[" + quote(bytes) + "]";
        }
    }

    /**
     * A frame whose code byte has no meaning in the context it was read in. Like every Resin
     * reader, the decoder read its 16-bit length and discarded that many payload bytes, so a
     * newer peer's codes do not break the stream; the owner decides whether that matters (log it,
     * ignore it, or close the connection). The payload is not kept, so the frame cannot be
     * written back: {@link HmuxEncoder} refuses it.
     *
     * @param codeByte the code byte read, 0-255
     * @param length the length of the payload that was skipped, 0-65535
     */
    record Skipped(int codeByte, int length) implements HmuxFrame {
        public Skipped {
            if (codeByte < 0 || codeByte > 0xff) {
                throw new IllegalArgumentException("code byte: " + codeByte + " (expected: 0-255)");
            }
            checkUnsigned16("skipped length", length);
        }

        @Override
        public HmuxCode code() {
            return HmuxCode.UNKNOWN;
        }
    }

    private static void checkUnsigned16(String name, int value) {
        if (value < 0 || value > HmuxEncoder.MAX_LENGTH) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: 0-" + HmuxEncoder.MAX_LENGTH + ")");
        }
    }

    private static void checkPayload(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > HmuxEncoder.MAX_LENGTH) {
            throw new IllegalArgumentException("payload length: " + bytes.length + " (expected: at most "
                    + HmuxEncoder.MAX_LENGTH + ")");
        }
    }

    /** Text in double quotes, with control characters and quotes escaped as {@code \xNN}. */
    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The first bytes of a payload in double quotes, bytes outside printable ASCII as {@code \xNN}. */
    private static String quote(byte[] bytes) {
        int shown = Math.min(bytes.length, 60);
        StringBuilder out = new StringBuilder(shown + 24).append('"');
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 || b >= 0x7f || b == '"' || b == '\\') {
                out.append(String.format("\\x%02x", b));
            } else {
                out.append((char) b);
            }
        }
        out.append('"');
        if (shown < bytes.length) {
            out.append("... (").append(bytes.length).append(" bytes)");
        }
        return out.toString();
    }
}

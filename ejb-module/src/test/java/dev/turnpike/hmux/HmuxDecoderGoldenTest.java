package dev.turnpike.hmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.hmux.Capture.Direction;
import dev.turnpike.hmux.Decoding.Decoded;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decodes every captured exchange between real HMUX peers (mod_caucho, Resin's IIS handler and
 * Java client, Resin 4.0.66), both directions, fed as the TCP segments arrived, and compares each
 * frame with the listing of an independent decoder: offset, meaning of the code in its context,
 * length and payload. A few exchanges are also spelled out frame by frame.
 */
class HmuxDecoderGoldenTest {

    /** The listing's label for each meaning; the listing names codes by context as we do. */
    private static final Map<String, HmuxCode> LABELS = Map.ofEntries(
            Map.entry("url", HmuxCode.URI),
            Map.entry("method", HmuxCode.METHOD),
            Map.entry("protocol (HTTP version)", HmuxCode.HTTP_PROTOCOL),
            Map.entry("query-string", HmuxCode.QUERY_STRING),
            Map.entry("server-name", HmuxCode.SERVER_NAME),
            Map.entry("server-port", HmuxCode.SERVER_PORT),
            Map.entry("remote-host", HmuxCode.REMOTE_HOST),
            Map.entry("remote-addr", HmuxCode.REMOTE_ADDR),
            Map.entry("remote-port", HmuxCode.REMOTE_PORT),
            Map.entry("server-type", HmuxCode.SERVER_TYPE),
            Map.entry("content-type", HmuxCode.CONTENT_TYPE),
            Map.entry("content-length", HmuxCode.CONTENT_LENGTH),
            Map.entry("header (name)", HmuxCode.HEADER),
            Map.entry("string (header value)", HmuxCode.STRING),
            Map.entry("data", HmuxCode.DATA),
            Map.entry("quit", HmuxCode.QUIT),
            Map.entry("yield", HmuxCode.YIELD),
            Map.entry("ack", HmuxCode.ACK),
            Map.entry("channel", HmuxCode.CHANNEL),
            Map.entry("protocol", HmuxCode.PROTOCOL),
            Map.entry("status", HmuxCode.STATUS),
            Map.entry("meta-header", HmuxCode.META_HEADER),
            Map.entry("send-header", HmuxCode.SEND_HEADERS),
            Map.entry("flush", HmuxCode.FLUSH),
            Map.entry("dispatch-host", HmuxCode.DISPATCH_HOST),
            Map.entry("dispatch-query (uri)", HmuxCode.DISPATCH_QUERY),
            Map.entry("dispatch-etag", HmuxCode.DISPATCH_ETAG),
            Map.entry("dispatch-no-change", HmuxCode.DISPATCH_NO_CHANGE),
            Map.entry("dispatch-web-app", HmuxCode.DISPATCH_WEB_APP),
            Map.entry("dispatch-match", HmuxCode.DISPATCH_MATCH),
            Map.entry("cluster", HmuxCode.DISPATCH_CLUSTER),
            Map.entry("srun (backend address)", HmuxCode.DISPATCH_SERVER));

    static List<Capture> captures() {
        return Capture.all();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyFrameMatchesTheListing(Capture capture) throws HmuxProtocolException {
        for (Capture.Connection connection : capture.connections()) {
            for (Direction direction : Direction.values()) {
                String where = capture + " connection " + connection.number() + " " + direction.label;
                List<Decoded> decoded = Decoding.decode(connection, direction);
                List<Capture.ListedFrame> listed = connection.listedFrames().get(direction);
                assertEquals(listed.size(), decoded.size(), where + ": frame count");
                for (int i = 0; i < listed.size(); i++) {
                    assertMatches(listed.get(i), decoded.get(i), where);
                }
            }
        }
    }

    private static void assertMatches(Capture.ListedFrame listed, Decoded decoded, String where) {
        String context = where + ", listed as '" + listed.line().trim() + "', decoded as " + decoded;
        HmuxFrame frame = decoded.frame();
        assertEquals(listed.offset(), decoded.offset(), context + ": offset");
        assertEquals(LABELS.get(listed.label()), frame.code(), context + ": meaning");
        assertEquals(listed.letter(), frame.code().letter(), context + ": letter");
        assertEquals(listed.number(), count(frame), context + ": length or number");
        String payload = payload(frame);
        if (frame instanceof HmuxFrame.SubProtocol) {
            assertTrue(listed.payload().startsWith(payload + " "), context + ": sub-protocol");
        } else {
            assertEquals(listed.payload(), payload, context + ": payload");
        }
    }

    /** What the listing shows after {@code len=} or the letter: a payload length or a number. */
    private static Integer count(HmuxFrame frame) {
        if (frame instanceof HmuxFrame.Channel) {
            return ((HmuxFrame.Channel) frame).number();
        }
        if (frame instanceof HmuxFrame.Ack) {
            return ((HmuxFrame.Ack) frame).number();
        }
        if (!frame.code().shape().hasLength()) {
            return null;
        }
        return payloadBytes(frame).length;
    }

    /** The payload as the listing prints it: quoted, non-printable bytes as \xNN, 60 bytes at most. */
    private static String payload(HmuxFrame frame) {
        if (frame instanceof HmuxFrame.SubProtocol) {
            return "0x" + Integer.toHexString(((HmuxFrame.SubProtocol) frame).protocol());
        }
        if (!frame.code().shape().hasLength()) {
            return null;
        }
        byte[] bytes = payloadBytes(frame);
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < Math.min(60, bytes.length); i++) {
            int b = bytes[i] & 0xff;
            out.append(b < 0x20 || b >= 0x7f ? String.format("\\x%02x", b) : String.valueOf((char) b));
        }
        if (bytes.length > 60) {
            out.append("... (").append(bytes.length).append(" bytes total)");
        }
        return out.append('"').toString();
    }

    private static byte[] payloadBytes(HmuxFrame frame) {
        if (frame instanceof HmuxFrame.Text) {
            return ((HmuxFrame.Text) frame).value().getBytes(StandardCharsets.UTF_8);
        }
        if (frame instanceof HmuxFrame.Binary) {
            return ((HmuxFrame.Binary) frame).bytes();
        }
        return frame instanceof HmuxFrame.SubProtocol ? new byte[4] : new byte[0];
    }

    // A few exchanges spelled out: what a request and a response look like on the wire.

    @Test
    void getWithQueryAndCookieFromModCaucho() throws HmuxProtocolException {
        Capture.Connection connection = Capture.named("01-").connection(1);
        assertEquals(List.of(
                "U \"/echo/path/info\"",
                "m \"GET\"",
                "c \"HTTP/1.1\"",
                "e \"name=caucho&list=a&list=b&enc=%41%20b\"",
                "v \"127.0.0.1\"",
                "g \"8781\"",
                "h \"127.0.0.1\"",
                "i \"127.0.0.1\"",
                "j \"48276\"",
                "H \"Host\"", "S \"127.0.0.1:8781\"",
                "H \"User-Agent\"", "S \"curl/7.88.1\"",
                "H \"Accept\"", "S \"*/*\"",
                "H \"Cookie\"", "S \"JSESSIONID=abc123; theme=dark\"",
                "H \"X-Custom\"", "S \"hello\"",
                "Q"), describe(connection, Direction.WEB_TO_BACKEND));
        assertEquals(List.of(
                "s \"200 OK\"",
                "M \"cpu-load\"", "S \"0\"",
                "H \"X-Echo-Server\"", "S \"app-0\"",
                "H \"X-Multi\"", "S \"one\"",
                "H \"X-Multi\"", "S \"two\"",
                "H \"Content-Length\"", "S \"574\"",
                "H \"Content-Type\"", "S \"text/plain; charset=utf-8\"",
                "G",
                "D len=574",
                "Q"), describe(connection, Direction.BACKEND_TO_WEB));
        assertTrue(body(connection, Direction.BACKEND_TO_WEB).startsWith(
                "server=app-0\nmethod=GET\nrequestURI=/echo/path/info\n"));
    }

    @Test
    void largePostWithYieldAndAck() throws HmuxProtocolException {
        Capture.Connection connection = Capture.named("03-").connection(1);
        assertEquals(List.of(
                "U \"/echo/upload\"", "m \"POST\"", "c \"HTTP/1.1\"",
                "v \"127.0.0.1\"", "g \"8781\"", "h \"127.0.0.1\"", "i \"127.0.0.1\"", "j \"51426\"",
                "H \"Host\"", "S \"127.0.0.1:8781\"",
                "H \"User-Agent\"", "S \"curl/7.88.1\"",
                "H \"Accept\"", "S \"*/*\"",
                "q \"application/octet-stream\"",
                "p \"20000\"",
                "D len=16384",
                "Y",
                "D len=3616",
                "Q"), describe(connection, Direction.WEB_TO_BACKEND));
        assertEquals(20000, body(connection, Direction.WEB_TO_BACKEND).length());
        // the backend acknowledges the yield before it answers; Resin writes 8192-byte packets
        assertEquals(List.of(
                "A 0",
                "s \"200 OK\"",
                "M \"cpu-load\"", "S \"0\"",
                "H \"X-Echo-Server\"", "S \"app-0\"",
                "H \"X-Multi\"", "S \"one\"",
                "H \"X-Multi\"", "S \"two\"",
                "H \"Content-Length\"", "S \"20546\"",
                "H \"Content-Type\"", "S \"text/plain; charset=utf-8\"",
                "G",
                "D len=8038", "D len=8189", "D len=4319",
                "Q"), describe(connection, Direction.BACKEND_TO_WEB));
    }

    @Test
    void responseStatusHeadersAndCookies() throws HmuxProtocolException {
        List<String> frames = describe(Capture.named("04-").connection(1), Direction.BACKEND_TO_WEB);
        List<String> first = frames.subList(0, frames.indexOf("Q") + 1);
        // Resin writes Cache-Control: private (a response marked private) before the cpu-load meta header
        assertEquals(List.of(
                "s \"201 Created\"",
                "H \"Cache-Control\"", "S \"private\"",
                "M \"cpu-load\"", "S \"0\"",
                "H \"X-Echo-Server\"", "S \"app-0\"",
                "H \"X-Multi\"", "S \"one\"",
                "H \"X-Multi\"", "S \"two\"",
                "H \"Content-Length\"", "S \"497\"",
                "H \"Set-Cookie\"", "S \"peer=abc\"",
                "H \"Set-Cookie\"", "S \"JSESSIONID=aaascDW4ZlcTScbZdL-hA; path=/\"",
                "H \"Content-Type\"", "S \"text/plain; charset=utf-8\"",
                "G",
                "D len=497",
                "Q"), first);
        List<String> second = frames.subList(first.size(), frames.size());
        assertEquals(List.of(
                "s \"404 Not Found\"",
                "M \"cpu-load\"", "S \"0\"",
                "H \"Content-Length\"", "S \"201\"",
                "H \"Content-Type\"", "S \"text/html; charset=utf-8\"",
                "G",
                "D len=201",
                "Q"), second);
    }

    @Test
    void iisHandlerGetInItsOwnOrder() throws HmuxProtocolException {
        List<String> frames = describe(Capture.named("13-").connection(2), Direction.WEB_TO_BACKEND);
        assertEquals(List.of(
                "U \"/echo/iis/one\"",
                "e \"name=caucho&x=%41\"",
                "m \"GET\"",
                "u \"IIS\"",
                "v \"127.0.0.1:8784\"",
                "g \"8784\"",
                "i \"127.0.0.1\"",
                "h \"localhost\"",
                "c \"\"",
                "H \"Accept\"", "S \"*/*\"",
                "H \"Cookie\"", "S \"JSESSIONID=abc123; theme=dark\"",
                "H \"Host\"", "S \"127.0.0.1:8784\"",
                "H \"User-Agent\"", "S \"curl/7.88.1\"",
                "Q"), frames.subList(0, frames.indexOf("Q") + 1));
    }

    @Test
    void dispatchQueryAndReply() throws HmuxProtocolException {
        Capture.Connection connection = Capture.named("07-").connection(1);
        List<String> requests = describe(connection, Direction.WEB_TO_BACKEND);
        assertEquals(List.of("C 1", "P 0x102", "h \"127.0.0.1\"", "q \"\"", "Q"), requests.subList(0, 5));
        List<Decoded> replies = Decoding.decode(connection, Direction.BACKEND_TO_WEB);
        List<HmuxFrame> second = Decoding.frames(replies).subList(14, 44);
        assertEquals(List.of(
                new HmuxFrame.Channel(2),
                new HmuxFrame.Header("check-interval"), new HmuxFrame.HeaderValue("2"),
                new HmuxFrame.Header("cookie"), new HmuxFrame.HeaderValue("JSESSIONID"),
                new HmuxFrame.Header("ssl-cookie"), new HmuxFrame.HeaderValue("JSESSIONID"),
                new HmuxFrame.Header("session-url-prefix"), new HmuxFrame.HeaderValue(";jsessionid="),
                new HmuxFrame.Header("alt-session-url-prefix"), new HmuxFrame.HeaderValue(""),
                new HmuxFrame.DispatchHost(""),
                new HmuxFrame.DispatchCluster("app"),
                new HmuxFrame.Header("live-time"), new HmuxFrame.HeaderValue("60"),
                new HmuxFrame.Header("dead-time"), new HmuxFrame.HeaderValue("15"),
                new HmuxFrame.Header("read-timeout"), new HmuxFrame.HeaderValue("600"),
                new HmuxFrame.Header("connect-timeout"), new HmuxFrame.HeaderValue("5"),
                new HmuxFrame.DispatchServer("127.0.0.1:6800"),
                new HmuxFrame.DispatchWebApp(""),
                new HmuxFrame.DispatchMatch("*.jsp"),
                new HmuxFrame.DispatchMatch("*.jspf"),
                new HmuxFrame.DispatchMatch("*.jspx"),
                new HmuxFrame.DispatchMatch("*.php"),
                new HmuxFrame.DispatchMatch("/echo/*"),
                new HmuxFrame.DispatchEtag("Cvx7Xa7LlSL"),
                new HmuxFrame.Quit()), second);
        // the HTTP response after the two replies reads 's' as a status again
        assertEquals(new HmuxFrame.Status("200 OK"), Decoding.frames(replies).get(44));
    }

    private static List<String> describe(Capture.Connection connection, Direction direction)
            throws HmuxProtocolException {
        return Decoding.decode(connection, direction).stream().map(d -> d.frame().describe())
                .collect(Collectors.toList());
    }

    private static String body(Capture.Connection connection, Direction direction) throws HmuxProtocolException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (HmuxFrame frame : Decoding.frames(Decoding.decode(connection, direction))) {
            if (frame instanceof HmuxFrame.Data) {
                body.writeBytes(((HmuxFrame.Data) frame).bytes());
            }
        }
        return body.toString(StandardCharsets.UTF_8);
    }
}

package dev.turnpike.hmux.endpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.backend.HeaderField;
import dev.turnpike.cdi.EndpointTrust;
import dev.turnpike.hmux.Capture;
import dev.turnpike.hmux.Decoding;
import dev.turnpike.hmux.HmuxFrame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays what real web tiers sent to Resin 4.0.66 (every client side of the captures: mod_caucho,
 * Resin's IIS handler and Java client) into a real endpoint, as the TCP segments arrived, and
 * checks both sides of the bridge:
 * <ul>
 *   <li>each HTTP request this server receives is the HMUX request: method, path, query, host,
 *       headers, body and the client details;</li>
 *   <li>when this server answers what Resin's servlet answered (status, headers in the same
 *       order, body), the endpoint writes the frames Resin wrote, in Resin's order. Only the
 *       {@code cpu-load} value differs, and body chunking, which is a matter of buffer sizes.</li>
 * </ul>
 * Dispatch queries are answered with the reply Resin gave, to check the exchange around it.
 */
class EndpointCaptureGoldenTest {

    /** One HMUX request of a capture and what Resin answered. */
    record Exchange(List<HmuxFrame> request, List<HmuxFrame> response, boolean dispatch) {
    }

    /** A connection of a capture that carries HMUX, named for the test report. */
    record Replayed(String capture, Capture.Connection connection) {
        @Override
        public String toString() {
            return capture + " connection " + connection.number();
        }
    }

    static Stream<Replayed> connections() {
        return Capture.all().stream().flatMap(c -> c.connections().stream().map(n -> new Replayed(c.name(), n)))
                .filter(r -> r.connection().stream(Capture.Direction.WEB_TO_BACKEND).length > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connections")
    void bridgesEveryCapturedRequestAndAnswersAsResinDid(Replayed replayed) throws Exception {
        Capture.Connection connection = replayed.connection();
        List<Exchange> exchanges = exchanges(connection);
        ConcurrentLinkedQueue<List<HmuxFrame>> responses = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<List<HmuxFrame>> replies = new ConcurrentLinkedQueue<>();
        for (Exchange exchange : exchanges) {
            (exchange.dispatch() ? replies : responses).add(exchange.response());
        }
        try (EndpointFixture f = EndpointFixture.start(request -> http(responses.poll()),
                EndpointSettings.of(EndpointFixture.settings().listen(), ServerCode.of(0)),
                (host, etag) -> replyBody(replies.poll()));
                WebTier web = f.connect()) {
            for (byte[] segment : connection.segments().get(Capture.Direction.WEB_TO_BACKEND)) {
                web.sendBytes(segment);
            }
            web.shutdownOutput();
            List<List<HmuxFrame>> answers = answers(web, exchanges);

            assertEquals(exchanges.size(), answers.size(), "one answer per request");
            for (int i = 0; i < exchanges.size(); i++) {
                Exchange exchange = exchanges.get(i);
                if (!exchange.dispatch()) {
                    checkBridged(exchange.request(), f.app.next(), f.trust);
                }
                if (!exchange.response().isEmpty()) {
                    assertEquals(normalised(exchange.response()), normalised(answers.get(i)),
                            "answer " + (i + 1) + " of " + replayed);
                }
            }
            assertEquals(0, f.app.waiting());
        }
    }

    @Test
    void coversEveryKindOfWebTier() {
        List<String> kinds = new ArrayList<>();
        connections().map(Replayed::connection).forEach(c -> {
            List<HmuxFrame> frames = Decoding.frames(decoded(c, Capture.Direction.WEB_TO_BACKEND));
            kinds.add(frames.stream().anyMatch(fr -> fr instanceof HmuxFrame.ServerType) ? "IIS"
                    : frames.get(0) instanceof HmuxFrame.Channel && frames.stream().noneMatch(
                            fr -> fr instanceof HmuxFrame.SubProtocol) ? "java" : "mod_caucho");
        });
        assertTrue(kinds.containsAll(List.of("IIS", "java", "mod_caucho")), kinds.toString());
        assertTrue(kinds.size() >= 15, "connections replayed: " + kinds.size());
    }

    @Test
    void readsTheEncodedPathOfCapture10AsResinDid() throws Exception {
        Capture.Connection connection = Capture.named("10").connection(1);
        HmuxFrame.Uri uri = (HmuxFrame.Uri) exchanges(connection).get(0).request().get(0);
        assertEquals("/echo/a b/c%25d/\u00e9/e", uri.value());
        assertEquals("/echo/a%20b/c%25d/%C3%A9/e", BridgedRequests.target(uri.value(), "-._~!$&'()*+,;=:@/"));
        assertEquals("/echo/a b/c%d/\u00e9/e", BridgedRequests.decoded(BridgedRequests.target(uri.value(),
                "-._~!$&'()*+,;=:@/")), "the servlet's decoded path, as Resin's echo showed it");
    }

    /** What the HTTP server received matches what the web tier sent over HMUX. */
    private static void checkBridged(List<HmuxFrame> hmux, AppServer.Seen seen, EndpointTrust trust) {
        String uri = text(hmux, HmuxFrame.Uri.class);
        String query = text(hmux, HmuxFrame.QueryString.class);
        String target = seen.target();
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        assertEquals(text(hmux, HmuxFrame.Method.class), seen.method());
        assertEquals(BridgedRequests.decoded(uri), BridgedRequests.decoded(path), "the path the server decodes from "
                + target);
        assertEquals(query == null ? null : query, target.contains("?") ? target.substring(target.indexOf('?') + 1)
                : null);
        String host = header(hmux, "Host");
        String serverName = text(hmux, HmuxFrame.ServerName.class);
        assertEquals(host != null ? host : serverName, seen.header("Host"));
        assertTrue(trust.trusts(seen.header(EndpointTrust.SECRET)));
        String addr = text(hmux, HmuxFrame.RemoteAddr.class);
        assertEquals(addr == null ? "" : addr, seen.header(EndpointTrust.REMOTE_ADDR));
        if (serverName != null) {
            String name = serverName.toLowerCase();
            assertEquals(name.contains(":") ? name.substring(0, name.indexOf(':')) : name,
                    seen.header(EndpointTrust.SERVER_NAME));
        }
        for (int i = 0; i + 1 < hmux.size(); i++) {
            if (hmux.get(i) instanceof HmuxFrame.Header) {
                String name = ((HmuxFrame.Header) hmux.get(i)).value();
                if (!List.of("host", "connection", "content-length", "expect").contains(name.toLowerCase())) {
                    assertTrue(seen.headers(name).contains(((HmuxFrame.HeaderValue) hmux.get(i + 1)).value()),
                            name + " reaches the server: " + seen.headers());
                }
            }
        }
        String type = text(hmux, HmuxFrame.ContentType.class);
        if (type != null) {
            assertEquals(type, seen.header("Content-Type"));
        }
        assertArrayEquals(body(hmux), seen.body());
        assertFalse(seen.headers().stream().anyMatch(h -> h.is("Expect")));
    }

    /** The response as this server would send it over HTTP, from the frames Resin wrote. */
    private static byte[] http(List<HmuxFrame> frames) {
        if (frames == null || frames.isEmpty()) {
            return AppServer.text("no answer from Resin in the capture");
        }
        String status = null;
        List<HeaderField> headers = new ArrayList<>();
        boolean length = false;
        for (int i = 0; i < frames.size(); i++) {
            HmuxFrame frame = frames.get(i);
            if (frame instanceof HmuxFrame.Status) {
                status = ((HmuxFrame.Status) frame).value();
            } else if (frame instanceof HmuxFrame.Header) {
                String name = ((HmuxFrame.Header) frame).value();
                String value = ((HmuxFrame.HeaderValue) frames.get(i + 1)).value();
                if (name.equalsIgnoreCase("Set-Cookie")) {
                    value = withoutCode(value);
                }
                length |= name.equalsIgnoreCase("Content-Length");
                headers.add(new HeaderField(name, value));
            }
        }
        byte[] body = body(frames);
        return length ? AppServer.response(status, headers, body) : AppServer.chunked(status, headers, body, 4096);
    }

    /** A Resin session cookie as the server issues it, before the endpoint adds the code {@code aaa}. */
    private static String withoutCode(String setCookie) {
        return setCookie.startsWith("JSESSIONID=aaa") ? "JSESSIONID=" + setCookie.substring(14) : setCookie;
    }

    /** A captured dispatch reply without the {@code C 2} the endpoint writes and the end the connection writes. */
    private static List<HmuxFrame> replyBody(List<HmuxFrame> reply) {
        List<HmuxFrame> body = new ArrayList<>(reply);
        body.remove(0);
        body.remove(body.size() - 1);
        return body;
    }

    /** The frames to compare: cpu-load's value left out, the body in one piece, flushes dropped. */
    private static List<String> normalised(List<HmuxFrame> frames) {
        List<String> out = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean cpuLoad = false;
        for (HmuxFrame frame : frames) {
            if (frame instanceof HmuxFrame.Data) {
                body.writeBytes(((HmuxFrame.Data) frame).bytes());
            } else if (frame instanceof HmuxFrame.Flush) {
                continue;
            } else if (cpuLoad) {
                out.add("S <cpu-load>");
                cpuLoad = false;
            } else {
                cpuLoad = frame instanceof HmuxFrame.MetaHeader;
                if (body.size() > 0 && (frame instanceof HmuxFrame.Quit || frame instanceof HmuxFrame.Exit)) {
                    out.add("D " + body.size() + " bytes, hash " + java.util.Arrays.hashCode(body.toByteArray()));
                }
                out.add(frame.describe());
            }
        }
        return out;
    }

    private static List<List<HmuxFrame>> answers(WebTier web, List<Exchange> exchanges) throws Exception {
        List<List<HmuxFrame>> answers = new ArrayList<>();
        Iterator<Exchange> expected = exchanges.iterator();
        while (expected.hasNext()) {
            if (expected.next().dispatch()) {
                web.expectDispatchReply();
            }
            List<HmuxFrame> answer = new ArrayList<>();
            do {
                List<HmuxFrame> part = web.answer();
                if (part.isEmpty()) {
                    return answers;
                }
                answer.addAll(part);
            } while (answer.get(answer.size() - 1) instanceof HmuxFrame.Ack);
            answer.removeIf(frame -> frame instanceof HmuxFrame.Ack);
            answers.add(answer);
        }
        return answers;
    }

    /** The requests of a connection, each with Resin's answer (empty when Resin never answered). */
    static List<Exchange> exchanges(Capture.Connection connection) {
        List<HmuxFrame> sent = Decoding.frames(decoded(connection, Capture.Direction.WEB_TO_BACKEND));
        List<HmuxFrame> answered = Decoding.frames(decoded(connection, Capture.Direction.BACKEND_TO_WEB));
        List<List<HmuxFrame>> requests = split(sent, false);
        List<List<HmuxFrame>> responses = split(answered, true);
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            List<HmuxFrame> request = requests.get(i);
            boolean dispatch = request.stream().anyMatch(f -> f instanceof HmuxFrame.SubProtocol);
            exchanges.add(new Exchange(request, i < responses.size() ? responses.get(i) : List.of(), dispatch));
        }
        return exchanges;
    }

    private static List<Decoding.Decoded> decoded(Capture.Connection connection, Capture.Direction direction) {
        try {
            return Decoding.decode(connection, direction);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Messages ending with Q or X; A frames of a response belong to no message. */
    private static List<List<HmuxFrame>> split(List<HmuxFrame> frames, boolean responses) {
        List<List<HmuxFrame>> messages = new ArrayList<>();
        List<HmuxFrame> current = new ArrayList<>();
        for (HmuxFrame frame : frames) {
            if (responses && frame instanceof HmuxFrame.Ack) {
                continue;
            }
            current.add(frame);
            if (frame instanceof HmuxFrame.Quit || frame instanceof HmuxFrame.Exit) {
                messages.add(current);
                current = new ArrayList<>();
            }
        }
        return messages;
    }

    private static String text(List<HmuxFrame> frames, Class<? extends HmuxFrame.Text> kind) {
        String value = null;
        for (HmuxFrame frame : frames) {
            if (kind.isInstance(frame)) {
                value = ((HmuxFrame.Text) frame).value();
            }
        }
        return value;
    }

    private static String header(List<HmuxFrame> frames, String name) {
        for (int i = 0; i + 1 < frames.size(); i++) {
            if (frames.get(i) instanceof HmuxFrame.Header && ((HmuxFrame.Header) frames.get(i)).value().equalsIgnoreCase(name)) {
                return ((HmuxFrame.HeaderValue) frames.get(i + 1)).value();
            }
        }
        return null;
    }

    private static byte[] body(List<HmuxFrame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HmuxFrame frame : frames) {
            if (frame instanceof HmuxFrame.Data) {
                out.writeBytes(((HmuxFrame.Data) frame).bytes());
            }
        }
        return out.toByteArray();
    }
}

package dev.turnpike.hmux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnpike.hmux.Capture.Direction;
import dev.turnpike.hmux.Decoding.Decoded;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writing gives back the captured bytes: every decoded frame of every capture encodes to exactly
 * the bytes it was decoded from, and every HTTP request mod_caucho sent, described as a
 * {@link HmuxRequestHead} and written by {@link HmuxRequestWriter}, is byte for byte the head
 * mod_caucho wrote.
 */
class HmuxEncoderGoldenTest {

    /** The captures whose web tier is Apache with mod_caucho. */
    private static final List<String> MOD_CAUCHO = List.of("01-", "02-", "03-", "04-", "05-", "06b-", "06c-", "07-",
            "08-", "09-", "10-", "12-", "15-");

    static List<Capture> captures() {
        return Capture.all();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyFrameEncodesToItsBytes(Capture capture) throws IOException {
        for (Capture.Connection connection : capture.connections()) {
            for (Direction direction : Direction.values()) {
                byte[] stream = connection.stream(direction);
                for (Decoded decoded : Decoding.decode(connection, direction)) {
                    byte[] encoded = HmuxEncoder.encode(decoded.frame());
                    int from = (int) decoded.offset();
                    assertArrayEquals(Arrays.copyOfRange(stream, from, from + encoded.length), encoded,
                            capture + " connection " + connection.number() + " " + direction.label + " " + decoded);
                }
            }
        }
    }

    @Test
    void modCauchoRequestHeadsAreWrittenByteForByte() throws IOException {
        int written = 0;
        for (String name : MOD_CAUCHO) {
            Capture capture = Capture.named(name);
            for (Capture.Connection connection : capture.connections()) {
                byte[] stream = connection.stream(Direction.WEB_TO_BACKEND);
                for (List<Decoded> message : messages(Decoding.decode(connection, Direction.WEB_TO_BACKEND))) {
                    if (message.get(0).frame() instanceof HmuxFrame.Channel) {
                        continue; // a dispatch query, not an HTTP request
                    }
                    List<HmuxFrame> head = head(message);
                    HmuxRequestHead description = RequestHeads.describe(head);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    HmuxRequestWriter.writeHead(description, out);
                    int from = (int) message.get(0).offset();
                    assertArrayEquals(Arrays.copyOfRange(stream, from, from + out.size()), out.toByteArray(),
                            capture + " connection " + connection.number() + " request at " + from + ": " + description);
                    assertEquals(head, HmuxRequestWriter.headFrames(description), capture + " request at " + from);
                    written++;
                }
            }
        }
        // the listings of these captures show 28 U frames, one per HTTP request
        assertEquals(28, written, "HTTP requests written");
    }

    /** The frames of each message, up to and including its Q or X. */
    private static List<List<Decoded>> messages(List<Decoded> frames) {
        List<List<Decoded>> messages = new ArrayList<>();
        List<Decoded> current = new ArrayList<>();
        for (Decoded decoded : frames) {
            current.add(decoded);
            if (decoded.frame() instanceof HmuxFrame.Quit || decoded.frame() instanceof HmuxFrame.Exit) {
                messages.add(current);
                current = new ArrayList<>();
            }
        }
        return messages;
    }

    /** The frames before the body or the end of the request. */
    private static List<HmuxFrame> head(List<Decoded> message) {
        List<HmuxFrame> head = new ArrayList<>();
        for (Decoded decoded : message) {
            HmuxFrame frame = decoded.frame();
            if (frame instanceof HmuxFrame.Data || frame instanceof HmuxFrame.Yield || frame instanceof HmuxFrame.Quit
                    || frame instanceof HmuxFrame.Exit) {
                break;
            }
            head.add(frame);
        }
        return head;
    }
}

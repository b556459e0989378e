package dev.turnpike.hmux;

import static dev.turnpike.hmux.HmuxDecoderHostileTest.bytes;
import static dev.turnpike.hmux.HmuxDecoderHostileTest.concat;
import static dev.turnpike.hmux.HmuxDecoderHostileTest.header;
import static dev.turnpike.hmux.HmuxDecoderHostileTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.turnpike.hmux.Capture.Direction;
import dev.turnpike.hmux.Decoding.Decoded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Frames do not line up with TCP segments: every captured stream must decode to the same frames,
 * at the same offsets, however it is cut. Each stream is fed one byte at a time, and cut in two
 * at every offset (streams up to 4 KiB) or, for longer ones, around every frame head (the code
 * byte, inside the length, the first payload byte) and at random offsets; then cut into many
 * random pieces. Streams with codes unknown in their context, and stray whitespace for a backend,
 * are also cut in two and in three at every pair of offsets.
 */
class HmuxDecoderSplitTest {

    private static final int EVERY_OFFSET_UP_TO = 4096;

    static List<Capture> captures() {
        return Capture.all();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void sameFramesHoweverTheStreamIsCut(Capture capture) throws HmuxProtocolException {
        for (Capture.Connection connection : capture.connections()) {
            List<Boolean> replies = Decoding.dispatchReplies(connection);
            for (Direction direction : Direction.values()) {
                byte[] stream = connection.stream(direction);
                String where = capture + " connection " + connection.number() + " " + direction.label;
                List<Decoded> whole = Decoding.decode(direction, List.of(stream), replies);
                assertEquals(whole, Decoding.decode(direction, connection.segments().get(direction), replies),
                        where + ": fed as captured");
                assertEquals(whole, Decoding.decode(direction, bytewise(stream), replies), where + ": byte by byte");
                for (int cut : cuts(stream, whole)) {
                    assertEquals(whole, Decoding.decode(direction, Decoding.split(stream, cut), replies),
                            where + ": cut at " + cut);
                }
                Random random = new Random(stream.length);
                for (int round = 0; round < 20 && stream.length > 1; round++) {
                    int[] cuts = random.ints(1 + random.nextInt(40), 1, stream.length).sorted().distinct().toArray();
                    assertEquals(whole, Decoding.decode(direction, Decoding.split(stream, cuts), replies),
                            where + ": cut at " + Arrays.toString(cuts));
                }
            }
        }
    }

    /** Where to cut a stream in two: everywhere if short, else around each frame head and at random. */
    private static TreeSet<Integer> cuts(byte[] stream, List<Decoded> frames) {
        TreeSet<Integer> cuts = new TreeSet<>();
        if (stream.length <= EVERY_OFFSET_UP_TO) {
            for (int cut = 1; cut < stream.length; cut++) {
                cuts.add(cut);
            }
            return cuts;
        }
        for (Decoded frame : frames) {
            for (int delta = -1; delta <= 4; delta++) {
                cuts.add((int) frame.offset() + delta);
            }
        }
        Random random = new Random(stream.length);
        for (int i = 0; i < 300; i++) {
            cuts.add(1 + random.nextInt(stream.length - 1));
        }
        cuts.removeIf(cut -> cut < 1 || cut >= stream.length);
        assertFalse(cuts.isEmpty());
        return cuts;
    }

    /**
     * A case: the direction, the limits, a stream holding codes unknown in their context, whether
     * each of its messages is a dispatch reply, and the frames it holds.
     */
    static Stream<Arguments> withUnknownCodes() {
        byte[] requests = concat(
                bytes(' '), text('U', "/a"), bytes('\n'), bytes('Z', 0, 3, 'x', 'y', 'z'), text('m', "GET"),
                bytes(0x00, 0, 0), header("Host", "a"), bytes('s', 0, 1, 'Q'), bytes('D', 0, 2, 1, 2), bytes('Q', '\n'),
                bytes('C', 0, 1), bytes('P', 0, 4, 0, 0, 1, 2), bytes('U', 0, 2, '/', 'b'), text('h', "b"),
                bytes('Y', 0, 0), text('q', ""), bytes('X'));
        byte[] responses = concat(
                bytes('7', 0, 1, 1), text('s', "200 OK"), bytes('U', 0, 2, 'G', 'Q'), bytes('G', 0, 0),
                bytes('D', 0, 1, '!'), bytes(0xff, 0, 0), bytes('Q'),
                bytes('C', 0, 2), text('H', "live-time"), text('S', "60"), bytes('G', 0, 0), text('s', "a:1"),
                bytes('D', 0, 1, 'Q'), bytes('Q'));
        return Stream.of(
                Arguments.of(Direction.WEB_TO_BACKEND, HmuxLimits.BACKEND, requests, List.of(), List.of(
                        "@1 U \"/a\"", "@7 Z len=3 skipped", "@13 m \"GET\"", "@19 0x00 len=0 skipped",
                        "@22 H \"Host\"", "@29 S \"a\"", "@33 s len=1 skipped", "@37 D len=2", "@42 Q",
                        "@44 C 1", "@47 P 0x102", "@54 U len=2 skipped", "@59 h \"b\"", "@63 Y len=0 skipped",
                        "@66 q \"\"", "@69 X")),
                Arguments.of(Direction.BACKEND_TO_WEB, HmuxLimits.DEFAULT, responses, List.of(false, true), List.of(
                        "@0 7 len=1 skipped", "@4 s \"200 OK\"", "@13 U len=2 skipped", "@18 G", "@21 D len=1",
                        "@25 0xff len=0 skipped", "@28 Q", "@29 C 2", "@32 H \"live-time\"", "@44 S \"60\"",
                        "@49 G len=0 skipped", "@52 s \"a:1\"", "@58 D len=1 skipped", "@62 Q")));
    }

    @ParameterizedTest
    @MethodSource
    void withUnknownCodes(Direction direction, HmuxLimits limits, byte[] stream, List<Boolean> replies,
            List<String> frames) throws HmuxProtocolException {
        List<Decoded> whole = Decoding.decode(direction, limits, List.of(stream), replies);
        assertEquals(frames, whole.stream().map(Decoded::toString).collect(Collectors.toList()));
        assertEquals(whole, Decoding.decode(direction, limits, bytewise(stream), replies), "byte by byte");
        for (int first = 1; first < stream.length; first++) {
            assertEquals(whole, Decoding.decode(direction, limits, Decoding.split(stream, first), replies),
                    "cut at " + first);
            for (int second = first + 1; second < stream.length; second++) {
                assertEquals(whole, Decoding.decode(direction, limits, Decoding.split(stream, first, second), replies),
                        "cut at " + first + " and " + second);
            }
        }
    }

    private static List<byte[]> bytewise(byte[] stream) {
        List<byte[]> pieces = new ArrayList<>(stream.length);
        for (byte b : stream) {
            pieces.add(new byte[] {b});
        }
        return pieces;
    }
}

package dev.turnpike.hmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.turnpike.hmux.Capture.Direction;
import dev.turnpike.hmux.Decoding.Decoded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Frames do not line up with TCP segments: every captured stream must decode to the same frames,
 * at the same offsets, however it is cut. Each stream is fed one byte at a time, and cut in two
 * at every offset (streams up to 4 KiB) or, for longer ones, around every frame head (the code
 * byte, inside the length, the first payload byte) and at random offsets; then cut into many
 * random pieces.
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

    private static List<byte[]> bytewise(byte[] stream) {
        List<byte[]> pieces = new ArrayList<>(stream.length);
        for (byte b : stream) {
            pieces.add(new byte[] {b});
        }
        return pieces;
    }
}

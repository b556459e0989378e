package dev.turnpike.hmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixtures agree with themselves: every TCP segment the {@code .txt} listing shows has the
 * same length and bytes in the {@code .pcap}, and each direction's stream has the length the
 * listing states. The golden tests rely on the pcap for full bytes and on the listing for the
 * frames an independent decoder saw.
 */
class CaptureFixturesTest {

    static List<Capture> captures() {
        return Capture.all();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void listingMatchesPcap(Capture capture) {
        assertFalse(capture.connections().isEmpty(), capture + " lists no connection");
        for (Capture.Connection connection : capture.connections()) {
            for (Capture.Direction direction : Capture.Direction.values()) {
                String where = capture + " connection " + connection.number() + " " + direction.label;
                List<Capture.ShownSegment> shown = connection.shownSegments(direction);
                List<byte[]> segments = connection.segments().get(direction);
                assertEquals(shown.size(), segments.size(), where + ": segment count");
                for (int i = 0; i < shown.size(); i++) {
                    assertEquals(shown.get(i).length(), segments.get(i).length, where + " segment " + i + ": length");
                    for (Map.Entry<Integer, Byte> b : shown.get(i).shown().entrySet()) {
                        assertEquals(b.getValue(), segments.get(i)[b.getKey()],
                                where + " segment " + i + " byte " + b.getKey());
                    }
                }
                assertEquals(connection.listedLengths().get(direction), connection.stream(direction).length,
                        where + ": stream length");
            }
        }
    }
}

package dev.turnpike.hmux;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One of the real HMUX captures in {@code src/test/resources/hmux-captures}: the {@code .txt}
 * listing (hex dumps of each TCP segment, long ones abbreviated, and an independent decoder's
 * frame listing per direction) together with the full bytes from the {@code .pcap}.
 *
 * <p>The listing's layout, per TCP connection:
 * <pre>
 * connection 1: 127.0.0.1:59574 (web tier / client)  &lt;-&gt;  127.0.0.1:6800 (HMUX backend)
 * [+ 0.000099s] &gt;&gt;&gt; web-&gt;backend  253 bytes
 *     0000  55 00 0f 2f 65 63 68 6f  2f 70 61 74 68 2f 69 6e  |U../echo/path/in|
 *     ....  (7552 bytes not shown; see the .pcap or rerun with --full)
 * --- HMUX frames, web-&gt;backend (253 bytes in stream) ---
 *   &#64;00000  U len=15    url: "/echo/path/info"
 *   &#64;00252  Q            quit
 * </pre>
 */
public record Capture(String name, List<Connection> connections) {

    /** Which way bytes travel. */
    public enum Direction {
        WEB_TO_BACKEND("web->backend"), BACKEND_TO_WEB("backend->web");

        final String label;

        Direction(String label) {
            this.label = label;
        }

        static Direction of(String label) {
            return label.equals(WEB_TO_BACKEND.label) ? WEB_TO_BACKEND : BACKEND_TO_WEB;
        }
    }

    /** A TCP segment as the listing shows it: its length and the bytes not abbreviated. */
    public record ShownSegment(Direction direction, int length, Map<Integer, Byte> shown) {
    }

    /** One line of the independent decoder's frame listing. */
    public record ListedFrame(long offset, char letter, Integer number, String label, String payload, String line) {
    }

    /** One TCP connection: what the listing shows and the full bytes of each direction. */
    public record Connection(int number, int clientPort, int backendPort, List<ShownSegment> shownSegments,
            Map<Direction, Integer> listedLengths, Map<Direction, List<ListedFrame>> listedFrames,
            Map<Direction, List<byte[]>> segments) {

        /** The whole byte stream of one direction. */
        public byte[] stream(Direction direction) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] segment : segments.get(direction)) {
                out.writeBytes(segment);
            }
            return out.toByteArray();
        }

        List<ShownSegment> shownSegments(Direction direction) {
            return shownSegments.stream().filter(s -> s.direction() == direction).collect(Collectors.toList());
        }
    }

    private static final Pattern CONNECTION = Pattern.compile(
            "connection (\\d+): [\\d.]+:(\\d+) \\(web tier / client\\)\\s+<->\\s+[\\d.]+:(\\d+) \\(HMUX backend\\)");
    private static final Pattern SEGMENT = Pattern.compile("\\[\\+ ?[\\d.]+s\\] (?:>>>|<<<) (\\S+)\\s+(\\d+) bytes");
    private static final Pattern HEX_ROW = Pattern.compile("    ([0-9a-f]{4})  ((?:[0-9a-f]{2} {1,2}){1,16})\\s*\\|.*");
    private static final Pattern LISTING = Pattern.compile("--- HMUX frames, (\\S+) \\((\\d+) bytes in stream\\) ---");
    private static final Pattern FRAME = Pattern.compile(
            "  @(\\d+)  (\\S)\\s+(?:len=(\\d+)|(\\d+))?\\s*([^:]+?)(?:: (.*))?");

    /** Every capture, in file name order. */
    public static List<Capture> all() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted()
                    .map(Capture::load).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The capture whose file name starts with the prefix, e.g. {@code 01-}. */
    public static Capture named(String prefix) {
        return all().stream().filter(c -> c.name().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no capture named " + prefix + "*"));
    }

    /** The only connection of a capture, or the numbered one. */
    public Connection connection(int number) {
        return connections.stream().filter(c -> c.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no connection " + number));
    }

    @Override
    public String toString() {
        return name;
    }

    private static Path directory() {
        try {
            return Paths.get(Capture.class.getResource("/hmux-captures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Capture load(Path text) {
        String name = text.getFileName().toString().replaceFirst("\\.txt$", "");
        List<String> lines;
        try {
            lines = Files.readAllLines(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<PcapReader.Segment> pcap = PcapReader.dataSegments(directory().resolve("pcap").resolve(name + ".pcap"));
        List<Connection> connections = new ArrayList<>();
        int at = 0;
        while (at < lines.size()) {
            Matcher connection = CONNECTION.matcher(lines.get(at));
            if (!connection.matches()) {
                at++;
                continue;
            }
            at = readConnection(lines, at + 1, Integer.parseInt(connection.group(1)),
                    Integer.parseInt(connection.group(2)), Integer.parseInt(connection.group(3)), pcap, connections);
        }
        return new Capture(name, List.copyOf(connections));
    }

    private static int readConnection(List<String> lines, int at, int number, int clientPort, int backendPort,
            List<PcapReader.Segment> pcap, List<Connection> out) {
        List<ShownSegment> shown = new ArrayList<>();
        Map<Direction, Integer> lengths = new EnumMap<>(Direction.class);
        Map<Direction, List<ListedFrame>> frames = new EnumMap<>(Direction.class);
        Direction listing = null;
        for (; at < lines.size() && !CONNECTION.matcher(lines.get(at)).matches(); at++) {
            String line = lines.get(at);
            Matcher segment = SEGMENT.matcher(line);
            Matcher listed = LISTING.matcher(line);
            Matcher frame = FRAME.matcher(line);
            if (segment.matches()) {
                shown.add(new ShownSegment(Direction.of(segment.group(1)), Integer.parseInt(segment.group(2)),
                        new TreeMap<>()));
            } else if (HEX_ROW.matcher(line).matches() && listing == null) {
                addRow(shown.isEmpty() ? null : shown.get(shown.size() - 1), line);
            } else if (listed.matches()) {
                listing = Direction.of(listed.group(1));
                lengths.put(listing, Integer.parseInt(listed.group(2)));
                frames.put(listing, new ArrayList<>());
            } else if (listing != null && frame.matches()) {
                String count = frame.group(3) != null ? frame.group(3) : frame.group(4);
                frames.get(listing).add(new ListedFrame(Long.parseLong(frame.group(1)), frame.group(2).charAt(0),
                        count == null ? null : Integer.valueOf(count), frame.group(5).trim(), frame.group(6), line));
            }
        }
        Map<Direction, List<byte[]>> segments = new EnumMap<>(Direction.class);
        segments.put(Direction.WEB_TO_BACKEND, reassemble(pcap, clientPort, backendPort));
        segments.put(Direction.BACKEND_TO_WEB, reassemble(pcap, backendPort, clientPort));
        out.add(new Connection(number, clientPort, backendPort, List.copyOf(shown), lengths, frames, segments));
        return at;
    }

    private static void addRow(ShownSegment segment, String line) {
        if (segment == null) {
            throw new IllegalStateException("hex row outside a segment: " + line);
        }
        Matcher row = HEX_ROW.matcher(line);
        row.matches();
        int offset = Integer.parseInt(row.group(1), 16);
        String[] bytes = row.group(2).trim().split("\\s+");
        for (int i = 0; i < bytes.length; i++) {
            segment.shown().put(offset + i, (byte) Integer.parseInt(bytes[i], 16));
        }
    }

    /** The data segments from one port to another, in sequence order, retransmissions dropped. */
    private static List<byte[]> reassemble(List<PcapReader.Segment> pcap, int from, int to) {
        List<byte[]> segments = new ArrayList<>();
        long next = -1;
        for (PcapReader.Segment segment : pcap) {
            if (segment.sourcePort() != from || segment.destinationPort() != to) {
                continue;
            }
            if (next >= 0 && segment.sequence() + segment.payload().length <= next) {
                continue;
            }
            if (next >= 0 && segment.sequence() != next) {
                throw new IllegalStateException("segment " + from + "->" + to + " at sequence " + segment.sequence()
                        + " leaves a gap or overlaps (expected: " + next + ")");
            }
            segments.add(segment.payload());
            next = segment.sequence() + segment.payload().length;
        }
        return segments;
    }
}

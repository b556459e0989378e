package dev.turnpike.hmux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the TCP segments of a classic little-endian pcap file with Ethernet framing, as
 * {@code tcpdump -i lo} writes them: just enough to reassemble the HMUX captures.
 */
final class PcapReader {

    /** One TCP segment that carried data. */
    record Segment(int sourcePort, int destinationPort, long sequence, byte[] payload) {
    }

    private PcapReader() {
    }

    static List<Segment> dataSegments(Path file) {
        ByteBuffer in;
        try {
            in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (in.getInt(0) != 0xa1b2c3d4) {
            throw new IllegalArgumentException(file + ": not a little-endian pcap file");
        }
        if (in.getInt(20) != 1) {
            throw new IllegalArgumentException(file + ": link type " + in.getInt(20) + " (expected: 1, Ethernet)");
        }
        List<Segment> segments = new ArrayList<>();
        int at = 24;
        while (at < in.limit()) {
            int captured = in.getInt(at + 8);
            int original = in.getInt(at + 12);
            if (captured != original) {
                throw new IllegalArgumentException(file + ": packet at " + at + " was cut to " + captured + " bytes");
            }
            Segment segment = tcp(Arrays.copyOfRange(in.array(), at + 16, at + 16 + captured));
            if (segment != null) {
                segments.add(segment);
            }
            at += 16 + captured;
        }
        return segments;
    }

    private static Segment tcp(byte[] frame) {
        ByteBuffer p = ByteBuffer.wrap(frame);
        if (p.getShort(12) != 0x0800 || frame[14 + 9] != 6) {
            return null;
        }
        int ip = 14;
        int ipHeader = (frame[ip] & 0x0f) * 4;
        int ipTotal = p.getShort(ip + 2) & 0xffff;
        int tcp = ip + ipHeader;
        int tcpHeader = ((frame[tcp + 12] & 0xff) >>> 4) * 4;
        int payloadStart = tcp + tcpHeader;
        int payloadEnd = ip + ipTotal;
        if (payloadEnd <= payloadStart) {
            return null;
        }
        return new Segment(p.getShort(tcp) & 0xffff, p.getShort(tcp + 2) & 0xffff, p.getInt(tcp + 4) & 0xffffffffL,
                Arrays.copyOfRange(frame, payloadStart, payloadEnd));
    }
}

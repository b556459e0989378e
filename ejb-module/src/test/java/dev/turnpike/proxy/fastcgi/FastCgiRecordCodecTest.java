package dev.turnpike.proxy.fastcgi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records and name-value pairs on the wire, and what the reader refuses from a hostile peer. */
class FastCgiRecordCodecTest {

    @Test
    void beginRequestIsEightBytesOfRoleAndFlags() {
        byte[] bytes = FastCgiRecordWriter.encode(FastCgiRecord.beginRequest(1, FastCgiRecord.ROLE_RESPONDER, true));
        assertArrayEquals(new byte[] {1, 1, 0, 1, 0, 8, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0}, bytes);
    }

    @Test
    void contentIsPaddedToAMultipleOfEight() {
        byte[] bytes = FastCgiRecordWriter.encode(new FastCgiRecord(FastCgiRecord.STDOUT, 258, "abc".getBytes()));
        assertArrayEquals(new byte[] {1, 6, 1, 2, 0, 3, 5, 0, 'a', 'b', 'c', 0, 0, 0, 0, 0}, bytes);
        assertEquals(0, FastCgiRecord.padding(0));
        assertEquals(7, FastCgiRecord.padding(1));
        assertEquals(0, FastCgiRecord.padding(8));
        assertEquals(1, FastCgiRecord.padding(FastCgiRecord.MAX_CONTENT));
    }

    @Test
    void recordsRoundTripOneByteAtATime() throws IOException {
        byte[] big = new byte[FastCgiRecord.MAX_CONTENT];
        Arrays.fill(big, (byte) 'x');
        List<FastCgiRecord> records = List.of(new FastCgiRecord(FastCgiRecord.STDOUT, 1, "Status: 200\r\n\r\n".getBytes()),
                new FastCgiRecord(FastCgiRecord.STDOUT, 1, big), FastCgiRecord.empty(FastCgiRecord.STDOUT, 1),
                new FastCgiRecord(FastCgiRecord.STDERR, 1, "warn\n".getBytes()),
                new FastCgiRecord(FastCgiRecord.GET_VALUES_RESULT, 0, new byte[3]),
                FastCgiRecord.endRequest(1, -2, FastCgiRecord.REQUEST_COMPLETE));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        records.forEach(record -> wire.writeBytes(FastCgiRecordWriter.encode(record)));
        FastCgiRecordReader reader = new FastCgiRecordReader(new Trickle(wire.toByteArray()), 1);
        for (FastCgiRecord expected : records) {
            assertEquals(expected, reader.next());
        }
        assertNull(reader.next());
        assertEquals(wire.size(), reader.consumed());
        FastCgiRecord end = records.get(records.size() - 1);
        assertEquals(-2, end.appStatus());
        assertEquals(FastCgiRecord.REQUEST_COMPLETE, end.protocolStatus());
    }

    @Test
    void oneAndFourByteLengthsOfNameValuePairs() throws IOException {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("A", "");
        pairs.put("SHORT", "x".repeat(127));
        pairs.put("LONG", "y".repeat(128));
        pairs.put("N".repeat(200), "z".repeat(70000));
        byte[] bytes = FastCgiNameValues.encode(pairs);
        assertArrayEquals(new byte[] {1, 0, 'A'}, Arrays.copyOf(bytes, 3));
        assertArrayEquals(new byte[] {5, 127}, Arrays.copyOfRange(bytes, 3, 5));
        int longAt = 3 + 2 + 5 + 127;
        assertArrayEquals(new byte[] {4, (byte) 0x80, 0, 0, (byte) 128}, Arrays.copyOfRange(bytes, longAt, longAt + 5));
        Map<String, String> decoded = new LinkedHashMap<>();
        FastCgiNameValues.decode(bytes).forEach(entry -> decoded.put(entry.getKey(), entry.getValue()));
        assertEquals(pairs, decoded);
    }

    @Test
    void hugeNameValueLengthsAreRefusedWithoutAllocating() {
        byte[] hostile = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 'a', 'b'};
        FastCgiProtocolException e = assertThrows(FastCgiProtocolException.class,
                () -> FastCgiNameValues.decode(hostile));
        assertEquals("name-value pair at byte 0: name of 2147483647 and value of 1 bytes, but only 2 bytes left",
                e.getMessage());
        assertEquals("name-value pair at byte 0: four-byte length cut short", assertThrows(
                FastCgiProtocolException.class, () -> FastCgiNameValues.decode(new byte[] {(byte) 0x80, 0})).getMessage());
        assertEquals("name-value pair at byte 0: cut short in its lengths", assertThrows(
                FastCgiProtocolException.class, () -> FastCgiNameValues.decode(new byte[] {3})).getMessage());
    }

    @Test
    void wrongVersionIsRefused() {
        byte[] bytes = FastCgiRecordWriter.encode(new FastCgiRecord(FastCgiRecord.STDOUT, 1, "x".getBytes()));
        bytes[0] = 2;
        assertEquals("STDOUT record at offset 0: version 2 (expected: 1)", problem(bytes));
    }

    @Test
    void anotherRequestsRecordIsRefused() {
        byte[] first = FastCgiRecordWriter.encode(FastCgiRecord.empty(FastCgiRecord.STDOUT, 1));
        byte[] other = FastCgiRecordWriter.encode(FastCgiRecord.empty(FastCgiRecord.STDOUT, 2));
        assertEquals("STDOUT record at offset 8: request id 2 (expected: 1)", problem(concat(first, other)));
        byte[] onManagement = FastCgiRecordWriter.encode(FastCgiRecord.empty(FastCgiRecord.STDOUT, 0));
        assertEquals("STDOUT record at offset 0: request id 0 (expected: 1)", problem(onManagement));
    }

    @Test
    void unknownTypesArePassedOnForTheOwnerToJudge() throws IOException {
        byte[] bytes = concat(FastCgiRecordWriter.encode(new FastCgiRecord(42, 0, "?".getBytes())),
                FastCgiRecordWriter.encode(new FastCgiRecord(42, 1, "!".getBytes())));
        FastCgiRecordReader reader = new FastCgiRecordReader(new ByteArrayInputStream(bytes), 1);
        assertEquals("type 42 #0 (1 bytes)", reader.next().describe());
        assertEquals("type 42 #1 (1 bytes)", reader.next().describe());
    }

    @Test
    void endRequestOfTheWrongLengthIsRefused() {
        byte[] bytes = FastCgiRecordWriter.encode(new FastCgiRecord(FastCgiRecord.END_REQUEST, 1, new byte[4]));
        assertEquals("END_REQUEST record at offset 0: content length 4 (expected: 8)", problem(bytes));
    }

    @Test
    void truncatedRecordsAreErrorsButAnEndBetweenRecordsIsNot() throws IOException {
        byte[] record = FastCgiRecordWriter.encode(new FastCgiRecord(FastCgiRecord.STDOUT, 1, "hello".getBytes()));
        assertEquals("record at offset 0: stream ended after 5 of 8 header bytes",
                problem(Arrays.copyOf(record, 5)));
        assertEquals("STDOUT record at offset 0: stream ended after 2 of 5 content bytes",
                problem(Arrays.copyOf(record, 10)));
        assertEquals("STDOUT record at offset 0: stream ended after 1 of 3 padding bytes",
                problem(Arrays.copyOf(record, 14)));
        assertNull(new FastCgiRecordReader(new ByteArrayInputStream(new byte[0]), 1).next());
    }

    @Test
    void aHugePromisedLengthOnlyWaitsForBytesThatNeverCome() {
        byte[] header = {1, 6, 0, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 'a'};
        assertEquals("STDOUT record at offset 0: stream ended after 1 of 65535 content bytes", problem(header));
    }

    @Test
    void recordsRefuseOversizedContent() {
        assertThrows(IllegalArgumentException.class,
                () -> new FastCgiRecord(FastCgiRecord.STDIN, 1, new byte[FastCgiRecord.MAX_CONTENT + 1]));
        assertThrows(IllegalArgumentException.class, () -> new FastCgiRecord(FastCgiRecord.STDIN, 65536, new byte[0]));
        assertEquals("type 0", FastCgiRecord.typeName(0));
        assertEquals("UNKNOWN_TYPE", FastCgiRecord.typeName(FastCgiRecord.UNKNOWN_TYPE));
    }

    private static String problem(byte[] bytes) {
        FastCgiRecordReader reader = new FastCgiRecordReader(new ByteArrayInputStream(bytes), 1);
        return assertThrows(FastCgiProtocolException.class, () -> {
            while (reader.next() != null) {
                // read on until the problem
            }
        }).getMessage();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** A stream that hands out one byte per read, as the slowest network would. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private int position;

        Trickle(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            target[offset] = bytes[position++];
            return 1;
        }
    }
}

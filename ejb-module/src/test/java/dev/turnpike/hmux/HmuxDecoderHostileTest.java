package dev.turnpike.hmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a broken or hostile peer gets: a precise {@link HmuxProtocolException} as soon as the
 * offending byte has arrived, and never a buffer sized by a length it declared.
 */
class HmuxDecoderHostileTest {

    private static final HmuxLimits SMALL = new HmuxLimits(4096, 8192, 2, 64);
    private static final String REQUEST_CODES = "C D H P Q S U X Y c d e g h i j m n p q r t u v";

    /** A case: the decoder, the bytes, whether the stream then ends, and the message. */
    static Stream<Arguments> refused() {
        return Stream.of(
                // unknown codes, judged by context; nothing is skipped
                Arguments.of("request", bytes(0x00), false,
                        "frame at offset 0: unknown code 0x00 in a request (expected: one of " + REQUEST_CODES + ")"),
                Arguments.of("request", concat(text('U', "/a"), text('m', "GET"), bytes('Z', 0, 0)), false,
                        "frame at offset 11: unknown code 'Z' in a request (expected: one of " + REQUEST_CODES + ")"),
                Arguments.of("request", text('s', "200 OK"), false,
                        "frame at offset 0: unknown code 's' in a request (expected: one of " + REQUEST_CODES + ")"),
                Arguments.of("response", bytes('7', 0, 1, 1), false, "frame at offset 0: unknown code '7' in a response"
                        + " (expected: one of A C D G H M Q S X Y f s)"),
                Arguments.of("response", text('U', "/a"), false, "frame at offset 0: unknown code 'U' in a response"
                        + " (expected: one of A C D G H M Q S X Y f s)"),
                // lengths over a limit are refused with only the head arrived
                Arguments.of("request", bytes('U', 0xff, 0xff), false,
                        "'U' frame at offset 0: length 65535 over maxStringLength (expected: at most 4096)"),
                Arguments.of("request", bytes('D', 0x20, 0x01), false,
                        "'D' frame at offset 0: length 8193 over maxDataLength (expected: at most 8192)"),
                Arguments.of("request", bytes('t', 0x10, 0x01), false,
                        "'t' frame at offset 0: length 4097 over maxStringLength (expected: at most 4096)"),
                Arguments.of("request", concat(header("A", "1"), header("B", "2"), bytes('H', 0, 1)), false,
                        "'H' frame at offset 16: header count 3 over maxHeaderCount (expected: at most 2)"),
                Arguments.of("request", concat(text('U', "/" + "a".repeat(59)), text('m', "GET"), bytes('c', 0, 8)),
                        false, "'c' frame at offset 69: head of 71 bytes over maxHeaderBytes (expected: at most 64)"),
                Arguments.of("response", bytes('G', 0, 5), false, "'G' frame at offset 0: length 5 (expected: 0)"),
                Arguments.of("request", bytes('r', 0, 2, 'o', 'n'), false, "'r' frame at offset 0: length 2 (expected: 0)"),
                Arguments.of("request", bytes('P', 0, 3, 0, 1, 2), false, "'P' frame at offset 0: length 3 (expected: 4)"),
                Arguments.of("request", bytes('P', 0, 4, 0, 0, 1, 1), false, "'P' frame at offset 0: sub-protocol 0x101"
                        + " not supported (expected: 0x102, the dispatch query)"),
                // text must be UTF-8
                Arguments.of("request", bytes('H', 0, 3, 'X', '-', 0xff), false,
                        "'H' frame at offset 0: payload bytes ff at index 2 are not UTF-8 (expected: UTF-8 text)"),
                Arguments.of("request", bytes('U', 0, 3, '/', 0xc0, 0xaf), false,
                        "'U' frame at offset 0: payload bytes c0 at index 1 are not UTF-8 (expected: UTF-8 text)"),
                Arguments.of("response", bytes('s', 0, 2, '2', 0xc3), false,
                        "'s' frame at offset 0: payload bytes c3 at index 1 are not UTF-8 (expected: UTF-8 text)"),
                Arguments.of("request", bytes('S', 0, 3, 0xed, 0xa0, 0x80), false, // an encoded surrogate
                        "'S' frame at offset 0: payload bytes ed a0 80 at index 0 are not UTF-8 (expected: UTF-8 text)"),
                // the stream ends inside a frame
                Arguments.of("request", bytes('U'), true, "'U' frame at offset 0: stream ended after 0 of 2 length bytes"),
                Arguments.of("request", concat(text('m', "GET"), bytes('U', 0)), true,
                        "'U' frame at offset 6: stream ended after 1 of 2 length bytes"),
                Arguments.of("request", bytes('U', 0, 5, '/', 'a'), true,
                        "'U' frame at offset 0: stream ended after 2 of 5 payload bytes"),
                Arguments.of("response", bytes('A', 0), true, "'A' frame at offset 0: stream ended after 1 of 2 number bytes"),
                Arguments.of("request", concat(bytes('D', 0x20, 0x00), new byte[10]), true,
                        "'D' frame at offset 0: stream ended after 10 of 8192 payload bytes"));
    }

    @ParameterizedTest
    @MethodSource
    void refused(String side, byte[] input, boolean close, String message) {
        HmuxDecoder decoder = side.equals("request") ? HmuxDecoder.forRequests(SMALL) : HmuxDecoder.forResponses(SMALL);
        decoder.feed(input, 0, input.length);
        if (close) {
            decoder.close();
        }
        HmuxProtocolException e = assertThrows(HmuxProtocolException.class, () -> drain(decoder));
        assertEquals(message, e.getMessage());
        // the decoder stays failed: the same exception again, later bytes dropped
        decoder.close();
        assertSame(e, assertThrows(HmuxProtocolException.class, decoder::next));
        assertEquals(0, decoder.buffered());
    }

    @Test
    void exceptionNamesCodeAndOffset() {
        HmuxDecoder decoder = HmuxDecoder.forRequests(SMALL);
        byte[] input = concat(text('U', "/"), bytes('U', 0xff, 0xff));
        decoder.feed(input, 0, input.length);
        HmuxProtocolException e = assertThrows(HmuxProtocolException.class, () -> drain(decoder));
        assertEquals('U', e.code());
        assertEquals(4, e.offset());
    }

    @Test
    void declaredLengthIsNotAllocatedBeforeTheBytesArrive() throws HmuxProtocolException {
        HmuxDecoder decoder = HmuxDecoder.forRequests(HmuxLimits.DEFAULT);
        byte[] head = bytes('D', 0xff, 0xff);
        decoder.feed(head, 0, head.length);
        for (int i = 0; i < 100; i++) {
            decoder.feed(new byte[] {'x'}, 0, 1);
            assertNull(decoder.next(), "a 65535-byte frame is incomplete after " + (i + 1) + " bytes");
        }
        assertEquals(103, decoder.buffered());
        assertTrue(decoder.capacity() <= 2 * 103, "buffer of " + decoder.capacity() + " bytes for 103 that arrived");
    }

    @Test
    void refusedLengthAllocatesNothingLarge() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        byte[] head = bytes('U', 0xff, 0xff);
        HmuxDecoder warm = HmuxDecoder.forRequests(SMALL);
        warm.feed(head, 0, head.length);
        assertThrows(HmuxProtocolException.class, warm::next);

        HmuxDecoder decoder = HmuxDecoder.forRequests(SMALL);
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        decoder.feed(head, 0, head.length);
        HmuxProtocolException e = assertThrows(HmuxProtocolException.class, decoder::next);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertEquals("'U' frame at offset 0: length 65535 over maxStringLength (expected: at most 4096)", e.getMessage());
        assertTrue(allocated < 32768, "refusing a declared 65535-byte frame allocated " + allocated + " bytes");
    }

    @Test
    void feedingAfterTheEndIsAMistake() {
        HmuxDecoder decoder = HmuxDecoder.forRequests(SMALL);
        decoder.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> decoder.feed(new byte[1], 0, 1));
        assertEquals("bytes fed after the end of the stream", e.getMessage());
    }

    @Test
    void dispatchReplyIsExpectedByAResponseDecoderBetweenMessages() throws HmuxProtocolException {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HmuxDecoder.forRequests(SMALL).expectDispatchReply());
        assertEquals("a dispatch reply is read by a response decoder, not a request decoder", e.getMessage());

        HmuxDecoder decoder = HmuxDecoder.forResponses(SMALL);
        byte[] status = text('s', "200 OK");
        decoder.feed(status, 0, status.length);
        decoder.next();
        e = assertThrows(IllegalStateException.class, decoder::expectDispatchReply);
        assertEquals("a dispatch reply is expected in the middle of a response at offset 9; expect it before the"
                + " reply's first frame", e.getMessage());
    }

    private static void drain(HmuxDecoder decoder) throws HmuxProtocolException {
        while (decoder.next() != null) {
            // keep taking frames until the failure
        }
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] text(char code, String value) {
        byte[] payload = value.getBytes(StandardCharsets.UTF_8);
        return concat(bytes(code, payload.length >> 8, payload.length & 0xff), payload);
    }

    static byte[] header(String name, String value) {
        return concat(text('H', name), text('S', value));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

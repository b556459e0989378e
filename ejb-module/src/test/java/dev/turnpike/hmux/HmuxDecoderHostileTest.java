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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a broken, hostile or newer peer gets: a code unknown in its context is skipped by its
 * length and reported, within the same limits as text; anything else wrong gets a precise
 * {@link HmuxProtocolException} as soon as the offending byte has arrived, and never a buffer
 * sized by a length it declared.
 */
class HmuxDecoderHostileTest {

    private static final HmuxLimits SMALL = new HmuxLimits(4096, 8192, 2, 64);

    /**
     * A case: the decoder, its limits, the bytes, then each frame it hands out as {@code @offset}
     * and {@link HmuxFrame#describe()}; the stream ends after the bytes and must end cleanly.
     */
    static Stream<Arguments> skipped() {
        return Stream.of(
                // judged by context: known codes of another context are unknown too
                Arguments.of("request", SMALL, concat(bytes(0x00, 0, 2, 'a', 'b'), text('U', "/a")),
                        List.of("@0 0x00 len=2 skipped", "@5 U \"/a\"")),
                Arguments.of("request", SMALL, concat(text('U', "/a"), text('m', "GET"), bytes('Z', 0, 0), bytes('Q')),
                        List.of("@0 U \"/a\"", "@5 m \"GET\"", "@11 Z len=0 skipped", "@14 Q")),
                Arguments.of("request", SMALL, concat(text('s', "200 OK"), bytes('Q')),
                        List.of("@0 s len=6 skipped", "@9 Q")),
                Arguments.of("response", SMALL, concat(bytes('7', 0, 1, 1), text('s', "200 OK")),
                        List.of("@0 7 len=1 skipped", "@4 s \"200 OK\"")),
                Arguments.of("response", SMALL, concat(text('U', "/a"), bytes(0xff, 0, 0), bytes('Q')),
                        List.of("@0 U len=2 skipped", "@5 0xff len=0 skipped", "@8 Q")),
                // a code that is bare elsewhere is read with a length where it means nothing: the 'Q' is payload
                Arguments.of("request", SMALL, concat(bytes('P', 0, 4, 0, 0, 1, 2), bytes('Y', 0, 1, 'Q'), bytes('Q')),
                        List.of("@0 P 0x102", "@7 Y len=1 skipped", "@11 Q")),
                // inside a dispatch query, 'U' means nothing; after its 'Q' it is a URI again
                Arguments.of("request", SMALL, concat(bytes('P', 0, 4, 0, 0, 1, 2), text('U', "/x"), text('h', "a"),
                                bytes('Q'), text('U', "/x")),
                        List.of("@0 P 0x102", "@7 U len=2 skipped", "@12 h \"a\"", "@16 Q", "@17 U \"/x\"")),
                // stray whitespace, switch off: an unknown code like any other, with the next two bytes as length
                Arguments.of("request", SMALL, concat(bytes(' ', 0, 0), bytes('\n', 0, 1, '!'), text('U', "/")),
                        List.of("@0 0x20 len=0 skipped", "@3 0x0a len=1 skipped", "@7 U \"/\"")),
                // switch on: dropped wherever a code is expected, also at the end; other bytes are still skipped
                Arguments.of("request", SMALL.withIgnoreStrayWhitespace(true), concat(bytes('\n'), text('U', "/a"),
                                bytes(' ', '\n', ' '), text('m', "GET"), bytes('\t', 0, 0), bytes('Q', '\n')),
                        List.of("@1 U \"/a\"", "@9 m \"GET\"", "@15 0x09 len=0 skipped", "@18 Q")),
                Arguments.of("response", HmuxLimits.BACKEND, concat(bytes(' '), bytes('Q')), List.of("@1 Q")));
    }

    @ParameterizedTest
    @MethodSource
    void skipped(String side, HmuxLimits limits, byte[] input, List<String> frames) throws HmuxProtocolException {
        HmuxDecoder decoder = side.equals("request") ? HmuxDecoder.forRequests(limits) : HmuxDecoder.forResponses(limits);
        decoder.feed(input, 0, input.length);
        decoder.close();
        List<String> described = new ArrayList<>();
        for (HmuxFrame frame = decoder.next(); frame != null; frame = decoder.next()) {
            described.add("@" + decoder.frameOffset() + " " + frame.describe());
        }
        assertEquals(frames, described);
        assertEquals(input.length, decoder.offset());
        assertEquals(0, decoder.buffered());
    }

    @Test
    void droppedWhitespaceIsCountedForTheOwnerToReport() throws HmuxProtocolException {
        HmuxDecoder decoder = HmuxDecoder.forRequests(HmuxLimits.BACKEND);
        byte[] input = concat(bytes('\n'), text('U', "/a"), bytes(' ', '\n'), bytes('Q'));
        decoder.feed(input, 0, input.length);
        assertEquals(new HmuxFrame.Uri("/a"), decoder.next());
        assertEquals(new HmuxFrame.Quit(), decoder.next());
        assertEquals(3, decoder.strayWhitespace());
    }

    @Test
    void skippedFrameNamesTheByteAndLengthAndKeepsNoPayload() throws HmuxProtocolException {
        HmuxDecoder decoder = HmuxDecoder.forRequests(SMALL);
        byte[] input = concat(bytes('Z', 0, 3, 'a', 'b', 'c'), text('U', "/"));
        decoder.feed(input, 0, input.length);
        HmuxFrame frame = decoder.next();
        assertEquals(new HmuxFrame.Skipped('Z', 3), frame);
        assertSame(HmuxCode.UNKNOWN, frame.code());
        assertEquals(0, decoder.frameOffset());
        assertEquals(new HmuxFrame.Uri("/"), decoder.next());
        assertEquals(6, decoder.frameOffset());
    }

    @Test
    void skippedPayloadCountsTowardsMaxHeaderBytes() throws HmuxProtocolException {
        // maxHeaderBytes 64: a skipped 58-byte payload, then 2 bytes of header, leave no room for 5 more
        byte[] input = concat(header("A", "1"), bytes('Q'), bytes('Z', 0, 58), new byte[58], header("C", "3"),
                bytes('Z', 0, 5));
        HmuxDecoder decoder = HmuxDecoder.forRequests(SMALL);
        decoder.feed(input, 0, input.length);
        assertEquals(new HmuxFrame.Header("A"), decoder.next());
        assertEquals(new HmuxFrame.HeaderValue("1"), decoder.next());
        assertEquals(new HmuxFrame.Quit(), decoder.next());
        assertEquals(new HmuxFrame.Skipped('Z', 58), decoder.next());
        assertEquals(new HmuxFrame.Header("C"), decoder.next());
        assertEquals(new HmuxFrame.HeaderValue("3"), decoder.next());
        HmuxProtocolException e = assertThrows(HmuxProtocolException.class, decoder::next);
        assertEquals("'Z' frame at offset 78: head of 65 bytes over maxHeaderBytes (expected: at most 64)", e.getMessage());
    }

    /** A case: the decoder, the bytes, whether the stream then ends, and the message. */
    static Stream<Arguments> refused() {
        return Stream.of(
                // an unknown code is skipped only within the limits of a text frame
                Arguments.of("request", bytes('Z', 0x10, 0x01), false,
                        "'Z' frame at offset 0: length 4097 over maxStringLength (expected: at most 4096)"),
                Arguments.of("response", bytes(0x00, 0xff, 0xff), false,
                        "0x00 frame at offset 0: length 65535 over maxStringLength (expected: at most 4096)"),
                Arguments.of("request", concat(text('U', "/" + "a".repeat(59)), bytes('Z', 0, 5)), false,
                        "'Z' frame at offset 63: head of 65 bytes over maxHeaderBytes (expected: at most 64)"),
                // a stray newline with the switch off: 'U' 0 is read as its length
                Arguments.of("request", concat(bytes('\n'), text('U', "/")), false,
                        "0x0a frame at offset 0: length 21760 over maxStringLength (expected: at most 4096)"),
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
                        "'D' frame at offset 0: stream ended after 10 of 8192 payload bytes"),
                Arguments.of("request", bytes('Z'), true, "'Z' frame at offset 0: stream ended after 0 of 2 length bytes"),
                Arguments.of("response", concat(text('s', "200 OK"), bytes(0x00, 0)), true,
                        "0x00 frame at offset 9: stream ended after 1 of 2 length bytes"),
                Arguments.of("request", bytes('Z', 0, 5, 'a', 'b'), true,
                        "'Z' frame at offset 0: stream ended after 2 of 5 payload bytes"));
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

    @ParameterizedTest
    @ValueSource(strings = {"D", "Z"})
    void declaredLengthIsNotAllocatedBeforeTheBytesArrive(char code) throws HmuxProtocolException {
        HmuxDecoder decoder = HmuxDecoder.forRequests(new HmuxLimits(65535, 65535, 128, 65536));
        byte[] head = bytes(code, 0xff, 0xff);
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

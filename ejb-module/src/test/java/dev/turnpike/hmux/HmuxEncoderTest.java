package dev.turnpike.hmux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every meaning in the code table writes and reads back as the same frame in its context, and
 * what HMUX cannot carry, or a skipped frame whose payload is gone, is refused before a byte is
 * written.
 */
class HmuxEncoderTest {

    /** The meanings with a byte of their own: all but {@link HmuxCode#UNKNOWN}. */
    static Stream<HmuxCode> codes() {
        return Stream.of(HmuxCode.values()).filter(code -> code != HmuxCode.UNKNOWN);
    }

    @ParameterizedTest
    @MethodSource("codes")
    void everyMeaningRoundTripsInEachOfItsContexts(HmuxCode code) throws IOException {
        HmuxFrame frame = sample(code);
        assertSame(code, frame.code());
        for (HmuxContext context : code.contexts()) {
            assertSame(code, HmuxCode.of(context, code.value()), code + " in " + context);
            HmuxDecoder decoder = decoderIn(context);
            byte[] bytes = HmuxEncoder.encode(frame);
            decoder.feed(bytes, 0, bytes.length);
            assertEquals(frame, decoder.next(), code + " in " + context);
            assertEquals(0, decoder.buffered());
        }
    }

    @Test
    void everyByteWithoutAMeaningInAContextIsUnknownThere() {
        assertEquals(Set.of(), HmuxCode.UNKNOWN.contexts());
        assertEquals(HmuxCode.Shape.SKIPPED, HmuxCode.UNKNOWN.shape());
        for (HmuxContext context : HmuxContext.values()) {
            for (int b = 0; b < 256; b++) {
                byte value = (byte) b;
                boolean meaningless = codes().noneMatch(c -> c.value() == value && c.contexts().contains(context));
                assertEquals(meaningless, HmuxCode.of(context, b) == HmuxCode.UNKNOWN,
                        String.format("0x%02x in %s", b, context));
            }
        }
        assertSame(HmuxCode.UNKNOWN, HmuxCode.of(HmuxContext.HTTP_REQUEST, 's'));
        assertSame(HmuxCode.STATUS, HmuxCode.of(HmuxContext.HTTP_RESPONSE, 's'));
        IllegalStateException e = assertThrows(IllegalStateException.class, HmuxCode.UNKNOWN::letter);
        assertEquals("UNKNOWN stands for any code byte without a meaning in its context; the byte read is"
                + " HmuxFrame.Skipped.codeByte()", e.getMessage());
    }

    @Test
    void skippedFrameIsNotWritten() {
        HmuxFrame skipped = new HmuxFrame.Skipped('Z', 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HmuxEncoder.encode(skipped));
        assertEquals("a skipped frame (Z len=3 skipped) cannot be written: its code means nothing where it was read"
                + " and its payload was discarded (expected: a frame of a known code)", e.getMessage());
        ByteBuffer buffer = ByteBuffer.allocate(8);
        assertThrows(IllegalArgumentException.class, () -> HmuxEncoder.write(skipped, buffer));
        assertEquals(0, buffer.position());
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        assertThrows(IllegalArgumentException.class, () -> HmuxEncoder.write(skipped, stream));
        assertEquals(0, stream.size());
    }

    @Test
    void layoutOfEachShape() {
        assertArrayEquals(new byte[] {'Q'}, HmuxEncoder.encode(new HmuxFrame.Quit()));
        assertArrayEquals(new byte[] {'C', 0x01, 0x02}, HmuxEncoder.encode(new HmuxFrame.Channel(0x102)));
        assertArrayEquals(new byte[] {'A', 0, 0}, HmuxEncoder.encode(new HmuxFrame.Ack(0)));
        assertArrayEquals(new byte[] {'G', 0, 0}, HmuxEncoder.encode(new HmuxFrame.SendHeaders()));
        assertArrayEquals(new byte[] {'P', 0, 4, 0, 0, 1, 2}, HmuxEncoder.encode(new HmuxFrame.SubProtocol(0x102)));
        assertArrayEquals(new byte[] {'m', 0, 3, 'G', 'E', 'T'}, HmuxEncoder.encode(new HmuxFrame.Method("GET")));
        assertArrayEquals(new byte[] {'U', 0, 3, '/', (byte) 0xc3, (byte) 0xa9},
                HmuxEncoder.encode(new HmuxFrame.Uri("/é")));
        assertArrayEquals(new byte[] {'D', 0, 2, 0, (byte) 0xff}, HmuxEncoder.encode(new HmuxFrame.Data(new byte[] {0, -1})));
    }

    @Test
    void streamAndBufferGetTheSameBytes() throws IOException {
        HmuxFrame frame = new HmuxFrame.Header("Content-Type");
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        HmuxEncoder.write(frame, stream);
        ByteBuffer buffer = ByteBuffer.allocate(15);
        HmuxEncoder.write(frame, buffer);
        assertArrayEquals(stream.toByteArray(), buffer.array());
    }

    @Test
    void frameThatDoesNotFitLeavesTheBufferUnchanged() {
        ByteBuffer buffer = ByteBuffer.allocate(8);
        buffer.put((byte) 1);
        assertThrows(BufferOverflowException.class, () -> HmuxEncoder.write(new HmuxFrame.Method("OPTIONS"), buffer));
        assertEquals(1, buffer.position());
    }

    @Test
    void textLongestThatFitsAndOneByteMore() {
        assertEquals(3 + 65535, HmuxEncoder.encode(new HmuxFrame.HeaderValue("x".repeat(65535))).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HmuxEncoder.encode(new HmuxFrame.HeaderValue("x".repeat(65536))));
        assertEquals("'S' frame: text of 65536 bytes does not fit the 16-bit length (expected: at most 65535 bytes"
                + " of UTF-8)", e.getMessage());
        // the limit is in bytes, not characters: 40000 × é is 80000 bytes
        e = assertThrows(IllegalArgumentException.class, () -> HmuxEncoder.encode(new HmuxFrame.Uri("é".repeat(40000))));
        assertEquals("'U' frame: text of 80000 bytes does not fit the 16-bit length (expected: at most 65535 bytes"
                + " of UTF-8)", e.getMessage());
    }

    @Test
    void unpairedSurrogateIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HmuxEncoder.encode(new HmuxFrame.HeaderValue("ab\ud800c")));
        assertEquals("text has an unpaired surrogate U+D800 at index 2, which UTF-8 cannot encode", e.getMessage());
        assertArrayEquals(new byte[] {'S', 0, 4, (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80},
                HmuxEncoder.encode(new HmuxFrame.HeaderValue("\ud83d\ude00")));
    }

    @Test
    void valuesOutsideTheFieldsAreRefusedWhenTheFrameIsMade() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HmuxFrame.Data(new byte[65536]));
        assertEquals("payload length: 65536 (expected: at most 65535)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HmuxFrame.Channel(65536));
        assertEquals("channel number: 65536 (expected: 0-65535)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HmuxFrame.Ack(-1));
        assertEquals("ack number: -1 (expected: 0-65535)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HmuxFrame.Skipped(256, 0));
        assertEquals("code byte: 256 (expected: 0-255)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HmuxFrame.Skipped('Z', 65536));
        assertEquals("skipped length: 65536 (expected: 0-65535)", e.getMessage());
    }

    @Test
    void limitsAreCheckedWhenMade() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HmuxLimits(0, 1, 1, 1));
        assertEquals("maxStringLength: 0 (expected: 1-65535)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HmuxLimits(1, 65536, 1, 1));
        assertEquals("maxDataLength: 65536 (expected: 1-65535)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HmuxLimits(1, 1, -1, 1));
        assertEquals("maxHeaderCount: -1 (expected: at least 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HmuxLimits(1, 1, 1, -1, true));
        assertEquals("maxHeaderBytes: -1 (expected: at least 0)", e.getMessage());
    }

    @Test
    void strayWhitespaceIsToleratedByBackendsOnly() {
        assertFalse(HmuxLimits.DEFAULT.ignoreStrayWhitespace());
        assertFalse(new HmuxLimits(1, 1, 1, 1).ignoreStrayWhitespace());
        assertEquals(HmuxLimits.DEFAULT.withIgnoreStrayWhitespace(true), HmuxLimits.BACKEND);
        assertTrue(HmuxLimits.BACKEND.ignoreStrayWhitespace());
    }

    @Test
    void describeReadsLikeTheCaptureListings() {
        List<String> described = new ArrayList<>();
        for (HmuxFrame frame : List.of(new HmuxFrame.Uri("/a\nb\"c"), HmuxFrame.Data.of("hello"), new HmuxFrame.Channel(1),
                new HmuxFrame.SubProtocol(0x102), new HmuxFrame.SendHeaders(), new HmuxFrame.Quit(),
                new HmuxFrame.Skipped('Z', 3), new HmuxFrame.Skipped(0x20, 0), new HmuxFrame.Skipped(0xc3, 65535))) {
            described.add(frame.describe());
        }
        assertEquals(List.of("U \"/a\\x0ab\\x22c\"", "D len=5", "C 1", "P 0x102", "G", "Q", "Z len=3 skipped",
                "0x20 len=0 skipped", "0xc3 len=65535 skipped"), described);
        assertEquals("Data[\"hello\"]", HmuxFrame.Data.of("hello").toString());
    }

    private static HmuxFrame sample(HmuxCode code) {
        switch (code.shape()) {
            case TEXT:
                return Frames.text(code, "value é");
            case BINARY:
                return Frames.binary(code, new byte[] {0, 1, (byte) 0xff});
            case NUMBER:
                return Frames.number(code, 513);
            case INT32:
                return new HmuxFrame.SubProtocol(HmuxFrame.SubProtocol.DISPATCH);
            default:
                return Frames.marker(code);
        }
    }

    /** A decoder about to read a frame in the context. */
    private static HmuxDecoder decoderIn(HmuxContext context) throws IOException {
        switch (context) {
            case HTTP_REQUEST:
                return HmuxDecoder.forRequests(HmuxLimits.DEFAULT);
            case DISPATCH_QUERY:
                HmuxDecoder query = HmuxDecoder.forRequests(HmuxLimits.DEFAULT);
                byte[] select = HmuxEncoder.encode(new HmuxFrame.SubProtocol(HmuxFrame.SubProtocol.DISPATCH));
                query.feed(select, 0, select.length);
                query.next();
                assertEquals(HmuxContext.DISPATCH_QUERY, query.context());
                return query;
            case HTTP_RESPONSE:
                return HmuxDecoder.forResponses(HmuxLimits.DEFAULT);
            default:
                HmuxDecoder reply = HmuxDecoder.forResponses(HmuxLimits.DEFAULT);
                reply.expectDispatchReply();
                return reply;
        }
    }
}

package dev.turnpike.hmux.endpoint;

import dev.turnpike.hmux.HmuxDecoder;
import dev.turnpike.hmux.HmuxEncoder;
import dev.turnpike.hmux.HmuxFrame;
import dev.turnpike.hmux.HmuxLimits;
import dev.turnpike.hmux.HmuxProtocolException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Checks what the endpoint wrote on one connection of {@link EndpointFuzzTest}: the bytes decode
 * as a web tier reads them ({@code HmuxDecoder.forResponses(HmuxLimits.DEFAULT)}) and follow
 * <pre>
 *   connection := answer* [X]               nothing after X: the endpoint closes
 *   answer     := A 0                       a yield acknowledged, in a head
 *               | Q                         a ping answered
 *               | response [Q | X]          no Q or X when the request or the response broke off
 *               | (C 2 reply)* (Q | X)      a dispatch query: one reply per q frame
 *   response   := s ((H | M) S)* G (D | f | A 0)*
 * </pre>
 * The bytes may stop between frames, never inside one. There is no {@code E} frame, nor any code
 * a web tier does not know outside a dispatch reply, and each reply is the directory's frames,
 * byte for byte. Dispatch replies are read in the response context: every code of a reply has a
 * 16-bit length, so a response decoder frames them alike.
 */
final class AnswerCheck {

    /** What a connection's answers held. */
    record Counts(int acks, int responses, int replies, int quits, int exits) {
    }

    private enum State { IDLE, HEAD, BODY, DISPATCH, CLOSED }

    private final List<HmuxFrame> reply;
    private final byte[] replyBytes;

    AnswerCheck(List<HmuxFrame> reply) {
        this.reply = List.copyOf(reply);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (HmuxFrame frame : reply) {
            bytes.writeBytes(HmuxEncoder.encode(frame));
        }
        this.replyBytes = bytes.toByteArray();
    }

    /** The bytes the directory's reply takes after its {@code C 2}. */
    int replyLength() {
        return replyBytes.length;
    }

    /**
     * Checks one connection's output.
     *
     * @throws AssertionError naming the offset and the frame where the output breaks the rules
     */
    Counts check(byte[] output) {
        HmuxDecoder decoder = HmuxDecoder.forResponses(HmuxLimits.DEFAULT);
        decoder.feed(output, 0, output.length);
        decoder.close();
        State state = State.IDLE;
        int acks = 0;
        int responses = 0;
        int replies = 0;
        int quits = 0;
        int exits = 0;
        while (true) {
            HmuxFrame frame = next(decoder);
            if (frame == null) {
                return new Counts(acks, responses, replies, quits, exits);
            }
            long at = decoder.frameOffset();
            if (state == State.CLOSED) {
                throw broken(at, frame, "after X, which closes the connection");
            }
            if (frame instanceof HmuxFrame.Ack) {
                if (((HmuxFrame.Ack) frame).number() != 0 || (state != State.IDLE && state != State.BODY)) {
                    throw broken(at, frame, "in state " + state + " (expected: A 0 in a head or a body)");
                }
                acks++;
            } else if (frame instanceof HmuxFrame.Quit || frame instanceof HmuxFrame.Exit) {
                if (state == State.HEAD) {
                    throw broken(at, frame, "inside the response headers (expected: G first)");
                }
                boolean exit = frame instanceof HmuxFrame.Exit;
                quits += exit ? 0 : 1;
                exits += exit ? 1 : 0;
                state = exit ? State.CLOSED : State.IDLE;
            } else if (state == State.IDLE && frame instanceof HmuxFrame.Status) {
                checkStatus(at, (HmuxFrame.Status) frame);
                responses++;
                state = State.HEAD;
            } else if ((state == State.IDLE || state == State.DISPATCH) && frame instanceof HmuxFrame.Channel) {
                checkReply(decoder, output, at, (HmuxFrame.Channel) frame);
                replies++;
                state = State.DISPATCH;
            } else if (state == State.HEAD) {
                state = head(decoder, at, frame);
            } else if (state != State.BODY || !(frame instanceof HmuxFrame.Data || frame instanceof HmuxFrame.Flush)) {
                throw broken(at, frame, "in state " + state);
            }
        }
    }

    private static State head(HmuxDecoder decoder, long at, HmuxFrame frame) {
        if (frame instanceof HmuxFrame.SendHeaders) {
            return State.BODY;
        }
        if (!(frame instanceof HmuxFrame.Header || frame instanceof HmuxFrame.MetaHeader)) {
            throw broken(at, frame, "inside the response headers (expected: H, M or G)");
        }
        HmuxFrame value = next(decoder);
        if (!(value instanceof HmuxFrame.HeaderValue)) {
            throw broken(decoder.frameOffset(), value, "after " + frame.describe() + " (expected: S)");
        }
        return State.HEAD;
    }

    private static void checkStatus(long at, HmuxFrame.Status status) {
        if (!status.value().matches("[1-5][0-9][0-9] \\S.*")) {
            throw broken(at, status, "(expected: a status code and a reason)");
        }
    }

    private void checkReply(HmuxDecoder decoder, byte[] output, long at, HmuxFrame.Channel channel) {
        int from = (int) at + 3;
        if (channel.number() != 2 || from + replyBytes.length > output.length
                || !Arrays.equals(output, from, from + replyBytes.length, replyBytes, 0, replyBytes.length)) {
            throw broken(at, channel, "(expected: C 2 and the directory's reply " + reply + ")");
        }
        for (int i = 0; i < reply.size(); i++) {
            next(decoder);
        }
    }

    private static HmuxFrame next(HmuxDecoder decoder) {
        try {
            return decoder.next();
        } catch (HmuxProtocolException e) {
            throw new AssertionError("the output does not decode as a web tier reads it: " + e.getMessage(), e);
        }
    }

    private static AssertionError broken(long at, HmuxFrame frame, String problem) {
        return new AssertionError("output @" + at + ": " + (frame == null ? "end of the stream" : frame.describe())
                + " " + problem);
    }
}

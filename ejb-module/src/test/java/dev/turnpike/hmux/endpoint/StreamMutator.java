package dev.turnpike.hmux.endpoint;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Makes inputs for {@link EndpointFuzzTest} from real web-tier byte streams: each input is a seed
 * changed by one to eight mutations, fewer more often. Byte mutations ignore the framing:
 * <pre>
 *   BIT_FLIP       one bit of one byte
 *   INTERESTING    one byte set to 0x00 0xff 0x7f or a code that changes the flow: Q X Y D H S P
 *   INSERT_RUN     1-32 random bytes, or one interesting byte repeated; half the time inside a
 *                  frame's payload, its length grown to match, so the framing holds
 *   DELETE_RUN     1-32 bytes; half the time inside a frame's payload, its length shrunk to match
 *   TRUNCATE       the stream cut at a random point
 *   DUPLICATE      a range copied elsewhere in the stream; half the time whole frames, put
 *                  between two frames
 *   SPLICE         a range of another seed inserted, or that seed's tail in place of this one's;
 *                  half the time cut at frame starts
 * </pre>
 * Frame mutations use a lenient scan of the stream ({@link #frameStarts}): {@code Q X Y} are one
 * byte, {@code C A} three, every other code byte starts a frame of three bytes and its 16-bit
 * length, as an HTTP-context reader sees it:
 * <pre>
 *   LENGTH         a frame's length field set to 0, 1, 0xffff, one off, or random
 *   SWAP_FRAMES    two frames change places
 *   MOVE_FRAME     a frame taken out and put elsewhere, or dropped, or doubled
 *   INSERT_FRAME   a small frame put between two: Y Q X C, P 0x102, H without S, S, D, U, m, q
 *   REPLACE_TEXT   a frame's payload replaced by a value that tests parsing (numbers out of
 *                  range, escapes, session ids, CR LF, non-ASCII, long runs), its length to match
 * </pre>
 * The mutations that keep the framing let inputs reach further than the first broken frame.
 * Inputs are cut to {@link #MAX_INPUT} bytes. Everything is drawn from the random given, so an
 * input is made again from the same random.
 */
final class StreamMutator {

    /** The largest input made: more than any seed, yet small enough to dump when an input fails. */
    static final int MAX_INPUT = 64 * 1024;

    private static final byte[] INTERESTING = {0x00, (byte) 0xff, 0x7f, 'Q', 'X', 'Y', 'D', 'H', 'S', 'P'};

    private static final String[] TEXTS = {"", "0", "-1", "65535", "65536", "99999999999999999999", " 80 ", "+1",
        "0x10", "HTTP/1.0", "HTTP/9.9", "GET", "G E T", "/", "//host/a", "/../../etc/passwd", "/a%2F..%2Fb", "%", "%zz",
        "%C3%A9", "%ff%fe", "a\r\nX-Injected: 1", "/a;jsessionid=baaAb12Cd", "/a;jsessionid=", ";jsessionid=b",
        "JSESSIONID=baaAb12Cd; JSESSIONID=\"x\"", "JSESSIONID=;a", "[::1]:80", "[::1", "host:", ":",
        "\u00e9\u4e2d\ud83d\ude00", "Content-Length", "Content-Type", "Cookie", "X-Turnpike-Hmux-Secret",
        "Transfer-Encoding", "chunked"};

    private enum Mutation {
        BIT_FLIP, INTERESTING, INSERT_RUN, DELETE_RUN, TRUNCATE, DUPLICATE, SPLICE, LENGTH, SWAP_FRAMES, MOVE_FRAME,
        INSERT_FRAME, REPLACE_TEXT;

        private static final Mutation[] ALL = values();

        /** Whether it changes bytes that are there, so an empty stream cannot take it. */
        boolean needsBytes() {
            return this != INSERT_RUN && this != SPLICE && this != INSERT_FRAME;
        }
    }

    private final List<byte[]> seeds;

    StreamMutator(List<byte[]> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds: none (expected: at least one byte stream)");
        }
        this.seeds = List.copyOf(seeds);
    }

    /** A new input: a seed and its mutations. */
    byte[] next(RandomGenerator random) {
        byte[] input = seeds.get(random.nextInt(seeds.size()));
        int count = 1 + Integer.numberOfTrailingZeros(random.nextInt() | 0x80);
        for (int i = 0; i < count; i++) {
            input = mutate(input, random);
        }
        return input.length > MAX_INPUT ? Arrays.copyOf(input, MAX_INPUT) : input;
    }

    private byte[] mutate(byte[] in, RandomGenerator random) {
        Mutation mutation = Mutation.ALL[random.nextInt(Mutation.ALL.length)];
        if (in.length == 0 && mutation.needsBytes()) {
            mutation = Mutation.INSERT_FRAME;
        }
        switch (mutation) {
            case BIT_FLIP:
                return bitFlip(in, random);
            case INTERESTING:
                return interesting(in, random);
            case INSERT_RUN:
                return insertRun(in, random);
            case DELETE_RUN:
                return deleteRun(in, random);
            case TRUNCATE:
                return Arrays.copyOf(in, random.nextInt(in.length));
            case DUPLICATE:
                return duplicate(in, random);
            case SPLICE:
                return splice(in, random);
            case LENGTH:
                return length(in, random);
            case SWAP_FRAMES:
                return swapFrames(in, random);
            case MOVE_FRAME:
                return moveFrame(in, random);
            case REPLACE_TEXT:
                return replaceText(in, random);
            default:
                return insertFrame(in, random);
        }
    }

    private static byte[] bitFlip(byte[] in, RandomGenerator random) {
        byte[] out = in.clone();
        out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        return out;
    }

    private static byte[] interesting(byte[] in, RandomGenerator random) {
        byte[] out = in.clone();
        out[random.nextInt(out.length)] = INTERESTING[random.nextInt(INTERESTING.length)];
        return out;
    }

    private static byte[] insertRun(byte[] in, RandomGenerator random) {
        byte[] run = new byte[1 + random.nextInt(32)];
        if (random.nextBoolean()) {
            random.nextBytes(run);
        } else {
            Arrays.fill(run, INTERESTING[random.nextInt(INTERESTING.length)]);
        }
        int frame = random.nextBoolean() ? wholeFrame(in, random) : -1;
        if (frame < 0) {
            return replace(in, random.nextInt(in.length + 1), 0, run);
        }
        int length = payloadLength(in, frame);
        return inPayload(in, frame, random.nextInt(length + 1), 0, run);
    }

    private static byte[] deleteRun(byte[] in, RandomGenerator random) {
        int frame = random.nextBoolean() ? wholeFrame(in, random) : -1;
        if (frame < 0 || payloadLength(in, frame) == 0) {
            int at = random.nextInt(in.length);
            return replace(in, at, Math.min(in.length - at, 1 + random.nextInt(32)), new byte[0]);
        }
        int length = payloadLength(in, frame);
        int at = random.nextInt(length);
        return inPayload(in, frame, at, Math.min(length - at, 1 + random.nextInt(32)), new byte[0]);
    }

    private static byte[] replaceText(byte[] in, RandomGenerator random) {
        int frame = wholeFrame(in, random);
        if (frame < 0) {
            return insertFrame(in, random);
        }
        String text = TEXTS[random.nextInt(TEXTS.length)];
        if (random.nextInt(8) == 0) {
            text = text.repeat(1 + random.nextInt(9000 / Math.max(1, text.length())));
        }
        return inPayload(in, frame, 0, payloadLength(in, frame), text.getBytes(StandardCharsets.UTF_8));
    }

    /** A random frame with a length that ends inside the stream, or -1 when there is none. */
    private static int wholeFrame(byte[] in, RandomGenerator random) {
        int[] starts = frameStarts(in);
        List<Integer> whole = new ArrayList<>();
        for (int i = 0; i + 1 < starts.length; i++) {
            if (!isBareOrNumber(in[starts[i]]) && starts[i + 1] - starts[i] >= 3
                    && starts[i] + 3 + payloadLength(in, starts[i]) == starts[i + 1]) {
                whole.add(starts[i]);
            }
        }
        return whole.isEmpty() ? -1 : whole.get(random.nextInt(whole.size()));
    }

    private static int payloadLength(byte[] in, int frame) {
        return (in[frame + 1] & 0xff) << 8 | in[frame + 2] & 0xff;
    }

    /** The stream with part of a frame's payload replaced, its length field set to the new length (at most 0xffff). */
    private static byte[] inPayload(byte[] in, int frame, int at, int removed, byte[] inserted) {
        int length = payloadLength(in, frame) - removed + inserted.length;
        if (length > 0xffff) {
            inserted = Arrays.copyOf(inserted, inserted.length - (length - 0xffff));
            length = 0xffff;
        }
        byte[] out = replace(in, frame + 3 + at, removed, inserted);
        out[frame + 1] = (byte) (length >>> 8);
        out[frame + 2] = (byte) length;
        return out;
    }

    private static byte[] duplicate(byte[] in, RandomGenerator random) {
        if (random.nextBoolean()) {
            int[] starts = frameStarts(in);
            int first = random.nextInt(starts.length - 1);
            int last = Math.min(starts.length - 1, first + 1 + random.nextInt(8));
            byte[] frames = Arrays.copyOfRange(in, starts[first], starts[last]);
            return replace(in, starts[random.nextInt(starts.length)], 0, frames);
        }
        int from = random.nextInt(in.length);
        int length = 1 + random.nextInt(Math.min(in.length - from, 4096));
        return replace(in, random.nextInt(in.length + 1), 0, Arrays.copyOfRange(in, from, from + length));
    }

    private byte[] splice(byte[] in, RandomGenerator random) {
        byte[] other = seeds.get(random.nextInt(seeds.size()));
        boolean aligned = random.nextBoolean();
        int at = aligned ? randomStart(in, random) : random.nextInt(in.length + 1);
        int from = aligned ? randomStart(other, random) : random.nextInt(other.length + 1);
        if (random.nextBoolean()) {
            return replace(in, at, in.length - at, Arrays.copyOfRange(other, from, other.length));
        }
        int end = aligned ? Math.max(from, randomStart(other, random)) : from + random.nextInt(other.length - from + 1);
        return replace(in, at, 0, Arrays.copyOfRange(other, from, Math.min(end, from + 4096)));
    }

    /** A frame start of the stream, or its end. */
    private static int randomStart(byte[] in, RandomGenerator random) {
        int[] starts = frameStarts(in);
        return starts[random.nextInt(starts.length)];
    }

    private static byte[] length(byte[] in, RandomGenerator random) {
        List<Integer> withLength = new ArrayList<>();
        int[] starts = frameStarts(in);
        for (int i = 0; i + 1 < starts.length; i++) {
            if (starts[i + 1] - starts[i] >= 3 && !isBareOrNumber(in[starts[i]])) {
                withLength.add(starts[i]);
            }
        }
        if (withLength.isEmpty()) {
            return bitFlip(in, random);
        }
        int at = withLength.get(random.nextInt(withLength.size()));
        int old = payloadLength(in, at);
        int value;
        switch (random.nextInt(6)) {
            case 0: value = 0; break;
            case 1: value = 1; break;
            case 2: value = 0xffff; break;
            case 3: value = (old + 1) & 0xffff; break;
            case 4: value = (old - 1) & 0xffff; break;
            default: value = random.nextInt(0x10000); break;
        }
        byte[] out = in.clone();
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) value;
        return out;
    }

    private static byte[] swapFrames(byte[] in, RandomGenerator random) {
        int[] starts = frameStarts(in);
        int frames = starts.length - 1;
        int a = random.nextInt(frames);
        int b = random.nextInt(frames);
        if (a == b) {
            return in;
        }
        int first = Math.min(a, b);
        int second = Math.max(a, b);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, starts[first]);
        out.write(in, starts[second], starts[second + 1] - starts[second]);
        out.write(in, starts[first + 1], starts[second] - starts[first + 1]);
        out.write(in, starts[first], starts[first + 1] - starts[first]);
        out.write(in, starts[second + 1], in.length - starts[second + 1]);
        return out.toByteArray();
    }

    private static byte[] moveFrame(byte[] in, RandomGenerator random) {
        int[] starts = frameStarts(in);
        int frame = random.nextInt(starts.length - 1);
        byte[] bytes = Arrays.copyOfRange(in, starts[frame], starts[frame + 1]);
        int choice = random.nextInt(3);
        if (choice == 0) {
            return replace(in, starts[frame], bytes.length, new byte[0]);
        }
        if (choice == 1) {
            return replace(in, starts[frame + 1], 0, bytes);
        }
        byte[] without = replace(in, starts[frame], bytes.length, new byte[0]);
        int[] rest = frameStarts(without);
        return replace(without, rest[random.nextInt(rest.length)], 0, bytes);
    }

    private static byte[] insertFrame(byte[] in, RandomGenerator random) {
        byte[] frame;
        switch (random.nextInt(11)) {
            case 0: frame = new byte[] {'Y'}; break;
            case 1: frame = new byte[] {'Q'}; break;
            case 2: frame = new byte[] {'X'}; break;
            case 3: frame = new byte[] {'C', 0, (byte) random.nextInt(3)}; break;
            case 4: frame = new byte[] {'P', 0, 4, 0, 0, 1, 2}; break;
            case 5: frame = text('H', "Content-Length"); break;
            case 6: frame = text('S', random.nextBoolean() ? "7" : "-1"); break;
            case 7: frame = text('U', "/f"); break;
            case 8: frame = text('m', random.nextBoolean() ? "POST" : "G\r\nX"); break;
            case 9: frame = text('q', ""); break;
            default:
                byte[] data = new byte[random.nextInt(17)];
                random.nextBytes(data);
                frame = replace(new byte[] {'D', 0, (byte) data.length}, 3, 0, data);
                break;
        }
        int[] starts = frameStarts(in);
        return replace(in, starts[random.nextInt(starts.length)], 0, frame);
    }

    /**
     * Where each frame starts as a lenient scan reads the stream, then the stream's length; a
     * frame cut by the end ends there.
     */
    static int[] frameStarts(byte[] in) {
        List<Integer> starts = new ArrayList<>();
        int at = 0;
        while (at < in.length) {
            starts.add(at);
            byte code = in[at];
            int size;
            if (code == 'Q' || code == 'X' || code == 'Y') {
                size = 1;
            } else if (code == 'C' || code == 'A') {
                size = 3;
            } else if (at + 3 <= in.length) {
                size = 3 + ((in[at + 1] & 0xff) << 8 | in[at + 2] & 0xff);
            } else {
                size = in.length - at;
            }
            at = Math.min(in.length, at + size);
        }
        starts.add(in.length);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean isBareOrNumber(byte code) {
        return code == 'Q' || code == 'X' || code == 'Y' || code == 'C' || code == 'A';
    }

    private static byte[] text(char code, String value) {
        byte[] payload = value.getBytes(StandardCharsets.UTF_8);
        return replace(new byte[] {(byte) code, 0, (byte) payload.length}, 3, 0, payload);
    }

    /** The bytes with {@code removed} bytes at {@code at} replaced by {@code inserted}. */
    private static byte[] replace(byte[] in, int at, int removed, byte[] inserted) {
        byte[] out = new byte[in.length - removed + inserted.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(in, at + removed, out, at + inserted.length, in.length - at - removed);
        return out;
    }
}

package dev.turnpike.hmux.endpoint;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.turnpike.cdi.EndpointTrust;
import dev.turnpike.hmux.Capture;
import dev.turnpike.hmux.HmuxEncoder;
import dev.turnpike.hmux.HmuxFrame;
import dev.turnpike.hmux.HmuxProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds mutated web-tier byte streams to one connection's request loop,
 * {@link EndpointConnection#serve}, over plain streams, each input a whole connection, and checks
 * for every input:
 * <ul>
 *   <li>no exception but an {@link IOException} leaves {@code serve} (broken framing is an
 *       {@link HmuxProtocolException}, a failed body read one too);</li>
 *   <li>{@code serve} returns within {@link #INPUT_BUDGET}: a watchdog fails the test with the
 *       input's dump and the stuck thread's stack when one takes longer;</li>
 *   <li>the output stays within {@link #outputBound}, worked out from the code; a capped stream
 *       stops the endpoint as soon as it writes more;</li>
 *   <li>the output reads as well-formed frames in the order HMUX allows ({@link AnswerCheck}),
 *       with at most one response per request, one {@code A} per {@code Y}, one {@code Q} per
 *       {@code Q}, nothing after {@code X} and no {@code E};</li>
 *   <li>memory stays bounded: what the endpoint allocates for an input grows at most linearly
 *       with it ({@link #allocationBound}), and nothing is kept from one connection to the next.</li>
 * </ul>
 * Seeds are what real web tiers sent in the captures (every connection with bytes from the web
 * tier) and the frames {@link EndpointExchangeTest} sends; {@link StreamMutator} changes them and
 * {@link FuzzBridge} stands in for this server, answering or failing in every way a bridge can.
 * The seeds run first, unmutated, with the same checks; no captured stream may break the framing.
 *
 * <p>Input {@code i} is made from its own random, seeded by the run's seed and {@code i}, so
 * one input is made again alone:
 * <pre>
 *   -Dturnpike.fuzz.inputs=1000000  inputs to run (the default, 150 000, is a smoke run of a few seconds)
 *   -Dturnpike.fuzz.seed=0x5eed     the run's seed, decimal or hex
 *   -Dturnpike.fuzz.start=1234      the index of the first input
 *   -Dturnpike.fuzz.summary=file    also write the summary line to this file
 * </pre>
 */
class EndpointFuzzTest {

    private static final long DEFAULT_SEED = 0x5475726e70696b65L;
    private static final int DEFAULT_INPUTS = 150_000;

    /** Longest one input may take: usual is well under a millisecond, so only a hang comes near it. */
    private static final long INPUT_BUDGET = TimeUnit.SECONDS.toNanos(10);

    /**
     * The largest response to one request, but for the text of its head that an error answer
     * quotes: the endpoint's 400 and 503 answers (status, cpu-load, length and type, G, a body of
     * one template line) and {@link FuzzBridge}'s answers are each under 300 bytes.
     */
    private static final int RESPONSE_MAX = 512;

    /**
     * What the directory answers: frames without payload, so that any number of replies stays
     * within a web tier's head limit.
     */
    private static final List<HmuxFrame> REPLY = List.of(new HmuxFrame.DispatchHost(""),
            new HmuxFrame.DispatchNoChange());

    /**
     * Allocation allowed for an input besides what its bytes cost: the connection's buffers and
     * the classes first met on the way (measured: under 0.2 MB).
     */
    private static final long ALLOCATION_PER_INPUT = 1L << 20;

    /**
     * Allocation allowed per input byte (measured: at most about 600, for requests of four bytes,
     * {@code U 0 0 Q}, each answered with a 400 of 2.4 KB of objects).
     */
    private static final long ALLOCATION_PER_BYTE = 4096;

    /** Growth of the heap after a full collection, from before the first input to after the last. */
    private static final long RETAINED_MAX = 32L << 20;

    private static final AnswerCheck CHECK = new AnswerCheck(REPLY);

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void servesMutatedRequestStreamsWithinBounds() throws Exception {
        long seed = seed(System.getProperty("turnpike.fuzz.seed"));
        int inputs = Integer.getInteger("turnpike.fuzz.inputs", DEFAULT_INPUTS);
        int start = Integer.getInteger("turnpike.fuzz.start", 0);
        Fuzz fuzz = new Fuzz(seed, start, inputs);
        Logger endpointLog = Logger.getLogger("dev.turnpike.hmux.endpoint");
        Level level = endpointLog.getLevel();
        endpointLog.setLevel(Level.SEVERE);
        try {
            Thread worker = new Thread(fuzz::run, "endpoint-fuzz");
            worker.setDaemon(true);
            worker.start();
            while (worker.isAlive()) {
                worker.join(100);
                long started = fuzz.inputStarted;
                if (worker.isAlive() && started != 0 && System.nanoTime() - started > INPUT_BUDGET) {
                    fail(fuzz.reproduce(fuzz.inputIndex, fuzz.input, "still running after "
                            + TimeUnit.NANOSECONDS.toSeconds(INPUT_BUDGET) + " s, at\n" + stack(worker)));
                }
            }
        } finally {
            endpointLog.setLevel(level);
        }
        if (fuzz.failure != null) {
            fail(fuzz.failure);
        }
        String summary = fuzz.summary();
        System.out.println(summary);
        String summaryFile = System.getProperty("turnpike.fuzz.summary");
        if (summaryFile != null) {
            Files.writeString(Path.of(summaryFile), summary + "\n", StandardCharsets.UTF_8);
        }
        assertTrue(fuzz.slowest < INPUT_BUDGET, summary);
        assertTrue(fuzz.retained < RETAINED_MAX, "the heap grew by " + fuzz.retained + " bytes over the run: "
                + summary);
    }

    private static long seed(String text) {
        if (text == null) {
            return DEFAULT_SEED;
        }
        String seed = text.strip();
        return seed.startsWith("0x") ? Long.parseUnsignedLong(seed.substring(2), 16) : Long.parseLong(seed);
    }

    /**
     * The most the endpoint may write for an input, from the code: each {@code Y} is acknowledged
     * by one {@code A 0} (3 bytes); a {@code Q} ends at most one answer with one {@code Q}, an
     * {@code X} with one {@code X}, after which the connection closes; a request needs a
     * {@code U} frame and gets at most one response of {@link #RESPONSE_MAX} bytes besides the
     * text of its own head that an error answer quotes, which all requests together quote from
     * the input at most once; each {@code q} of a dispatch query gets {@code C 2} and the reply.
     * Counting code bytes anywhere in the input can only count more frames than there are.
     */
    static long outputBound(byte[] input) {
        long yields = 0;
        long quits = 0;
        long paths = 0;
        long queries = 0;
        for (byte b : input) {
            yields += b == 'Y' ? 1 : 0;
            quits += b == 'Q' ? 1 : 0;
            paths += b == 'U' ? 1 : 0;
            queries += b == 'q' ? 1 : 0;
        }
        return 3 * yields + quits + 1 + paths * RESPONSE_MAX + queries * (3 + CHECK.replyLength())
                + input.length;
    }

    /**
     * The most the endpoint may allocate for an input: a frame is copied a bounded number of
     * times and the decoder's buffer grows with the bytes that arrived, never with a length a
     * frame declares, so a buffer sized by the peer or work that grows faster than the input
     * breaks this bound.
     */
    static long allocationBound(byte[] input) {
        return ALLOCATION_PER_INPUT + ALLOCATION_PER_BYTE * input.length;
    }

    /** How a connection ended. */
    private enum Ended { PROTOCOL_ERROR, EOF, CLOSED, IO_ERROR }

    /** One run: the inputs, what they did, the first failure. */
    private static final class Fuzz {
        private final long seed;
        private final int start;
        private final int inputs;
        private final List<byte[]> seeds;
        private final int captured;
        private final StreamMutator mutator;
        private final FuzzBridge bridge = new FuzzBridge();
        private final EndpointSettings settings = EndpointFixture.settings();
        private final EndpointTrust trust = new EndpointTrust();
        private final com.sun.management.ThreadMXBean threads = allocationCounter();

        volatile long inputStarted;
        volatile int inputIndex;
        volatile byte[] input;
        volatile String failure;

        private final long[] ended = new long[Ended.values().length];
        private long bytesIn;
        private long bytesOut;
        private long requests;
        private long pings;
        private long dispatchQueries;
        private long slowest;
        private int slowestIndex;
        private long mostAllocated;
        private int mostAllocatedIndex;
        private long elapsed;
        private long retained;
        private int done;

        Fuzz(long seed, int start, int inputs) {
            this.seed = seed;
            this.start = start;
            this.inputs = inputs;
            List<byte[]> streams = capturedStreams();
            this.captured = streams.size();
            this.seeds = seeds(streams);
            this.mutator = new StreamMutator(seeds);
        }

        void run() {
            try {
                for (int i = 0; i < seeds.size(); i++) {
                    Ended end = serve(-1 - i, seeds.get(i), new SplittableRandom(i));
                    if (end == null) {
                        return;
                    }
                    if (i < captured && end == Ended.PROTOCOL_ERROR) {
                        failure = reproduce(-1 - i, seeds.get(i), "a captured stream ends in a protocol error");
                        return;
                    }
                }
                long heapBefore = heapAfterCollection();
                long began = System.nanoTime();
                for (int i = start; i < start + inputs; i++) {
                    RandomGenerator random = new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L));
                    byte[] mutant = mutator.next(random);
                    Ended end = serve(i, mutant, random);
                    if (end == null) {
                        return;
                    }
                    ended[end.ordinal()]++;
                    done++;
                }
                elapsed = System.nanoTime() - began;
                retained = heapAfterCollection() - heapBefore;
            } catch (RuntimeException | Error e) {
                failure = reproduce(inputIndex, input, "the harness failed: " + stack(e));
            }
        }

        /**
         * Serves one input and checks it; {@code null} once it failed.
         *
         * @param index the input's index, or {@code -1 - n} for the unmutated seed {@code n}
         */
        private Ended serve(int index, byte[] bytes, RandomGenerator random) {
            EndpointCounters counters = new EndpointCounters();
            EndpointConnection connection = new EndpointConnection(settings, bridge, (host, etag) -> REPLY, trust,
                    () -> EndpointFixture.CPU_LOAD, counters);
            TrackedInput in = new TrackedInput(bytes);
            CappedOutput out = new CappedOutput(outputBound(bytes));
            bridge.reset(random);
            input = bytes;
            inputIndex = index;
            long allocatedBefore = allocated();
            long began = System.nanoTime();
            inputStarted = began;
            Ended end;
            try {
                connection.serve(in, out, millis -> { });
                end = in.ended ? Ended.EOF : Ended.CLOSED;
            } catch (HmuxProtocolException e) {
                end = Ended.PROTOCOL_ERROR;
            } catch (IOException e) {
                end = Ended.IO_ERROR;
            } catch (RuntimeException | Error e) {
                inputStarted = 0;
                failure = reproduce(index, bytes, "serve threw " + stack(e));
                return null;
            }
            long took = System.nanoTime() - began;
            inputStarted = 0;
            long allocation = allocated() - allocatedBefore;
            String problem = check(bytes, out, counters, allocation);
            if (problem != null) {
                failure = reproduce(index, bytes, problem);
                return null;
            }
            if (index >= 0) {
                account(index, bytes, out, counters, took, allocation);
            }
            return end;
        }

        /** What is wrong with an input's output, or {@code null}. */
        private String check(byte[] bytes, CappedOutput out, EndpointCounters counters, long allocation) {
            if (out.overflowed) {
                return "the output went over its bound of " + out.cap + " bytes";
            }
            if (allocation > allocationBound(bytes)) {
                return "serving it allocated " + allocation + " bytes (expected: at most " + allocationBound(bytes)
                        + ")";
            }
            if (bridge.bodyBytes() > bytes.length) {
                return "the bridge read " + bridge.bodyBytes() + " body bytes from an input of " + bytes.length;
            }
            AnswerCheck.Counts counts;
            try {
                counts = CHECK.check(out.toByteArray());
            } catch (AssertionError e) {
                return e.getMessage() + "\noutput (" + out.size() + " bytes):\n" + hex(out.toByteArray());
            }
            if (counts.responses() > Math.min(counters.requests.sum(), count(bytes, 'U'))) {
                return counts.responses() + " responses to " + counters.requests.sum() + " requests and "
                        + count(bytes, 'U') + " U bytes";
            }
            if (counts.acks() > count(bytes, 'Y')) {
                return counts.acks() + " acks to " + count(bytes, 'Y') + " Y bytes";
            }
            if (counts.quits() > count(bytes, 'Q')) {
                return counts.quits() + " Q frames written for " + count(bytes, 'Q') + " Q bytes";
            }
            if (counts.replies() > 0 && counters.dispatchQueries.sum() == 0) {
                return counts.replies() + " dispatch replies without a query";
            }
            return null;
        }

        private void account(int index, byte[] bytes, CappedOutput out, EndpointCounters counters, long took,
                long allocation) {
            bytesIn += bytes.length;
            bytesOut += out.size();
            requests += counters.requests.sum();
            pings += counters.pings.sum();
            dispatchQueries += counters.dispatchQueries.sum();
            if (took > slowest) {
                slowest = took;
                slowestIndex = index;
            }
            if (allocation > mostAllocated) {
                mostAllocated = allocation;
                mostAllocatedIndex = index;
            }
        }

        String summary() {
            double seconds = elapsed / 1e9;
            return String.format("endpoint fuzz: %d inputs (seed 0x%x, from #%d) after %d seeds, %.1f MB in,"
                    + " %.1f MB out, %.1f s, %.0f inputs/s, slowest %.1f ms (#%d); ended by protocol error %d, EOF %d,"
                    + " X or broken-off response %d, other IOException %d; %d requests, %d pings, %d dispatch"
                    + " queries; most allocated %.1f MB (#%d), heap grew %.1f MB",
                    done, seed, start, seeds.size(), bytesIn / 1e6, bytesOut / 1e6, seconds, done / seconds,
                    slowest / 1e6, slowestIndex, ended[Ended.PROTOCOL_ERROR.ordinal()], ended[Ended.EOF.ordinal()],
                    ended[Ended.CLOSED.ordinal()], ended[Ended.IO_ERROR.ordinal()], requests, pings, dispatchQueries,
                    mostAllocated / 1e6, mostAllocatedIndex, retained / 1e6);
        }

        /** The failure message: what went wrong, how to run the input again, and its bytes. */
        String reproduce(int index, byte[] bytes, String problem) {
            String again = index >= 0
                    ? "run it again with -Dturnpike.fuzz.seed=0x" + Long.toHexString(seed) + " -Dturnpike.fuzz.start="
                            + index + " -Dturnpike.fuzz.inputs=1"
                    : "unmutated seed " + (-1 - index) + " of " + seeds.size();
            byte[] shown = bytes == null ? new byte[0] : bytes;
            return "input #" + index + " of seed 0x" + Long.toHexString(seed) + ": " + problem + "\n" + again
                    + "\ninput (" + shown.length + " bytes):\n" + hex(shown);
        }

        private long allocated() {
            return threads == null ? 0 : threads.getCurrentThreadAllocatedBytes();
        }

        private static com.sun.management.ThreadMXBean allocationCounter() {
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            if (threads instanceof com.sun.management.ThreadMXBean) {
                com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
                if (counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled()) {
                    return counter;
                }
            }
            return null;
        }

        private static long heapAfterCollection() {
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            return runtime.totalMemory() - runtime.freeMemory();
        }
    }

    /** The web tier's side of every captured connection that has one, in capture order. */
    private static List<byte[]> capturedStreams() {
        List<byte[]> streams = new ArrayList<>();
        for (Capture capture : Capture.all()) {
            for (Capture.Connection connection : capture.connections()) {
                byte[] stream = connection.stream(Capture.Direction.WEB_TO_BACKEND);
                if (stream.length > 0) {
                    streams.add(stream);
                }
            }
        }
        return streams;
    }

    /** The captured streams, then the connections of {@link EndpointExchangeTest}. */
    private static List<byte[]> seeds(List<byte[]> captured) {
        List<byte[]> seeds = new ArrayList<>(captured);
        // bridgesAGetAndAnswersInResinOrder
        seeds.add(encode(EndpointFixture.get("/app/hello.jsp", "name=joe&x=1", "User-Agent", "curl/8.0",
                "Cookie", "JSESSIONID=baaQ3kD9xYz1Lm0pR7sTu; theme=dark")));
        // acceptsTheAttributesInAnyOrder: the IIS handler's order, then Resin's Java client
        seeds.add(encode(new HmuxFrame.Uri("/echo/iis"), new HmuxFrame.QueryString("a=1"), new HmuxFrame.Method("GET"),
                new HmuxFrame.ServerType("IIS"), new HmuxFrame.ServerName("Shop.Example.com:8780"),
                new HmuxFrame.ServerPort("8780"), new HmuxFrame.RemoteAddr("10.0.0.7"),
                new HmuxFrame.RemoteHost("client.example"), new HmuxFrame.HttpProtocol(""),
                new HmuxFrame.Header("Host"), new HmuxFrame.HeaderValue("shop.example.com:8780"), new HmuxFrame.Quit(),
                new HmuxFrame.Channel(0), new HmuxFrame.Method("GET"), new HmuxFrame.ServerName("localhost"),
                new HmuxFrame.QueryString("b=2"), new HmuxFrame.Uri("/echo/java"), new HmuxFrame.Quit()));
        // escapesThePathAsARequestTarget
        seeds.add(encode(EndpointFixture.get("/echo/a b/c%25d/\u00e9/e", "q=%C3%A9&r=a+b")));
        // answersABareQuitAndAYieldInTheHead
        seeds.add(encode(new HmuxFrame.Quit(), new HmuxFrame.Uri("/a"), new HmuxFrame.Yield(),
                new HmuxFrame.Method("GET"), new HmuxFrame.Quit(), new HmuxFrame.Exit()));
        // refusesARequestWithoutMethodWith400
        seeds.add(concat(encode(new HmuxFrame.Uri("/no-method"), new HmuxFrame.Quit()),
                encode(EndpointFixture.get("/after", null))));
        // streamsALargeBodyWithYieldAndAck
        byte[] body = new byte[20_000];
        new Random(7).nextBytes(body);
        seeds.add(encode(new HmuxFrame.Uri("/upload"), new HmuxFrame.Method("POST"),
                new HmuxFrame.HttpProtocol("HTTP/1.1"), new HmuxFrame.ServerName("localhost"),
                new HmuxFrame.ContentType("application/octet-stream"), new HmuxFrame.ContentLength("20000"),
                new HmuxFrame.Data(Arrays.copyOfRange(body, 0, 16384)), new HmuxFrame.Yield(),
                new HmuxFrame.Data(Arrays.copyOfRange(body, 16384, 20000)), new HmuxFrame.Quit()));
        // sendsABodyWithoutLengthInChunks
        seeds.add(encode(new HmuxFrame.Uri("/chunks"), new HmuxFrame.Method("PUT"), HmuxFrame.Data.of("abc"),
                HmuxFrame.Data.of("def"), new HmuxFrame.Quit()));
        // drainsTheBodyTheServerDidNotRead
        seeds.add(concat(encode(new HmuxFrame.Uri("/short"), new HmuxFrame.Method("POST"),
                new HmuxFrame.ContentLength("4"), HmuxFrame.Data.of("abcd"), HmuxFrame.Data.of("efgh"),
                new HmuxFrame.Yield(), HmuxFrame.Data.of("ijkl"), new HmuxFrame.Quit()),
                encode(EndpointFixture.get("/next", null))));
        // rewritesSessionIdsBothWays
        seeds.add(encode(EndpointFixture.get("/cart;jsessionid=baaAb12Cd", null,
                "Cookie", "a=1; JSESSIONID=\"baaAb12Cd\"")));
        // dropsBridgeHeadersTheWebTierSends
        seeds.add(encode(EndpointFixture.get("/forged", null, "X-Turnpike-Hmux-Secret", "guess",
                "x-turnpike-hmux-remote-addr", "127.0.0.1", "X-Forwarded-For", "127.0.0.1")));
        // passesHttpsTheUserAndTheClientCertificate
        byte[] cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
                .getBytes(StandardCharsets.US_ASCII);
        seeds.add(encode(new HmuxFrame.Uri("/secure"), new HmuxFrame.Method("GET"), new HmuxFrame.ServerName("shop"),
                new HmuxFrame.ServerPort("443"), new HmuxFrame.RemoteUser("alice"), new HmuxFrame.AuthType("Basic"),
                new HmuxFrame.Secure(), new HmuxFrame.ClientCert(cert),
                new HmuxFrame.Header("SSL_CIPHER"), new HmuxFrame.HeaderValue("TLS_AES_128_GCM_SHA256"),
                new HmuxFrame.Quit()));
        // closesOnBrokenFramingWithoutWritingAnything
        seeds.add(encode(new HmuxFrame.Uri("/a"), new HmuxFrame.Header("Host"), new HmuxFrame.Method("GET")));
        seeds.add(new byte[] {'U', (byte) 0xff, (byte) 0xff, '/'});
        // answersTheDispatchQueryBetweenC2AndQ
        seeds.add(concat(encode(new HmuxFrame.Channel(1), new HmuxFrame.SubProtocol(HmuxFrame.SubProtocol.DISPATCH),
                new HmuxFrame.DispatchEtag("old"), new HmuxFrame.DispatchHost("www.example.com"),
                new HmuxFrame.DispatchQuery(""), new HmuxFrame.Quit()),
                encode(EndpointFixture.get("/after-query", null))));
        return seeds;
    }

    private static byte[] encode(HmuxFrame... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HmuxFrame frame : frames) {
            out.writeBytes(HmuxEncoder.encode(frame));
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static long count(byte[] bytes, char code) {
        long count = 0;
        for (byte b : bytes) {
            count += b == code ? 1 : 0;
        }
        return count;
    }

    /** The bytes as the captures show them: offset, 16 bytes in hex, the same as text. */
    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 4 + 64);
        for (int row = 0; row < bytes.length; row += 16) {
            out.append(String.format("    %04x  ", row));
            StringBuilder text = new StringBuilder(16);
            for (int i = row; i < row + 16; i++) {
                if (i < bytes.length) {
                    int b = bytes[i] & 0xff;
                    out.append(String.format("%02x ", b));
                    text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    out.append("   ");
                }
                if (i == row + 7) {
                    out.append(' ');
                }
            }
            out.append(" |").append(text).append("|\n");
        }
        return out.toString();
    }

    private static String stack(Thread thread) {
        StringBuilder out = new StringBuilder();
        for (StackTraceElement element : thread.getStackTrace()) {
            out.append("    at ").append(element).append('\n');
        }
        return out.toString();
    }

    private static String stack(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** The input of one connection; notes when the endpoint reads past its end. */
    private static final class TrackedInput extends ByteArrayInputStream {
        boolean ended;

        TrackedInput(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read() {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length) {
            int count = super.read(buffer, offset, length);
            ended |= count < 0;
            return count;
        }
    }

    /** The output of one connection, refused past its cap: the endpoint fails on the write that crosses it. */
    private static final class CappedOutput extends OutputStream {
        final long cap;
        boolean overflowed;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        CappedOutput(long cap) {
            this.cap = cap;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            if (bytes.size() + (long) length > cap) {
                overflowed = true;
                throw new IOException("output over its cap of " + cap + " bytes");
            }
            bytes.write(buffer, offset, length);
        }

        int size() {
            return bytes.size();
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}

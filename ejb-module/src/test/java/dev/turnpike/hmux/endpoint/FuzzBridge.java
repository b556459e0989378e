package dev.turnpike.hmux.endpoint;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ExchangeException;
import dev.turnpike.backend.ResponseSink;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * The bridge of {@link EndpointFuzzTest}, in place of this server's HTTP listener: for each
 * request it draws from the input's random what to do, so that every way an exchange ends is
 * fuzzed with every request:
 * <pre>
 *   READ_AND_ANSWER   reads the body to its end (at most MAX_BODY bytes), then answers
 *   ANSWER_FIRST      answers without reading the body; the endpoint drains it
 *   READ_SOME         reads part of the body, then answers with a flush inside the body
 *   REFUSE            IllegalArgumentException before anything, as the HTTP client refuses a
 *                     method that is not a token (only then)
 *   FAIL_BEFORE       ExchangeException CONNECT, STALE_CONNECTION or BEFORE_RESPONSE, after
 *                     reading some body or none
 *   FAIL_DURING       ExchangeException DURING_RESPONSE, after the status and part of the body
 *   FAIL_CLIENT       ExchangeException CLIENT, as when the sink failed
 * </pre>
 * An answer is short: the status, one header, the end of the headers, a body of a few bytes. A
 * body that cannot be read (the web tier broke the framing) fails the exchange with stage
 * {@code CLIENT} and the failure as its cause, as the HTTP client does.
 */
final class FuzzBridge implements Bridge {

    /** The most body bytes read from one request: more than any input holds. */
    static final int MAX_BODY = 1 << 20;

    private static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);

    private enum Move { READ_AND_ANSWER, ANSWER_FIRST, READ_SOME, REFUSE, FAIL_BEFORE, FAIL_DURING, FAIL_CLIENT }

    private final byte[] buffer = new byte[4096];
    private RandomGenerator random;
    private long exchanges;
    private long bodyBytes;

    /** Starts a new input: decisions come from {@code inputRandom}, counts start at 0. */
    void reset(RandomGenerator inputRandom) {
        random = inputRandom;
        exchanges = 0;
        bodyBytes = 0;
    }

    /** Requests the endpoint handed over since the last {@link #reset}. */
    long exchanges() {
        return exchanges;
    }

    /** Body bytes read since the last {@link #reset}. */
    long bodyBytes() {
        return bodyBytes;
    }

    @Override
    public void exchange(BackendRequest request, ResponseSink sink) throws ExchangeException {
        exchanges++;
        Move move = move(request);
        try {
            switch (move) {
                case READ_AND_ANSWER:
                    answer(sink, read(request.body(), MAX_BODY), false);
                    return;
                case ANSWER_FIRST:
                    answer(sink, 0, false);
                    return;
                case READ_SOME:
                    answer(sink, read(request.body(), random.nextInt(4096)), true);
                    return;
                case REFUSE:
                    throw new IllegalArgumentException("method \"" + request.method() + "\" is not a token");
                case FAIL_BEFORE:
                    read(request.body(), random.nextBoolean() ? 0 : random.nextInt(4096));
                    throw failure(stageBefore(), false, null);
                case FAIL_DURING:
                    sink.status(200, "OK");
                    sink.headersEnd();
                    sink.body(buffer, 0, random.nextInt(64));
                    throw failure(ExchangeException.Stage.DURING_RESPONSE, true, null);
                default:
                    throw failure(ExchangeException.Stage.CLIENT, false, new IOException("the sink failed"));
            }
        } catch (ExchangeException e) {
            throw e;
        } catch (IOException e) {
            throw failure(ExchangeException.Stage.CLIENT, false, e);
        }
    }

    private Move move(BackendRequest request) {
        int draw = random.nextInt(100);
        if (draw < 55) {
            return Move.READ_AND_ANSWER;
        }
        if (draw < 67) {
            return Move.ANSWER_FIRST;
        }
        if (draw < 77) {
            return Move.READ_SOME;
        }
        if (draw < 82) {
            return isToken(request.method()) ? Move.READ_AND_ANSWER : Move.REFUSE;
        }
        if (draw < 90) {
            return Move.FAIL_BEFORE;
        }
        return draw < 96 ? Move.FAIL_DURING : Move.FAIL_CLIENT;
    }

    private ExchangeException.Stage stageBefore() {
        switch (random.nextInt(3)) {
            case 0:
                return ExchangeException.Stage.CONNECT;
            case 1:
                return ExchangeException.Stage.STALE_CONNECTION;
            default:
                return ExchangeException.Stage.BEFORE_RESPONSE;
        }
    }

    /** Reads up to {@code limit} body bytes, or to the end of the body, and counts them. */
    private long read(InputStream body, int limit) throws IOException {
        if (body == null) {
            return 0;
        }
        long read = 0;
        while (read < limit) {
            int count = body.read(buffer, 0, (int) Math.min(buffer.length, limit - read));
            if (count < 0) {
                break;
            }
            read += count;
        }
        bodyBytes += read;
        return read;
    }

    private void answer(ResponseSink sink, long read, boolean flush) throws IOException {
        byte[] text = ("read " + read + "\n").getBytes(StandardCharsets.US_ASCII);
        sink.status(200, random.nextBoolean() ? "OK" : "");
        switch (random.nextInt(3)) {
            case 0:
                sink.header("Set-Cookie", "JSESSIONID=Zx9Yw8; Path=/");
                break;
            case 1:
                sink.header("Location", "http://www.example.com/a;jsessionid=Zx9Yw8?b=1");
                break;
            default:
                sink.header("X-Body-Read", Long.toString(read));
                break;
        }
        sink.headersEnd();
        if (flush) {
            sink.body(text, 0, 2);
            sink.flush();
            sink.body(text, 2, text.length - 2);
        } else {
            sink.body(text, 0, text.length);
        }
        sink.end();
    }

    private static ExchangeException failure(ExchangeException.Stage stage, boolean started, IOException cause) {
        return new ExchangeException(stage, SERVER, started, "fuzz bridge: " + stage, cause);
    }

    private static boolean isToken(String method) {
        return !method.isEmpty()
                && method.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
    }

    @Override
    public void close() {
    }
}

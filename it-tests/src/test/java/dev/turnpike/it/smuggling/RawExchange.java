package dev.turnpike.it.smuggling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends bytes exactly as given on a new connection and reads every response until the server
 * closes it, so a test sees how many requests the server made of them; a server that neither
 * answers nor closes within the wait ends the list with {@link #SILENT}. Responses are split by
 * their own framing (Content-Length, chunked, none for 1xx/204/304). After a {@code 101} to
 * {@code h2c} the exchange goes on in HTTP/2 as far as a test needs: the client preface and an empty
 * SETTINGS go out, frames are read until stream 1 (the upgraded request) ends, and its answer is
 * {@link #H2_ANSWER}: HPACK is not decoded, so whether it came from the backend is told by the
 * backend's count.
 */
final class RawExchange {

    /**
     * One response: its status and the {@code X-Seen-By} header a counting backend adds, or
     * {@code null} when the server answered by itself.
     */
    record Answer(int status, String seenBy) {
        @Override
        public String toString() {
            if (status == 0) {
                return "silent";
            }
            return seenBy == null ? Integer.toString(status) : status + " from " + seenBy;
        }
    }

    /** Not an answer: the server neither answered nor closed the connection within the wait. */
    static final Answer SILENT = new Answer(0, null);

    /** What {@code seenBy} says of a response that came over HTTP/2 on stream 1. */
    static final String H2_ANSWER = "h2 stream 1";

    /** The HTTP/2 client connection preface (RFC 9113 3.4) and an empty SETTINGS frame. */
    private static final byte[] H2_PREFACE = concat("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
            new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0});

    private RawExchange() {
    }

    /**
     * Sends {@code request} in one write and returns the responses read until the server closed
     * the connection (or {@code wait} passed without a byte).
     *
     * @param afterHead when not {@code null}: send {@code request} (a head announcing
     *                  {@code Expect: 100-continue}), wait for the first response, then send this
     */
    static List<Answer> send(int port, String request, String afterHead, Duration wait) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) wait.toMillis());
            socket.setSoTimeout((int) wait.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            List<Answer> answers = new ArrayList<>();
            Reader reader = new Reader(in);
            while (true) {
                Answer answer;
                try {
                    answer = reader.response();
                } catch (SocketTimeoutException e) {
                    answers.add(SILENT);
                    return answers;
                } catch (java.net.SocketException e) {
                    return answers;
                }
                if (answer == null) {
                    return answers;
                }
                answers.add(answer);
                if (answer.status() == 101) {
                    out.write(H2_PREFACE);
                    out.flush();
                    if (streamOneEnded(in)) {
                        answers.add(new Answer(200, H2_ANSWER));
                    }
                    return answers;
                }
                if (afterHead != null && answer.status() == 100) {
                    out.write(afterHead.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    afterHead = null;
                }
            }
        }
    }

    /**
     * Reads HTTP/2 frames until stream 1 ends (a HEADERS or DATA frame of it with END_STREAM),
     * GOAWAY, or the end of the stream; whether stream 1 ended.
     */
    private static boolean streamOneEnded(InputStream in) throws IOException {
        try {
            while (true) {
                byte[] head = in.readNBytes(9);
                if (head.length < 9) {
                    return false;
                }
                int length = (head[0] & 0xff) << 16 | (head[1] & 0xff) << 8 | head[2] & 0xff;
                int type = head[3] & 0xff;
                int flags = head[4] & 0xff;
                int stream = (head[5] & 0x7f) << 24 | (head[6] & 0xff) << 16 | (head[7] & 0xff) << 8 | head[8] & 0xff;
                in.readNBytes(length);
                if (type == 7) {
                    return false;
                }
                if (stream == 1 && (type == 0 || type == 1) && (flags & 1) != 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            return false;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Splits the byte stream into responses. */
    private static final class Reader {
        private final InputStream in;

        Reader(InputStream in) {
            this.in = in;
        }

        Answer response() throws IOException {
            String statusLine = line(true);
            if (statusLine == null) {
                return null;
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            String seenBy = null;
            long length = -1;
            boolean chunked = false;
            for (String line = line(false); !line.isEmpty(); line = line(false)) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                switch (name) {
                    case "x-seen-by" -> seenBy = value;
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    default -> {
                    }
                }
            }
            if (status < 200 || status == 204 || status == 304) {
                return new Answer(status, seenBy);
            }
            if (chunked) {
                for (long size = Long.parseLong(line(false).split(";")[0].strip(), 16); size > 0;
                        size = Long.parseLong(line(false).split(";")[0].strip(), 16)) {
                    in.readNBytes((int) size);
                    line(false);
                }
                while (!line(false).isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                in.readNBytes((int) length);
            } else {
                in.readAllBytes();
            }
            return new Answer(status, seenBy);
        }

        private String line(boolean endAllowed) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    if (endAllowed && line.size() == 0) {
                        return null;
                    }
                    throw new java.io.EOFException("response cut off: " + line);
                }
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                line.write(b);
            }
        }
    }
}

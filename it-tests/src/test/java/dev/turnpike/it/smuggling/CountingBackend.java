package dev.turnpike.it.smuggling;

import dev.turnpike.hmux.HmuxDecoder;
import dev.turnpike.hmux.HmuxEncoder;
import dev.turnpike.hmux.HmuxFrame;
import dev.turnpike.hmux.HmuxLimits;
import dev.turnpike.proxy.fastcgi.FastCgiNameValues;
import dev.turnpike.proxy.fastcgi.FastCgiRecord;
import dev.turnpike.proxy.fastcgi.FastCgiRecordReader;
import dev.turnpike.proxy.fastcgi.FastCgiRecordWriter;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback backend that counts and records every request it reads, in one of the three
 * protocols Turnpike forwards to, and answers each with {@code 200} and the header
 * {@code X-Seen-By: <protocol> #<n>}, so the client can tell the backend's answers from the
 * server's own. Connections are kept for as many requests as the client sends.
 *
 * <p>Each request is recorded as one {@link Seen}: the method, the path, the header names in
 * lower case and the body as the backend framed it. Anything the backend cannot read as its
 * protocol is recorded too ({@code unreadable}), then the connection is closed.
 */
abstract class CountingBackend implements AutoCloseable {

    /**
     * One request as the backend read it.
     *
     * @param method  the method
     * @param path    the path (and query, where the protocol carries them together)
     * @param headers header names in lower case, in order; for FastCGI the {@code HTTP_*} variables
     * @param body    the body as the backend framed it
     * @param framing how the body was delimited: {@code length}, {@code chunked}, {@code none}, or
     *                the protocol's own ({@code frames}, {@code records})
     */
    record Seen(String method, String path, List<String> headers, String body, String framing) {
        @Override
        public String toString() {
            return method + " " + path + " " + headers + " body=" + body.length() + " (" + framing + ")";
        }
    }

    private final String protocol;
    private final ServerSocket server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<String> unreadable = new CopyOnWriteArrayList<>();

    CountingBackend(String protocol) throws IOException {
        this.protocol = protocol;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "counting-" + protocol + "-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static CountingBackend http() throws IOException {
        return new Http();
    }

    static CountingBackend fastCgi() throws IOException {
        return new FastCgi();
    }

    static CountingBackend hmux() throws IOException {
        return new Hmux();
    }

    String protocol() {
        return protocol;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every request read so far, in order. */
    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** What could not be read as the protocol, one line per connection that carried it. */
    List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread thread = new Thread(() -> serve(socket), "counting-" + protocol + "-connection");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Seen request = read(in, out);
                if (request == null) {
                    return;
                }
                seen.add(request);
                answer(out, protocol + " #" + seen.size());
            }
        } catch (EOFException | java.net.SocketException closed) {
            // the client closed the connection
        } catch (IOException | RuntimeException e) {
            unreadable.add(e.toString());
        }
    }

    /** The next request on the connection, or {@code null} when the client closed it between requests. */
    abstract Seen read(InputStream in, OutputStream out) throws IOException;

    /** A 200 answer carrying {@code X-Seen-By: tag}. */
    abstract void answer(OutputStream out, String tag) throws IOException;

    /** HTTP/1.1, read strictly: CRLF lines, one Content-Length or chunked, never both. */
    private static final class Http extends CountingBackend {
        Http() throws IOException {
            super("http");
        }

        @Override
        Seen read(InputStream in, OutputStream out) throws IOException {
            String requestLine = line(in, true);
            if (requestLine == null) {
                return null;
            }
            List<String> names = new ArrayList<>();
            long length = -1;
            boolean chunked = false;
            for (String line = line(in, false); !line.isEmpty(); line = line(in, false)) {
                int colon = line.indexOf(':');
                if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                    throw new IOException("header line \"" + line + "\"");
                }
                String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                names.add(name);
                if (name.equals("content-length")) {
                    if (length >= 0) {
                        throw new IOException("a second Content-Length");
                    }
                    length = Long.parseLong(value);
                } else if (name.equals("transfer-encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                    if (!chunked) {
                        throw new IOException("Transfer-Encoding \"" + value + "\"");
                    }
                }
            }
            if (chunked && length >= 0) {
                throw new IOException("Content-Length and Transfer-Encoding");
            }
            String[] parts = requestLine.split(" ", -1);
            if (parts.length != 3) {
                throw new IOException("request line \"" + requestLine + "\"");
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = chunkSize(line(in, false)); size > 0; size = chunkSize(line(in, false))) {
                    body.writeBytes(exactly(in, (int) size));
                    if (!line(in, false).isEmpty()) {
                        throw new IOException("chunk without its CRLF");
                    }
                }
                for (String trailer = line(in, false); !trailer.isEmpty(); trailer = line(in, false)) {
                    names.add("trailer:" + trailer);
                }
            } else if (length > 0) {
                body.writeBytes(exactly(in, (int) length));
            }
            return new Seen(parts[0], parts[1], names, body.toString(StandardCharsets.ISO_8859_1),
                    chunked ? "chunked" : length >= 0 ? "length" : "none");
        }

        @Override
        void answer(OutputStream out, String tag) throws IOException {
            out.write(("HTTP/1.1 200 OK\r\nX-Seen-By: " + tag + "\r\nContent-Type: text/plain\r\nContent-Length: "
                    + tag.length() + "\r\n\r\n" + tag).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        private static long chunkSize(String line) throws IOException {
            int semicolon = line.indexOf(';');
            return Long.parseLong((semicolon >= 0 ? line.substring(0, semicolon) : line).strip(), 16);
        }

        /** A CRLF line; {@code null} at the end of the stream before its first byte when allowed. */
        private static String line(InputStream in, boolean endAllowed) throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    if (endAllowed && line.isEmpty()) {
                        return null;
                    }
                    throw new EOFException("line cut off: " + line);
                }
                if (b == '\n') {
                    if (line.isEmpty() || line.charAt(line.length() - 1) != '\r') {
                        throw new IOException("bare LF after \"" + line + "\"");
                    }
                    return line.substring(0, line.length() - 1);
                }
                if (b == 0 || b == '\r' && line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                    throw new IOException("control byte in \"" + line + "\"");
                }
                line.append((char) b);
                endAllowed = false;
            }
        }
    }

    private static byte[] exactly(InputStream in, int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) {
            throw new EOFException(bytes.length + " of " + count + " body bytes");
        }
        return bytes;
    }

    /** A FastCGI responder: BEGIN_REQUEST, PARAMS, STDIN, one request at a time with id 1. */
    private static final class FastCgi extends CountingBackend {
        FastCgi() throws IOException {
            super("fastcgi");
        }

        @Override
        Seen read(InputStream in, OutputStream out) throws IOException {
            FastCgiRecordReader reader = new FastCgiRecordReader(new OneByteAtATime(in), 1);
            FastCgiRecord begin = reader.next();
            if (begin == null) {
                return null;
            }
            Map<String, String> params = new java.util.LinkedHashMap<>();
            ByteArrayOutputStream stdin = new ByteArrayOutputStream();
            boolean paramsDone = false;
            while (true) {
                FastCgiRecord record = reader.next();
                if (record == null) {
                    throw new EOFException("request cut off");
                }
                if (record.type() == FastCgiRecord.PARAMS) {
                    if (record.content().length == 0) {
                        paramsDone = true;
                    }
                    FastCgiNameValues.decode(record.content()).forEach(p -> params.put(p.getKey(), p.getValue()));
                } else if (record.type() == FastCgiRecord.STDIN) {
                    if (!paramsDone) {
                        throw new IOException("STDIN before the end of PARAMS");
                    }
                    if (record.content().length == 0) {
                        break;
                    }
                    stdin.writeBytes(record.content());
                }
            }
            List<String> names = params.keySet().stream().filter(n -> n.startsWith("HTTP_"))
                    .map(n -> n.toLowerCase(Locale.ROOT)).toList();
            String length = params.get("CONTENT_LENGTH");
            if (length != null && Long.parseLong(length) != stdin.size()) {
                throw new IOException("CONTENT_LENGTH " + length + " but " + stdin.size() + " bytes of STDIN");
            }
            return new Seen(params.get("REQUEST_METHOD"), params.get("REQUEST_URI"), names,
                    stdin.toString(StandardCharsets.ISO_8859_1), "records");
        }

        @Override
        void answer(OutputStream out, String tag) throws IOException {
            byte[] stdout = ("X-Seen-By: " + tag + "\r\nContent-Type: text/plain\r\n\r\n" + tag)
                    .getBytes(StandardCharsets.ISO_8859_1);
            out.write(FastCgiRecordWriter.encode(new FastCgiRecord(FastCgiRecord.STDOUT, 1, stdout)));
            out.write(FastCgiRecordWriter.encode(FastCgiRecord.empty(FastCgiRecord.STDOUT, 1)));
            out.write(FastCgiRecordWriter.encode(FastCgiRecord.endRequest(1, 0, FastCgiRecord.REQUEST_COMPLETE)));
            out.flush();
        }
    }

    /** An HMUX backend as a Resin server: request frames until Q, an A for every Y. */
    private static final class Hmux extends CountingBackend {
        Hmux() throws IOException {
            super("hmux");
        }

        @Override
        Seen read(InputStream in, OutputStream out) throws IOException {
            HmuxDecoder decoder = HmuxDecoder.forRequests(HmuxLimits.BACKEND);
            String method = null;
            String path = null;
            List<String> names = new ArrayList<>();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] one = new byte[1];
            boolean first = true;
            while (true) {
                HmuxFrame frame;
                while ((frame = decoder.next()) == null) {
                    int b = in.read();
                    if (b < 0) {
                        if (first) {
                            return null;
                        }
                        throw new EOFException("request cut off");
                    }
                    first = false;
                    one[0] = (byte) b;
                    decoder.feed(one, 0, 1);
                }
                if (frame instanceof HmuxFrame.Method m) {
                    method = m.value();
                } else if (frame instanceof HmuxFrame.Uri u) {
                    path = u.value();
                } else if (frame instanceof HmuxFrame.Header h) {
                    names.add(h.value().toLowerCase(Locale.ROOT));
                } else if (frame instanceof HmuxFrame.Data d) {
                    body.writeBytes(d.bytes());
                } else if (frame instanceof HmuxFrame.Yield) {
                    out.write(HmuxEncoder.encode(new HmuxFrame.Ack(0)));
                    out.flush();
                } else if (frame instanceof HmuxFrame.Quit || frame instanceof HmuxFrame.Exit) {
                    return new Seen(method, path, names, body.toString(StandardCharsets.ISO_8859_1), "frames");
                }
            }
        }

        @Override
        void answer(OutputStream out, String tag) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (HmuxFrame frame : List.of(new HmuxFrame.Status("200 OK"), new HmuxFrame.Header("X-Seen-By"),
                    new HmuxFrame.HeaderValue(tag), new HmuxFrame.Header("Content-Type"),
                    new HmuxFrame.HeaderValue("text/plain"), new HmuxFrame.SendHeaders(), HmuxFrame.Data.of(tag),
                    new HmuxFrame.Quit())) {
                bytes.writeBytes(HmuxEncoder.encode(frame));
            }
            out.write(bytes.toByteArray());
            out.flush();
        }
    }

    /** Reads one byte at a time, so a request read leaves the next one on the socket. */
    private static final class OneByteAtATime extends InputStream {
        private final InputStream in;

        OneByteAtATime(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            target[offset] = (byte) b;
            return 1;
        }
    }
}

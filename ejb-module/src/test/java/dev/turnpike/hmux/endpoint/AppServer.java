package dev.turnpike.hmux.endpoint;

import dev.turnpike.backend.HeaderField;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local server an endpoint bridges to, in tests: a plain HTTP/1.1 server on a loopback port
 * that records every request exactly as it arrived on the wire (request line, headers in order,
 * body de-chunked) and answers with the raw bytes its handler returns. Connections are kept alive
 * until the client closes them.
 */
final class AppServer implements AutoCloseable {

    /** A request as the server read it. */
    record Seen(String method, String target, String protocol, List<HeaderField> headers, byte[] body,
            boolean chunked) {

        /** The first value of a header, compared without case, or {@code null}. */
        String header(String name) {
            for (HeaderField field : headers) {
                if (field.is(name)) {
                    return field.value();
                }
            }
            return null;
        }

        /** Every value of a header, in order. */
        List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            for (HeaderField field : headers) {
                if (field.is(name)) {
                    values.add(field.value());
                }
            }
            return values;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What the server answers to a request: the raw bytes of a whole response. */
    interface Handler {
        byte[] respond(Seen request) throws Exception;
    }

    private final ServerSocket server;
    private final Handler handler;
    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    private AppServer(Handler handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "app-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static AppServer start(Handler handler) throws IOException {
        return new AppServer(handler);
    }

    /** A response with the given status line, headers in order and body; add Content-Length yourself. */
    static byte[] response(String status, List<HeaderField> headers, byte[] body) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
        for (HeaderField field : headers) {
            head.append(field.name()).append(": ").append(field.value()).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A 200 text response with a Content-Length. */
    static byte[] text(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return response("200 OK", List.of(new HeaderField("Content-Type", "text/plain; charset=utf-8"),
                new HeaderField("Content-Length", Integer.toString(bytes.length))), bytes);
    }

    /** A response whose body goes in chunks of the given sizes, without Content-Length. */
    static byte[] chunked(String status, List<HeaderField> headers, byte[] body, int chunk) {
        List<HeaderField> all = new ArrayList<>(headers);
        all.add(new HeaderField("Transfer-Encoding", "chunked"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += chunk) {
            int n = Math.min(chunk, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return response(status, all, out.toByteArray());
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** The next request the server read, waiting at most 5 s. */
    Seen next() throws InterruptedException {
        Seen request = seen.poll(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the app server received no request within 5 s");
        }
        return request;
    }

    /** Requests read and not yet taken with {@link #next()}. */
    int waiting() {
        return seen.size();
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                connections.incrementAndGet();
                Thread thread = new Thread(() -> serve(socket), "app-server-connection");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Seen request = read(in);
                if (request == null) {
                    return;
                }
                seen.add(request);
                out.write(handler.respond(request));
                out.flush();
            }
        } catch (Exception e) {
            // the client went away
        }
    }

    private static Seen read(InputStream in) throws IOException {
        String line = line(in);
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ", 3);
        List<HeaderField> headers = new ArrayList<>();
        for (String field = line(in); field != null && !field.isEmpty(); field = line(in)) {
            int colon = field.indexOf(':');
            headers.add(new HeaderField(field.substring(0, colon), field.substring(colon + 1).strip()));
        }
        String length = null;
        boolean chunked = false;
        for (HeaderField field : headers) {
            if (field.is("Content-Length")) {
                length = field.value();
            } else if (field.is("Transfer-Encoding")) {
                chunked = field.value().equalsIgnoreCase("chunked");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                body.writeBytes(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (length != null) {
            body.writeBytes(in.readNBytes(Integer.parseInt(length)));
        }
        return new Seen(parts[0], parts[1], parts[2], headers, body.toByteArray(), chunked);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}

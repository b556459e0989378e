package dev.turnpike.it.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP/1.1 backend on a free loopback port that counts the requests it receives and answers
 * each with its request head, byte for byte (ISO-8859-1), as the body. A request head that is not
 * well formed (a bare CR or LF inside a line) is recorded as it came and answered 400, so a test
 * sees an injected line as the backend saw it.
 */
final class HeaderEchoBackend implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "header-echo-backend");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> heads = new CopyOnWriteArrayList<>();

    HeaderEchoBackend() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every request head received so far, in arrival order. */
    List<String> heads() {
        return List.copyOf(heads);
    }

    void clear() {
        heads.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
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
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                heads.add(head);
                skipBody(in, head);
                boolean wellFormed = !head.replace("\r\n", "").contains("\r") && !head.replace("\r\n", "").contains("\n");
                byte[] body = head.getBytes(StandardCharsets.ISO_8859_1);
                String status = wellFormed ? "200 OK" : "400 Bad Request";
                out.write(("HTTP/1.1 " + status + "\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (SocketException e) {
            // the web tier closed a pooled connection
        } catch (IOException e) {
            // a test ended mid-exchange
        }
    }

    /** The head up to and including the blank line, or {@code null} at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}

package dev.turnpike.proxy.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A "hostile" backend on a plain loopback {@link ServerSocket}: the n-th connection it accepts runs
 * the n-th script, which reads and writes raw bytes, so a test can send what no real server would.
 * What each script threw is kept and rethrown by {@link #awaitScripts()}.
 */
final class RawBackend implements AutoCloseable {

    /** What the backend does on one connection. */
    interface Script {
        void run(Peer peer) throws Exception;
    }

    private final ServerSocket server;
    private final List<Script> scripts;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final CountDownLatch done;
    private final Thread acceptor;

    private RawBackend(ServerSocket server, List<Script> scripts) {
        this.server = server;
        this.scripts = scripts;
        this.done = new CountDownLatch(scripts.size());
        this.acceptor = new Thread(this::accept, "raw-backend");
        acceptor.setDaemon(true);
    }

    static RawBackend start(Script... scripts) throws IOException {
        ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        RawBackend backend = new RawBackend(server, List.of(scripts));
        backend.acceptor.start();
        return backend;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** Waits for every script to finish; fails with the first script failure. */
    void awaitScripts() throws Exception {
        if (!done.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("scripts still running");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("a script failed", failures.get(0));
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        for (Script script : scripts) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            Thread thread = new Thread(() -> {
                try (socket) {
                    script.run(new Peer(socket));
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            }, "raw-backend-peer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** One accepted connection. */
    static final class Peer {
        final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Reads a request head up to its empty line and returns it, CRLFs included. */
        String head() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("request head cut off: " + head);
                }
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        /** Sends text as ISO-8859-1 bytes. */
        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Everything until the client closes, as text. */
        String rest() throws IOException {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        void close() throws IOException {
            socket.close();
        }
    }
}

package dev.turnpike.proxy;

import dev.turnpike.hmux.HmuxDecoder;
import dev.turnpike.hmux.HmuxFrame;
import dev.turnpike.hmux.HmuxLimits;
import dev.turnpike.proxy.fastcgi.FastCgiRecord;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A hostile backend of any protocol on an ephemeral loopback port: the n-th connection runs the
 * n-th {@link Script}, which reads the request as its protocol frames it and writes whatever bytes
 * the test wants. A connection beyond the scripts is counted and closed at once, so a test fixes
 * exactly how many connections the client may open. {@link #awaitScripts()} rethrows what failed
 * in a script, so assertions stay on the test thread; every wait is bounded by {@link #TIMEOUT}.
 */
final class ScriptedBackend implements AutoCloseable {

    /** The bound of every wait, on either side. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What the backend does on one connection. */
    interface Script {
        void run(Peer peer) throws Exception;
    }

    private final ServerSocket server;
    private final List<Script> scripts;
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch done;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int accepted;

    private ScriptedBackend(List<Script> scripts) throws IOException {
        this.scripts = List.copyOf(scripts);
        this.done = new CountDownLatch(scripts.size());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-backend-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static ScriptedBackend start(Script... scripts) throws IOException {
        return new ScriptedBackend(List.of(scripts));
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** {@code 127.0.0.1:port}, as a rule names it. */
    String hostPort() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Connections accepted so far, scripted or not. */
    int connections() {
        return accepted;
    }

    /** Waits for every script to finish and rethrows the first failure. */
    void awaitScripts() throws InterruptedException {
        if (!done.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(scripts.size() + " scripts expected to finish, " + accepted
                    + " connections accepted, within " + TIMEOUT);
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("a backend script failed: " + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    /** Ends every {@link Peer#stall()}: the test has seen what it waited for. */
    void release() {
        released.countDown();
    }

    @Override
    public void close() throws IOException {
        released.countDown();
        server.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            int index = accepted++;
            sockets.add(socket);
            if (index >= scripts.size()) {
                closeQuietly(socket);
                continue;
            }
            Thread thread = new Thread(() -> run(scripts.get(index), socket), "scripted-connection-" + index);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run(Script script, Socket socket) {
        try {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            script.run(new Peer(socket, released));
        } catch (Throwable e) {
            failures.add(e);
        } finally {
            closeQuietly(socket);
            done.countDown();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the test only needs it gone
        }
    }

    /** The backend's end of one connection. */
    static final class Peer {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final CountDownLatch released;

        Peer(Socket socket, CountDownLatch released) throws IOException {
            this.socket = socket;
            this.released = released;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** An HTTP request head up to its empty line, CRLFs included; read byte by byte. */
        String httpHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("request head cut off: " + head);
                }
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        /** HMUX frames up to and including the client's {@code Q} or {@code X}; byte by byte. */
        List<HmuxFrame> hmuxRequest() throws IOException {
            HmuxDecoder decoder = HmuxDecoder.forRequests(HmuxLimits.BACKEND);
            List<HmuxFrame> frames = new ArrayList<>();
            byte[] one = new byte[1];
            while (true) {
                HmuxFrame frame;
                while ((frame = decoder.next()) == null) {
                    int b = in.read();
                    if (b < 0) {
                        throw new EOFException("HMUX request cut off after " + frames);
                    }
                    one[0] = (byte) b;
                    decoder.feed(one, 0, 1);
                }
                frames.add(frame);
                if (frame instanceof HmuxFrame.Quit || frame instanceof HmuxFrame.Exit) {
                    return frames;
                }
            }
        }

        /** FastCGI records up to the empty {@code STDIN}; byte by byte, so nothing after it is read. */
        List<FastCgiRecord> fastCgiRequest() throws IOException {
            List<FastCgiRecord> records = new ArrayList<>();
            while (true) {
                byte[] header = in.readNBytes(8);
                if (header.length < 8) {
                    throw new EOFException("FastCGI request cut off after " + records.size() + " records");
                }
                int type = header[1] & 0xff;
                int id = (header[2] & 0xff) << 8 | header[3] & 0xff;
                int length = (header[4] & 0xff) << 8 | header[5] & 0xff;
                byte[] content = in.readNBytes(length);
                in.readNBytes(header[6] & 0xff);
                records.add(new FastCgiRecord(type, id, content));
                if (type == FastCgiRecord.STDIN && length == 0) {
                    return records;
                }
            }
        }

        /** Reads exactly {@code count} bytes, e.g. a request body. */
        byte[] read(int count) throws IOException {
            byte[] bytes = in.readNBytes(count);
            if (bytes.length < count) {
                throw new EOFException(bytes.length + " of " + count + " bytes");
            }
            return bytes;
        }

        /** Sends bytes as they are. */
        void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /**
         * Sends bytes until the client closes: a flood the client is expected to refuse part way,
         * so a reset or broken pipe ends it quietly.
         */
        void flood(byte[] bytes) throws IOException {
            try {
                send(bytes);
            } catch (SocketException closedByTheClient) {
                // what a client refusing the flood does
            }
        }

        /** Sends text as ISO-8859-1. */
        void send(String text) throws IOException {
            send(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Waits until the client closes (or resets) the connection, dropping what it sends. */
        void awaitClose() throws IOException {
            try {
                while (in.read() >= 0) {
                    // dropped
                }
            } catch (SocketException reset) {
                // a reset is a close too
            }
        }

        /**
         * Reads nothing more and writes nothing, keeping the connection open, until the test
         * {@linkplain ScriptedBackend#release() releases} the backend (at most {@link #TIMEOUT}).
         */
        void stall() throws InterruptedException {
            released.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        void close() throws IOException {
            socket.close();
        }
    }
}

package dev.turnpike.hmux;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scripted HMUX backend on an ephemeral loopback port, for what a real Resin cannot be made to do
 * on cue: close or reset a pooled connection, answer out of order, stop mid-frame.
 *
 * <p>The n-th connection accepted runs the n-th {@link Script} on its own thread; a connection
 * beyond the scripts is counted and closed at once, so a test can fix the exact number of
 * connections. Each {@link Peer} records the frames it read. {@link #awaitScripts()} waits for every
 * script to run and rethrows what failed in them, so assertions happen on the test thread. Every wait is
 * bounded by {@link #TIMEOUT}.
 */
final class FakeBackend implements AutoCloseable {

    /** The bound of every wait in these tests, on either side. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** What the backend does on one connection. */
    interface Script {
        void run(Peer peer) throws Exception;
    }

    private final ServerSocket server;
    private final List<Script> scripts;
    private final List<Peer> peers = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;
    private final CountDownLatch started;
    private volatile int accepted;

    private FakeBackend(List<Script> scripts) throws IOException {
        this.scripts = List.copyOf(scripts);
        this.started = new CountDownLatch(scripts.size());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "fake-hmux-backend-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A backend running one script per connection, in order. */
    static FakeBackend start(Script... scripts) throws IOException {
        return new FakeBackend(List.of(scripts));
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Connections accepted so far, scripted or not. */
    int connections() {
        return accepted;
    }

    /** The peer of the n-th connection (0-based). */
    Peer peer(int index) {
        return peers.get(index);
    }

    /** Waits for every script to start and finish, and rethrows the first failure, if any. */
    void awaitScripts() throws InterruptedException {
        if (!started.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(scripts.size() + " connections expected, " + accepted + " accepted within "
                    + TIMEOUT);
        }
        List<Thread> running;
        synchronized (threads) {
            running = new ArrayList<>(threads);
        }
        for (Thread thread : running) {
            thread.join(TIMEOUT.toMillis());
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " still running after " + TIMEOUT);
            }
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("a backend script failed: " + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (peers) {
            for (Peer peer : peers) {
                peer.socket.close();
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
            if (index >= scripts.size()) {
                closeQuietly(socket);
                continue;
            }
            try {
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                Peer peer = new Peer(socket);
                peers.add(peer);
                Thread thread = new Thread(() -> run(scripts.get(index), peer), "fake-hmux-connection-" + index);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
                started.countDown();
            } catch (IOException e) {
                failures.add(e);
                closeQuietly(socket);
            }
        }
    }

    private void run(Script script, Peer peer) {
        try {
            script.run(peer);
        } catch (Throwable e) {
            failures.add(e);
        } finally {
            closeQuietly(peer.socket);
            peer.closed.countDown();
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
        private final HmuxDecoder decoder = HmuxDecoder.forRequests(HmuxLimits.DEFAULT);
        private final byte[] buffer = new byte[8192];
        private final List<HmuxFrame> received = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch closed = new CountDownLatch(1);

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** The next frame from the client; fails at the end of the stream. */
        HmuxFrame next() throws IOException {
            HmuxFrame frame = nextOrNull();
            if (frame == null) {
                throw new EOFException("the client closed the connection");
            }
            return frame;
        }

        /** Frames up to and including the client's {@code Q} or {@code X}, {@code Y} and {@code D} included. */
        List<HmuxFrame> request() throws IOException {
            List<HmuxFrame> frames = new ArrayList<>();
            HmuxFrame frame;
            do {
                frame = next();
                frames.add(frame);
            } while (!(frame instanceof HmuxFrame.Quit || frame instanceof HmuxFrame.Exit));
            return frames;
        }

        /** Frames up to and including the next {@code Y}. */
        List<HmuxFrame> untilYield() throws IOException {
            List<HmuxFrame> frames = new ArrayList<>();
            HmuxFrame frame;
            do {
                frame = next();
                frames.add(frame);
            } while (!(frame instanceof HmuxFrame.Yield));
            return frames;
        }

        /** Reads until the client closes; whatever arrives is recorded. */
        void readToEnd() throws IOException {
            try {
                while (nextOrNull() != null) {
                    // recorded by nextOrNull
                }
            } catch (SocketException reset) {
                // the client reset the connection: also an end
            }
        }

        /** Sends frames in one write, so they arrive together. */
        void send(HmuxFrame... frames) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (HmuxFrame frame : frames) {
                bytes.writeBytes(HmuxEncoder.encode(frame));
            }
            sendRaw(bytes.toByteArray());
        }

        /** Sends bytes as they are, e.g. a frame cut short. */
        void sendRaw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Sends a whole {@code 200} response with a text body, ending in {@code Q}. */
        void respond(String body) throws IOException {
            List<HmuxFrame> frames = new ArrayList<>(List.of(ok()));
            frames.add(HmuxFrame.Data.of(body));
            frames.add(new HmuxFrame.Quit());
            send(frames.toArray(HmuxFrame[]::new));
        }

        /** Closes the connection: FIN. */
        void close() throws IOException {
            socket.close();
        }

        /** Resets the connection: RST instead of FIN. */
        void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        /** Waits until the script has ended and the socket is closed. */
        void awaitClosed() throws InterruptedException {
            if (!closed.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the backend's connection was not closed within " + TIMEOUT);
            }
        }

        /** Every frame read from the client, in order. */
        List<HmuxFrame> received() {
            synchronized (received) {
                return List.copyOf(received);
            }
        }

        /** The received frames as the capture listings write them, e.g. {@code [U "/a", m "GET", Q]}. */
        List<String> receivedListing() {
            return received().stream().map(HmuxFrame::describe).toList();
        }

        /** Requests read, counted by their {@code Q} or {@code X}. */
        long requests() {
            return received().stream().filter(f -> f instanceof HmuxFrame.Quit || f instanceof HmuxFrame.Exit).count();
        }

        private HmuxFrame nextOrNull() throws IOException {
            HmuxFrame frame;
            while ((frame = decoder.next()) == null) {
                int count = in.read(buffer);
                if (count < 0) {
                    decoder.close();
                    decoder.next();
                    return null;
                }
                decoder.feed(buffer, 0, count);
            }
            received.add(frame);
            return frame;
        }

        /** The head of a {@code 200} response as Resin writes it, up to {@code G}. */
        static HmuxFrame[] ok() {
            return new HmuxFrame[] {
                new HmuxFrame.Status("200 OK"),
                new HmuxFrame.MetaHeader("cpu-load"), new HmuxFrame.HeaderValue("0"),
                new HmuxFrame.Header("Content-Type"), new HmuxFrame.HeaderValue("text/plain"),
                new HmuxFrame.SendHeaders()};
        }
    }
}

package dev.turnpike.proxy.fastcgi;

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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scripted FastCGI application on an ephemeral loopback port, for what php-cgi cannot be made to
 * do on cue: close early, break the framing, never answer, flood the header block.
 *
 * <p>The n-th connection accepted runs the n-th {@link Script} on its own thread; a connection
 * beyond the scripts is closed at once. {@link #awaitScripts()} waits for every script and
 * rethrows what failed in them. Every wait is bounded.
 */
final class FakeFastCgiServer implements AutoCloseable {

    /** What the application does on one connection. */
    interface Script {
        void run(Peer peer) throws Exception;
    }

    /** A request as the application read it. */
    record Request(FastCgiRecord begin, Map<String, String> params, byte[] stdin) {
    }

    private final ServerSocket server;
    private final List<Script> scripts;
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch done;

    private FakeFastCgiServer(List<Script> scripts) throws IOException {
        this.scripts = List.copyOf(scripts);
        this.done = new CountDownLatch(scripts.size());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-fastcgi-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static FakeFastCgiServer start(Script... scripts) throws IOException {
        return new FakeFastCgiServer(List.of(scripts));
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Waits for every script to end and rethrows the first failure. */
    void awaitScripts() throws Exception {
        if (!done.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("scripts still running after 5s");
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
        int index = 0;
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            if (index >= scripts.size()) {
                closeQuietly(socket);
                continue;
            }
            Script script = scripts.get(index++);
            Thread thread = new Thread(() -> {
                try (Peer peer = new Peer(socket)) {
                    script.run(peer);
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            }, "fake-fastcgi-script-" + index);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** The application's side of one connection. */
    static final class Peer implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(5000);
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Reads one request up to its empty STDIN record. */
        Request request() throws IOException {
            FastCgiRecordReader reader = new FastCgiRecordReader(new NoReadAhead(in), FastCgiConnection.REQUEST_ID);
            FastCgiRecord begin = reader.next();
            Map<String, String> params = new LinkedHashMap<>();
            ByteArrayOutputStream stdin = new ByteArrayOutputStream();
            for (FastCgiRecord record = reader.next(); ; record = reader.next()) {
                if (record == null) {
                    throw new IOException("the client closed before the end of STDIN");
                }
                if (record.type() == FastCgiRecord.PARAMS) {
                    FastCgiNameValues.decode(record.content()).forEach(pair -> params.put(pair.getKey(),
                            pair.getValue()));
                } else if (record.type() == FastCgiRecord.STDIN) {
                    if (record.content().length == 0) {
                        return new Request(begin, params, stdin.toByteArray());
                    }
                    stdin.writeBytes(record.content());
                }
            }
        }

        void send(FastCgiRecord... records) throws IOException {
            for (FastCgiRecord record : records) {
                out.write(FastCgiRecordWriter.encode(record));
            }
            out.flush();
        }

        void sendRaw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Waits until the client closes the connection (or 5 s pass). */
        void awaitClose() throws IOException {
            try {
                while (in.read() >= 0) {
                    // drop whatever comes
                }
            } catch (IOException ignored) {
                // reset or timeout: the client is gone or the test is over
            }
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }

        static FastCgiRecord stdout(String text) {
            return new FastCgiRecord(FastCgiRecord.STDOUT, 1, text.getBytes(StandardCharsets.ISO_8859_1));
        }

        static FastCgiRecord end() {
            return FastCgiRecord.endRequest(1, 0, FastCgiRecord.REQUEST_COMPLETE);
        }

        /** A whole small response: headers, body, end of STDOUT, END_REQUEST. */
        void ok(String body) throws IOException {
            send(stdout("Content-Type: text/plain\r\n\r\n" + body), FastCgiRecord.empty(FastCgiRecord.STDOUT, 1),
                    end());
        }
    }

    /** Reads one byte at a time, so a request read leaves what follows it on the socket. */
    private static final class NoReadAhead extends InputStream {
        private final InputStream in;

        NoReadAhead(InputStream in) {
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

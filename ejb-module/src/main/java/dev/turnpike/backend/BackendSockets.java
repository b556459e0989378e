package dev.turnpike.backend;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The socket work every connector does the same way: opening a connection to a backend within
 * its timeouts, checking an idle pooled connection before reusing it, and wording I/O failures.
 */
public final class BackendSockets {

    private BackendSockets() {
    }

    /**
     * A blocking channel connected to {@code backend}, with Nagle off and reads bounded by
     * {@code socketTimeout}; nothing is left open if it fails.
     *
     * @throws IOException if no connection opens within {@code connectTimeout}; word it with
     *     {@link #connectProblem}
     */
    public static SocketChannel connect(InetSocketAddress backend, Duration connectTimeout, Duration socketTimeout)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            Socket socket = channel.socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) socketTimeout.toMillis());
            socket.connect(backend, (int) connectTimeout.toMillis());
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * An output stream on a blocking channel whose writes give up when the backend takes no byte
     * for {@code timeout}. A channel's own stream blocks without end once the backend stops
     * reading and the socket buffers are full, since the socket timeout bounds reads only; this
     * one writes in non-blocking mode and waits for room with a selector, so a stalled backend
     * costs at most the timeout per write. The channel is back in blocking mode after every write,
     * for the stream that reads from it. Not buffered; not thread-safe.
     *
     * @throws SocketTimeoutException from {@code write} when no byte could be written for the timeout
     */
    public static OutputStream output(SocketChannel channel, Duration timeout) {
        return new TimedOutput(channel, timeout.toMillis());
    }

    /** Why a connection did not open: {@code no connection within 5000ms} or {@code cannot connect: ...}. */
    public static String connectProblem(IOException e, Duration connectTimeout) {
        return e instanceof SocketTimeoutException ? "no connection within " + connectTimeout.toMillis() + "ms"
                : "cannot connect: " + reason(e);
    }

    /**
     * Fails unless the idle connection is still open and silent. A non-blocking read sees a FIN
     * (EOF), a reset, or bytes the backend sent after the last response; either way the connection
     * cannot carry a request. The read costs no wait.
     *
     * @param strayByte words a byte found waiting, e.g. {@code byte 0x48}
     */
    public static void checkIdle(SocketChannel channel, IntFunction<String> strayByte) throws IdleCheckFailure {
        ByteBuffer one = ByteBuffer.allocate(1);
        int count;
        try {
            channel.configureBlocking(false);
            try {
                count = channel.read(one);
            } finally {
                channel.configureBlocking(true);
            }
        } catch (IOException e) {
            throw new IdleCheckFailure("failed while idle: " + reason(e), e);
        }
        if (count < 0) {
            throw new IdleCheckFailure("closed by the backend while idle", null);
        }
        if (count > 0) {
            throw new IdleCheckFailure("the backend sent " + strayByte.apply(one.get(0) & 0xff)
                    + " while idle; the connection is out of step", null);
        }
    }

    /** An exception's message, or its class name when it has none. */
    public static String reason(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Closes a channel, ignoring failures; {@code null} is ignored. */
    public static void closeQuietly(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all that was asked for
        }
    }

    /** The stream of {@link #output}. */
    private static final class TimedOutput extends OutputStream {
        private final SocketChannel channel;
        private final long timeoutMillis;

        TimedOutput(SocketChannel channel, long timeoutMillis) {
            this.channel = channel;
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            channel.configureBlocking(false);
            try {
                while (buffer.hasRemaining()) {
                    if (channel.write(buffer) == 0) {
                        awaitRoom();
                    }
                }
            } finally {
                channel.configureBlocking(true);
            }
        }

        /** Waits until the socket takes bytes again; fails after the timeout without any room. */
        private void awaitRoom() throws IOException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            try (Selector selector = Selector.open()) {
                SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
                long left = timeoutMillis;
                while (selector.select(Math.max(1, left)) == 0) {
                    left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        throw new SocketTimeoutException("the backend took no request byte for " + timeoutMillis
                                + "ms");
                    }
                }
                key.cancel();
            }
        }
    }

    /** A pooled connection found unfit before anything was sent on it: a stale connection. */
    public static final class IdleCheckFailure extends IOException {
        private static final long serialVersionUID = 1L;

        public IdleCheckFailure(String message, IOException cause) {
            super(message, cause);
        }
    }
}

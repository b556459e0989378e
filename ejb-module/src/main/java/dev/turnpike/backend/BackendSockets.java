package dev.turnpike.backend;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
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

    /** A pooled connection found unfit before anything was sent on it: a stale connection. */
    public static final class IdleCheckFailure extends IOException {
        private static final long serialVersionUID = 1L;

        public IdleCheckFailure(String message, IOException cause) {
            super(message, cause);
        }
    }
}

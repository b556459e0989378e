package dev.turnpike.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Writes to a backend are bounded by the socket timeout, as reads are. */
class BackendSocketsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    /** A backend that accepts and never reads: once the socket buffers fill, the write gives up. */
    @Test
    void aWriteToABackendThatStoppedReadingTimesOut() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SocketChannel channel = BackendSockets.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        server.getLocalPort()), Duration.ofSeconds(5), TIMEOUT);
                Socket accepted = server.accept()) {
            OutputStream out = BackendSockets.output(channel, TIMEOUT);
            byte[] chunk = new byte[1 << 20];
            long started = System.nanoTime();
            SocketTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(SocketTimeoutException.class, () -> {
                        for (int i = 0; i < 1024; i++) {
                            out.write(chunk, 0, chunk.length);
                        }
                    }));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals("the backend took no request byte for 300ms", e.getMessage());
            assertTrue(took.compareTo(TIMEOUT) >= 0, "gave up after " + took);
            assertTrue(channel.isBlocking(), "the channel must be back in blocking mode for reads");
        }
    }

    /** A backend that reads: every byte arrives, and the channel stays blocking for the reader. */
    @Test
    void aWriteToAReadingBackendCompletes() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SocketChannel channel = BackendSockets.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        server.getLocalPort()), Duration.ofSeconds(5), TIMEOUT);
                Socket accepted = server.accept()) {
            long[] read = new long[1];
            Thread reader = new Thread(() -> {
                try {
                    read[0] = accepted.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (java.io.IOException ignored) {
                    // the count tells
                }
            });
            reader.start();
            OutputStream out = BackendSockets.output(channel, TIMEOUT);
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 32; i++) {
                out.write(chunk, 0, chunk.length);
            }
            channel.shutdownOutput();
            reader.join(10_000);
            assertEquals(32L << 20, read[0]);
            assertTrue(channel.isBlocking());
        }
    }
}

package dev.turnpike.proxy.fastcgi;

import dev.turnpike.backend.PoolStats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.turnpike.backend.BackendRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The settings' defaults and checks, and idle expiry of pooled connections on a test clock. */
class FastCgiSettingsAndPoolTest {

    @Test
    void defaults() {
        FastCgiSettings settings = FastCgiSettings.DEFAULT;
        assertEquals(Duration.ofSeconds(5), settings.connectTimeout());
        assertEquals(Duration.ofSeconds(30), settings.socketTimeout());
        assertEquals(Duration.ofSeconds(10), settings.idleTime());
        assertEquals(65536, settings.maxHeaderBytes());
        assertEquals(true, settings.keepConn());
        assertEquals("connect-timeout=\"5s\" socket-timeout=\"30s\" idle-time=\"10s\" max-idle=\"4\""
                + " max-header-bytes=\"65536\" keep-conn=\"true\" max-stderr-bytes=\"4096\"", settings.toString());
    }

    @Test
    void badValuesAreRefused() {
        assertEquals("socketTimeout: 0s (expected: 1ms-2147483647ms)", assertThrows(IllegalArgumentException.class,
                () -> FastCgiSettings.builder().socketTimeout(Duration.ZERO).build()).getMessage());
        assertEquals("maxHeaderBytes: 10 (expected: at least 256)", assertThrows(IllegalArgumentException.class,
                () -> FastCgiSettings.builder().maxHeaderBytes(10).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FastCgiSettings.builder().maxIdle(-1).build());
        assertThrows(IllegalArgumentException.class, () -> FastCgiSettings.builder().maxStderrBytes(-1).build());
        assertThrows(NullPointerException.class, () -> FastCgiSettings.builder().idleTime(null).build());
    }

    @Test
    void aConnectionIdleForTheIdleTimeIsClosedNotReused() throws Exception {
        AtomicLong clock = new AtomicLong();
        BackendRequest request = BackendRequest.builder("GET", "/a.php", "/a.php").build();
        CgiParams params = CgiParams.of(request, "/srv", CgiScript.split("/a.php", ".php"));
        try (FakeFastCgiServer server = FakeFastCgiServer.start(peer -> {
            peer.request();
            peer.ok("one");
            peer.request();
            peer.ok("two");
            peer.awaitClose();
        }, peer -> {
            peer.request();
            peer.ok("three");
            peer.awaitClose();
        })) {
            try (FastCgiClient client = new FastCgiClient(server.address(), FastCgiSettings.DEFAULT, clock::get)) {
                client.exchange(request, params, new RecordingSink());
                clock.addAndGet(Duration.ofSeconds(9).toNanos());
                client.exchange(request, params, new RecordingSink());
                clock.addAndGet(Duration.ofSeconds(10).toNanos());
                RecordingSink third = new RecordingSink();
                client.exchange(request, params, third);
                assertEquals("three", third.bodyText());
                assertEquals(new PoolStats(1, 0, 2, 1, 1, 0), client.stats());
            }
            server.awaitScripts();
        }
    }
}

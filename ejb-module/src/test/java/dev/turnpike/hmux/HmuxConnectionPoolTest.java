package dev.turnpike.hmux;

import dev.turnpike.backend.ConnectionPool;
import dev.turnpike.backend.PoolStats;
import static dev.turnpike.hmux.ClientRequests.SETTINGS;
import static dev.turnpike.hmux.ClientRequests.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.hmux.ClientRequests.FakeClock;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reuse as Resin's client does it: last in first out, idle time counted from the start of the
 * last request, a cap on idle connections; on a clock the test moves.
 */
class HmuxConnectionPoolTest {

    private static final Duration IDLE = Duration.ofSeconds(10);

    @Test
    void mostRecentlyReturnedConnectionIsReusedFirst() throws Exception {
        try (FakeBackend backend = FakeBackend.start(FakeBackend.Peer::readToEnd, FakeBackend.Peer::readToEnd);
                var pool = pool(backend, SETTINGS, new FakeClock())) {
            HmuxConnection first = pool.acquire();
            HmuxConnection second = pool.acquire();
            pool.release(first, true);
            pool.release(second, true);

            assertSame(second, pool.acquire());
            assertSame(first, pool.acquire());
            assertEquals(new PoolStats(0, 2, 2, 2, 0, 0), pool.stats());
        }
    }

    /** A request that starts at 0 and takes 8 s, then a pause before the next acquire. */
    record IdleCase(String name, Duration pause, boolean reused) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<IdleCase> idleCases() {
        return Stream.of(
                new IdleCase("1 ns short of the idle time since the request started",
                        Duration.ofSeconds(2).minusNanos(1), true),
                // counted from the end of the request, this would be 2 s idle and reused
                new IdleCase("the idle time since the request started", Duration.ofSeconds(2), false));
    }

    @ParameterizedTest
    @MethodSource("idleCases")
    void idleTimeCountsFromTheStartOfTheLastRequest(IdleCase c) throws Exception {
        FakeClock clock = new FakeClock();
        try (FakeBackend backend = FakeBackend.start(
                    peer -> {
                        peer.request();
                        peer.respond("slow");
                        peer.readToEnd();
                    },
                    FakeBackend.Peer::readToEnd);
                var pool = pool(backend, SETTINGS.toBuilder().idleTime(IDLE).build(), clock)) {
            HmuxConnection used = pool.acquire();
            HmuxExchangeResult result = used.exchange(get("/slow"), null, new RecordingSink() {
                @Override
                public void end() {
                    clock.advance(Duration.ofSeconds(8));
                }
            });
            pool.release(used, result.keepAlive());
            clock.advance(c.pause());

            HmuxConnection next = pool.acquire();

            if (c.reused()) {
                assertSame(used, next);
                assertEquals(new PoolStats(0, 1, 1, 1, 0, 0), pool.stats());
            } else {
                assertNotSame(used, next);
                assertFalse(used.isOpen());
                assertEquals(new PoolStats(0, 1, 2, 0, 1, 0), pool.stats());
            }
        }
    }

    @Test
    void connectionReturnedAfterTheIdleTimeIsClosed() throws Exception {
        FakeClock clock = new FakeClock();
        try (FakeBackend backend = FakeBackend.start(FakeBackend.Peer::readToEnd);
                var pool = pool(backend, SETTINGS.toBuilder().idleTime(IDLE).build(), clock)) {
            HmuxConnection connection = pool.acquire();
            clock.advance(IDLE);
            pool.release(connection, true);

            assertFalse(connection.isOpen());
            assertEquals(new PoolStats(0, 0, 1, 0, 1, 0), pool.stats());
        }
    }

    @Test
    void idleConnectionsOverTheCapAreClosedOldestFirst() throws Exception {
        try (FakeBackend backend = FakeBackend.start(FakeBackend.Peer::readToEnd, FakeBackend.Peer::readToEnd,
                    FakeBackend.Peer::readToEnd);
                var pool = pool(backend, SETTINGS.toBuilder().maxIdle(2).build(), new FakeClock())) {
            HmuxConnection oldest = pool.acquire();
            HmuxConnection middle = pool.acquire();
            HmuxConnection newest = pool.acquire();
            pool.release(oldest, true);
            pool.release(middle, true);
            pool.release(newest, true);

            assertFalse(oldest.isOpen());
            assertTrue(middle.isOpen());
            assertTrue(newest.isOpen());
            assertEquals(new PoolStats(2, 0, 3, 0, 0, 0), pool.stats());
        }
    }

    @Test
    void zeroIdleTimeNeverReuses() throws Exception {
        try (FakeBackend backend = FakeBackend.start(FakeBackend.Peer::readToEnd);
                var pool = pool(backend, SETTINGS.toBuilder().idleTime(Duration.ZERO).build(),
                        new FakeClock())) {
            HmuxConnection connection = pool.acquire();
            pool.release(connection, true);

            assertFalse(connection.isOpen());
            assertEquals(0, pool.stats().idle());
        }
    }

    @Test
    void closedPoolClosesWhatComesBackAndHandsOutNothing() throws Exception {
        try (FakeBackend backend = FakeBackend.start(FakeBackend.Peer::readToEnd, FakeBackend.Peer::readToEnd)) {
            var pool = pool(backend, SETTINGS, new FakeClock());
            HmuxConnection idle = pool.acquire();
            HmuxConnection busy = pool.acquire();
            pool.release(idle, true);

            pool.close();
            assertFalse(idle.isOpen());
            assertTrue(busy.isOpen());
            pool.release(busy, true);
            assertFalse(busy.isOpen());

            IllegalStateException e = assertThrows(IllegalStateException.class, pool::acquire);
            assertEquals("the HMUX pool for 127.0.0.1:" + backend.address().getPort() + " is closed", e.getMessage());
        }
    }

    private static ConnectionPool<HmuxConnection, HmuxExchangeException> pool(FakeBackend backend,
            HmuxClientSettings settings, FakeClock clock) throws IOException {
        return HmuxConnection.pool(backend.address(), settings, clock);
    }
}

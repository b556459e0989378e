package dev.turnpike.hmux;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Request heads, settings and a clock shared by the client tests. */
final class ClientRequests {

    /** Client settings whose timeouts are the fake backend's one bound. */
    static final HmuxClientSettings SETTINGS = HmuxClientSettings.builder()
            .connectTimeout(FakeBackend.TIMEOUT)
            .socketTimeout(FakeBackend.TIMEOUT)
            .build();

    private ClientRequests() {
    }

    /** {@code GET path} from a browser at 127.0.0.1:40000 to 127.0.0.1:8080. */
    static HmuxRequestHead get(String path) {
        return HmuxRequestHead.builder("GET", path).server("127.0.0.1", 8080).remote("127.0.0.1", "127.0.0.1", 40000)
                .build();
    }

    /** {@code POST path} with a {@code Content-Length} of {@code length}. */
    static HmuxRequestHead post(String path, int length) {
        return HmuxRequestHead.builder("POST", path).server("127.0.0.1", 8080).remote("127.0.0.1", "127.0.0.1", 40000)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Length", Integer.toString(length))
                .build();
    }

    /** A clock that moves only when told, in nanoseconds. */
    static final class FakeClock implements LongSupplier {
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        @Override
        public long getAsLong() {
            return nanos.get();
        }

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }
    }
}

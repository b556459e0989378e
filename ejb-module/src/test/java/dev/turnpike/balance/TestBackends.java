package dev.turnpike.balance;

import dev.turnpike.rules.BackendConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Backends for tests: each with a {@link FakePool}, on one {@link ManualClock}. */
final class TestBackends {

    final ManualClock clock = new ManualClock(1_000_000);
    final List<Backend> list = new ArrayList<>();

    /** Adds a backend {@code id} at 10.0.0.n:6800, in service with no warm-up. */
    Backend active(String id) {
        return active(id, b -> b);
    }

    /** Adds a backend in service with no warm-up, its configuration adjusted by {@code settings}. */
    Backend active(String id, UnaryOperator<BackendConfig.Builder> settings) {
        Backend backend = added(id, b -> settings.apply(b.warmupTime(Duration.ZERO)));
        backend.start();
        backend.connected();
        return backend;
    }

    /** Adds a backend in state NEW. */
    Backend added(String id, UnaryOperator<BackendConfig.Builder> settings) {
        BackendConfig config = settings.apply(BackendConfig.builder(id, "10.0.0." + (list.size() + 1), 6800)).build();
        Backend backend = new Backend(config, clock);
        backend.attach(new FakePool());
        list.add(backend);
        return backend;
    }

    static FakePool pool(Backend backend) {
        return (FakePool) backend.pool();
    }
}

package dev.turnpike.balance;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Non-sticky requests against a cluster whose backends have {@link FakePool}s: each chosen
 * backend connects (one more active connection) and releases its allocation; a request may then
 * be held open or completed at once.
 */
final class Traffic {

    private final Cluster cluster;
    private final Deque<Backend> open = new ArrayDeque<>();
    final Map<String, Integer> counts = new LinkedHashMap<>();

    Traffic(Cluster cluster) {
        this.cluster = cluster;
        for (Backend backend : cluster.backends()) {
            counts.put(backend.config().id(), 0);
        }
    }

    /** Sends {@code requests} requests and keeps them all open. */
    Traffic held(int requests) {
        for (int i = 0; i < requests; i++) {
            open.addLast(connect());
        }
        return this;
    }

    /** Sends {@code requests} requests, each completed before the next arrives. */
    Traffic sequential(int requests) {
        for (int i = 0; i < requests; i++) {
            complete(connect());
        }
        return this;
    }

    /** Sends {@code requests} requests while {@code inFlight} stay open: the oldest completes as each arrives. */
    Traffic steady(int inFlight, int requests) {
        held(inFlight);
        for (int i = 0; i < requests; i++) {
            complete(open.removeFirst());
            open.addLast(connect());
        }
        return this;
    }

    int count(String id) {
        return counts.get(id);
    }

    private Backend connect() {
        Selection selection = cluster.select(null, Set.of());
        if (!(selection instanceof Selection.Chosen)) {
            throw new AssertionError("no backend chosen: " + selection);
        }
        Backend backend = ((Selection.Chosen) selection).backend();
        TestBackends.pool(backend).active++;
        backend.connected();
        backend.release();
        counts.merge(backend.config().id(), 1, Integer::sum);
        return backend;
    }

    private static void complete(Backend backend) {
        TestBackends.pool(backend).active--;
        backend.completed();
    }
}

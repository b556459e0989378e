package dev.turnpike.balance;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A cluster of backends and how requests are spread over them: the entry point of the balancer.
 *
 * <h2>Selection</h2>
 * {@link #select(StickyKey, Set)} tries, in order (resin-spec 2.3, 2.4):
 * <ol>
 *   <li><b>Sticky owner.</b> When the request's {@link StickyKey} names an owner, the owner, if it
 *       {@linkplain Backend#takesSession() takes the session} and was not tried yet. Otherwise,
 *       with {@code forceSticky}, the answer is {@link Selection.Refused}: a session is never
 *       moved.</li>
 *   <li><b>Hash fallback.</b> For any key, up to three servers picked from the key's hash
 *       ({@link StickyKey#fallbackIndexes}), the first that takes sessions and takes normal
 *       traffic. Every web tier node thus moves a session to the same place. (Resin's balancer
 *       would also move it to a draining server; Turnpike does not, so draining empties a
 *       server.)</li>
 *   <li><b>Strategy.</b> The {@link Strategy}'s choice.</li>
 *   <li><b>Warm pass.</b> From the shared round-robin start index, the first backend that
 *       {@linkplain Backend#takesWarm() the warm-up allows}; primaries before backups.</li>
 *   <li><b>Forced pass.</b> The same, ignoring failure windows and warm-up; only stopped and
 *       draining backends are never forced.</li>
 * </ol>
 * A backend in {@code tried} is never chosen. If nothing is left, the answer is
 * {@link Selection#NONE}.
 *
 * <p>The shared start index advances by one at each non-sticky selection, then on until a
 * primary that {@linkplain Backend#canOpen() can open} a connection (at most one lap; if none
 * can, it keeps the place it reached). It counts with {@link Math#floorMod} so it never goes
 * negative.
 *
 * <h2>After a selection</h2>
 * The caller connects to the chosen backend and reports what happens ({@link Backend#connected()},
 * {@link Backend#failed}, {@link Backend#completed()}), releases the selection's allocation
 * ({@link Backend#release()}), and on a failure asks its {@link RetryPolicy} whether to select
 * again with the failed backend added to {@code tried}.
 *
 * <p>The backend list is fixed; a changed configuration builds a new cluster (backends may be
 * carried over to keep their state). Selections run on any number of threads.
 */
public final class Cluster {

    private final String id;
    private final List<Backend> backends;
    private final Strategy strategy;
    private final Stickiness stickiness;
    private final boolean forceSticky;
    private final AtomicInteger roundRobin = new AtomicInteger();

    /**
     * @param id          the cluster id, for messages
     * @param backends    the backends in configuration order, at least one
     * @param strategy    the strategy, owned by this cluster alone
     * @param stickiness  how requests name their owner
     * @param forceSticky whether a request whose owner cannot take it is refused rather than moved
     */
    public Cluster(String id, List<Backend> backends, Strategy strategy, Stickiness stickiness, boolean forceSticky) {
        this.id = Objects.requireNonNull(id, "id");
        this.backends = List.copyOf(backends);
        if (this.backends.isEmpty()) {
            throw new IllegalArgumentException("cluster '" + id + "' has no server (expected: at least one <server>)");
        }
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.stickiness = Objects.requireNonNull(stickiness, "stickiness");
        this.forceSticky = forceSticky;
    }

    public String id() {
        return id;
    }

    public List<Backend> backends() {
        return backends;
    }

    public Stickiness stickiness() {
        return stickiness;
    }

    /** The request's sticky key under this cluster's {@link Stickiness}, or {@code null}. */
    public StickyKey stickyKey(StickyRequest request) {
        return stickiness.key(request, backends);
    }

    /**
     * Chooses the backend for a request.
     *
     * @param key   the request's sticky key, or {@code null} when it has none
     * @param tried the backends already tried for this request, never chosen again
     */
    public Selection select(StickyKey key, Set<Backend> tried) {
        if (key != null) {
            Selection sticky = selectSticky(key, tried);
            if (sticky != null) {
                return sticky;
            }
        }
        int start = nextStart();
        Backend chosen = strategy.choose(backends, start, tried);
        if (chosen != null) {
            return new Selection.Chosen(chosen, Selection.Route.STRATEGY);
        }
        chosen = firstFrom(start, tried, Backend::takesWarm);
        if (chosen != null) {
            return allocated(chosen, Selection.Route.WARM);
        }
        chosen = firstFrom(start, tried, Backend::takesForced);
        if (chosen != null) {
            return allocated(chosen, Selection.Route.FORCED);
        }
        return Selection.NONE;
    }

    /** The sticky passes: the owner, then the hash fallback; {@code null} to go on with the strategy. */
    private Selection selectSticky(StickyKey key, Set<Backend> tried) {
        if (key.owner() != StickyKey.NO_OWNER) {
            Backend owner = backends.get(key.owner());
            boolean wasTried = tried.contains(owner);
            if (!wasTried && owner.takesSession()) {
                return allocated(owner, Selection.Route.STICKY);
            }
            if (forceSticky) {
                return new Selection.Refused(owner, "TPB0001 a session of cluster '" + id
                        + "' stays with its owner '" + owner.config().id() + "', which "
                        + (wasTried ? "was already tried for this request" : owner.whyNoSession())
                        + " (force-sticky: the session is not moved; answering 503)");
            }
        }
        for (int index : key.fallbackIndexes(backends.size())) {
            Backend backend = backends.get(index);
            if (!tried.contains(backend) && backend.takesSession() && backend.state().lifecycle().takesTraffic()) {
                return allocated(backend, Selection.Route.STICKY_HASH);
            }
        }
        return null;
    }

    /** The first backend from {@code start} that passes {@code gate} and was not tried: primaries, then backups. */
    private Backend firstFrom(int start, Set<Backend> tried, Predicate<Backend> gate) {
        for (boolean backups : new boolean[] {false, true}) {
            for (int i = 0; i < backends.size(); i++) {
                Backend backend = backends.get((start + i) % backends.size());
                if (backend.config().backup() == backups && !tried.contains(backend) && gate.test(backend)) {
                    return backend;
                }
            }
        }
        return null;
    }

    /**
     * Advances the shared round-robin index to the next primary that can open a connection.
     * The index is read and advanced with one compare-and-set per step, as Resin does: under
     * contention two selections may start at the same place, which costs nothing but evenness.
     */
    int nextStart() {
        int size = backends.size();
        for (int i = 0; i < size; i++) {
            int current = roundRobin.get();
            int index = Math.floorMod(current, size);
            roundRobin.compareAndSet(current, Math.floorMod(current + 1, size));
            Backend backend = backends.get(index);
            if (!backend.config().backup() && backend.canOpen()) {
                return index;
            }
        }
        return Math.floorMod(roundRobin.get(), size);
    }

    private static Selection allocated(Backend backend, Selection.Route route) {
        backend.allocate();
        return new Selection.Chosen(backend, route);
    }

    /** The cluster as configured, with the balancing settings that apply to it. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("<cluster id=\"").append(id).append("\">");
        for (Backend backend : backends) {
            s.append(backend);
        }
        s.append("</cluster> strategy=\"").append(strategy).append("\" ").append(stickiness);
        if (forceSticky) {
            s.append(" force-sticky");
        }
        return s.toString();
    }
}

package dev.turnpike.balance;

import java.util.List;
import java.util.Set;

/**
 * {@code strategy="least-connection"} (or {@code adaptive}, the default): the candidate with the
 * lowest cost, where (resin-spec 2.4)
 * <pre>
 *   conns = active connections + selections in flight
 *   cost  = (connection-weight * conns
 *            + cpu-weight * cpu load
 *            + (conns &gt; 0 ? connection-weight * latency factor / 100 : 0)) / load-balance-weight
 *   a busy backend costs MAX_COST - 1
 * </pre>
 * A candidate is a backend not yet tried, not failed, taking traffic, with an idle connection or
 * room in its warm-up, and with a weight above 0. Candidates are scanned from this strategy's own
 * rotating index; a strictly lower cost wins, so ties go to the first in rotation, and the index
 * moves past the winner. Hence with nothing in flight the backends take turns whatever their
 * weights, and under load they hold connections in proportion to their weights (a backup, weight
 * 1, about 1 % as many as a weight-100 server).
 *
 * <p>"Green" balancing: when some backend, in list order, that is a candidate and not busy holds
 * fewer connections than its {@code load-balance-connection-min}, backends after the first such
 * one are not considered, so load gathers on the first servers until they reach their minimum.
 */
public final class LeastConnection implements Strategy {

    /** The cost that no candidate reaches. */
    static final double MAX_COST = Integer.MAX_VALUE / 2;

    /** The default {@code connection-weight}. */
    public static final int DEFAULT_CONNECTION_WEIGHT = 100;

    private final int connectionWeight;
    private final int cpuWeight;
    private int rotation;

    /** The defaults: connection weight 100, CPU weight 0. */
    public LeastConnection() {
        this(DEFAULT_CONNECTION_WEIGHT, 0);
    }

    /**
     * @param connectionWeight the weight of a connection in the cost, at least 0
     * @param cpuWeight        the weight of the reported CPU load in the cost, at least 0
     */
    public LeastConnection(int connectionWeight, int cpuWeight) {
        if (connectionWeight < 0) {
            throw new IllegalArgumentException("connection-weight: " + connectionWeight + " (expected: 0 or more)");
        }
        if (cpuWeight < 0) {
            throw new IllegalArgumentException("cpu-weight: " + cpuWeight + " (expected: 0 or more)");
        }
        this.connectionWeight = connectionWeight;
        this.cpuWeight = cpuWeight;
    }

    @Override
    public synchronized Backend choose(List<Backend> backends, int start, Set<Backend> tried) {
        int size = backends.size();
        int maxGreen = greenLimit(backends);
        Backend best = null;
        double bestCost = MAX_COST;
        int first = rotation;
        for (int i = 0; i < size; i++) {
            int index = Math.floorMod(first + i, size);
            Backend backend = backends.get(index);
            if (index > maxGreen || backend.weight() <= 0 || tried.contains(backend) || !backend.isCandidate()) {
                continue;
            }
            double cost = cost(backend);
            if (cost < bestCost) {
                best = backend;
                bestCost = cost;
                rotation = (index + 1) % size;
            }
        }
        if (best != null) {
            best.allocate();
        }
        return best;
    }

    /** The backend's cost now. */
    double cost(Backend backend) {
        if (backend.state().isBusy()) {
            return MAX_COST - 1;
        }
        long conns = backend.connectionLoad();
        double cost = (double) connectionWeight * conns + cpuWeight * backend.load().cpuLoad();
        if (conns > 0) {
            cost += connectionWeight * backend.load().latencyFactor() / 100;
        }
        return cost / backend.weight();
    }

    /** The position of the first backend below its connection minimum, or the last position. */
    private static int greenLimit(List<Backend> backends) {
        for (int i = 0; i < backends.size(); i++) {
            Backend backend = backends.get(i);
            if (backend.isCandidate() && !backend.state().isBusy()
                    && backend.connectionLoad() < backend.config().connectionMin()) {
                return i;
            }
        }
        return backends.size();
    }

    @Override
    public String toString() {
        return connectionWeight == DEFAULT_CONNECTION_WEIGHT && cpuWeight == 0 ? "least-connection"
                : "least-connection connection-weight=" + connectionWeight + " cpu-weight=" + cpuWeight;
    }
}

package dev.turnpike.balance;

import java.util.List;
import java.util.Set;

/**
 * {@code strategy="round-robin"}: the backend at the cluster's shared round-robin start index,
 * if it is live, not yet tried and its warm-up allows one more connection. Weights play no part.
 * The start index skips backups while a primary can take a connection, so backups serve only
 * what the primaries cannot (through the cluster's warm and forced passes).
 */
public final class RoundRobin implements Strategy {

    @Override
    public Backend choose(List<Backend> backends, int start, Set<Backend> tried) {
        Backend backend = backends.get(start);
        if (tried.contains(backend) || !backend.state().lifecycle().isLive() || !backend.takesWarm()) {
            return null;
        }
        backend.allocate();
        return backend;
    }

    @Override
    public String toString() {
        return "round-robin";
    }
}

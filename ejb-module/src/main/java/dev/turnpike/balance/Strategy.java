package dev.turnpike.balance;

import java.util.List;
import java.util.Set;

/**
 * How a {@link Cluster} picks a backend for a request without a usable sticky owner: the
 * {@code strategy} attribute, {@code round-robin} or {@code least-connection} (also called
 * {@code adaptive}, the default). A strategy instance belongs to one cluster and keeps its own
 * rotation.
 */
public sealed interface Strategy permits RoundRobin, LeastConnection {

    /**
     * The strategy's choice, or {@code null} when it has none; the cluster then falls back to
     * its warm and forced passes. A returned backend {@linkplain Backend#takesWarm() takes warm
     * traffic}, has not been tried and carries one allocation ({@link Backend#release()}).
     *
     * @param backends the cluster's backends, in configuration order
     * @param start    the shared round-robin start index
     * @param tried    the backends already tried for this request
     */
    Backend choose(List<Backend> backends, int start, Set<Backend> tried);

    /**
     * The strategy named in the configuration.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    static Strategy named(String name) {
        return switch (name) {
            case "round-robin" -> new RoundRobin();
            case "least-connection", "adaptive" -> new LeastConnection();
            default -> throw new IllegalArgumentException("strategy: \"" + name
                    + "\" (expected: round-robin, least-connection or adaptive)");
        };
    }
}

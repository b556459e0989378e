package dev.turnpike.spi;

/**
 * What an operator does to one backend server through {@link BackendControl#change}: the admin
 * API's and JMX's backend actions. Each takes effect at once for new requests; requests already
 * running on the server finish there.
 *
 * <pre>
 *   change      state after     new requests          requests of the sessions it owns
 *   enable      STARTING *      yes, warming up       yes
 *   disable     STANDBY         no                    no: moved to another server, or 503
 *                                                     with force-sticky
 *   drain       SESSION_ONLY    no                    yes
 *   weight(n)   unchanged       least-connection's share follows n
 *
 *   * ACTIVE and WARMUP stay as they are
 * </pre>
 */
public sealed interface BackendChange permits BackendChange.Enable, BackendChange.Disable, BackendChange.Drain,
        BackendChange.Weight {

    /** The lowest weight an operator may set: 0 keeps the server out of least-connection's choice. */
    int MIN_WEIGHT = 0;

    /** The highest weight an operator may set (the configured default is 100). */
    int MAX_WEIGHT = 1000;

    /** Back into service: Resin's {@code start}/{@code enable}. */
    static BackendChange enable() {
        return new Enable();
    }

    /** Out of service: no new request, not even for its sessions (Resin's {@code stop}/{@code disable}). */
    static BackendChange disable() {
        return new Disable();
    }

    /** Sessions only: it keeps serving the sessions it owns and takes no new ones (Resin's {@code drain}). */
    static BackendChange drain() {
        return new Drain();
    }

    /**
     * A new {@code load-balance-weight}.
     *
     * @throws IllegalArgumentException outside {@value #MIN_WEIGHT}-{@value #MAX_WEIGHT}
     */
    static BackendChange weight(int weight) {
        return new Weight(weight);
    }

    /** See {@link BackendChange#enable()}. */
    record Enable() implements BackendChange {
        @Override
        public String toString() {
            return "enable";
        }
    }

    /** See {@link BackendChange#disable()}. */
    record Disable() implements BackendChange {
        @Override
        public String toString() {
            return "disable";
        }
    }

    /** See {@link BackendChange#drain()}. */
    record Drain() implements BackendChange {
        @Override
        public String toString() {
            return "drain";
        }
    }

    /**
     * A new weight, relative to the cluster's other servers. Least-connection divides each
     * server's cost by it, so under load servers hold connections in proportion to their weights;
     * round-robin ignores weights. A backup server's weight is always 1 and cannot be changed.
     *
     * @param weight {@value #MIN_WEIGHT}-{@value #MAX_WEIGHT}
     */
    record Weight(int weight) implements BackendChange {
        public Weight {
            if (weight < MIN_WEIGHT || weight > MAX_WEIGHT) {
                throw new IllegalArgumentException("weight: " + weight + " (expected: " + MIN_WEIGHT + "-"
                        + MAX_WEIGHT + ")");
            }
        }

        @Override
        public String toString() {
            return "weight=" + weight;
        }
    }
}

package dev.turnpike.balance;

/**
 * What the balancer needs from a backend's connection pool: its connection counts, read at each
 * selection, and a way to drop idle connections when the backend is stopped or found down.
 * The HMUX client's pool provides it.
 */
public interface BackendPool {

    /** A pool with no connections, for a backend whose pool is not attached yet. */
    BackendPool EMPTY = new BackendPool() {
        @Override
        public int active() {
            return 0;
        }

        @Override
        public int starting() {
            return 0;
        }

        @Override
        public int idle() {
            return 0;
        }

        @Override
        public void closeIdle() {
        }

        @Override
        public String toString() {
            return "no pool";
        }
    };

    /** Connections carrying a request. */
    int active();

    /** Connections being opened. */
    int starting();

    /** Open connections waiting to be reused. */
    int idle();

    /** Closes every idle connection. */
    void closeIdle();
}

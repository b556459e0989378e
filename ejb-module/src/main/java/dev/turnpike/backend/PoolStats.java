package dev.turnpike.backend;

/**
 * A snapshot of a {@link ConnectionPool}: its sizes now and its counters since it was created.
 *
 * @param idle connections waiting to be reused
 * @param active connections handed out and not yet released
 * @param opened connections opened
 * @param reused times an idle connection was handed out again
 * @param expired idle connections closed because their last request started {@code idleTime} or
 *     more ago
 * @param stale reused connections that turned out closed or out of step before the request was sent
 */
public record PoolStats(int idle, int active, long opened, long reused, long expired, long stale) {
}

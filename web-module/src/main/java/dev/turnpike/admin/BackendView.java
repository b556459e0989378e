package dev.turnpike.admin;

import dev.turnpike.spi.BackendStatus;
import java.time.Instant;

/**
 * One backend server as {@code GET /turnpike/api/backends} lists it; times in milliseconds.
 *
 * @param cluster     the cluster (or proxy group) it belongs to
 * @param server      its name within the cluster, as the API's paths take it
 * @param state       its lifecycle state, e.g. {@code ACTIVE}, {@code STANDBY}, {@code SESSION_ONLY}
 * @param failed      whether a recent failure keeps it out of new traffic
 * @param active      connections carrying a request now
 * @param idle        pooled idle connections
 * @param weight      its weight for least-connection balancing
 * @param requests    requests sent to it since it was configured
 * @param failures    of those, the ones that failed
 * @param failCount   its consecutive failures
 * @param lastFailure when it last failed (ISO-8601), or {@code null}
 */
public record BackendView(String cluster, String server, String address, int port, boolean backup, String state,
                          boolean failed, int active, int idle, int weight, long requests, long failures,
                          int failCount, String lastFailure, long recoverLeftMillis, long connectTimeoutMillis,
                          long idleTimeMillis, long recoverTimeMillis, long socketTimeoutMillis) {

    static BackendView of(BackendStatus status) {
        return new BackendView(status.cluster(), status.id(), status.address(), status.port(), status.backup(),
                status.state(), status.failed(), status.active(), status.idle(), status.weight(), status.requests(),
                status.failures(), status.failCount(),
                status.lastFailureMillis() < 0 ? null : Instant.ofEpochMilli(status.lastFailureMillis()).toString(),
                status.recoverLeft().toMillis(), status.connectTimeout().toMillis(), status.idleTime().toMillis(),
                status.recoverTime().toMillis(), status.socketTimeout().toMillis());
    }
}

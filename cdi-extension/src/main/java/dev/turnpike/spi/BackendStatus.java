package dev.turnpike.spi;

import java.time.Duration;

/**
 * One backend server as the status pages and the admin API show it: where it is, how the balancer
 * sees it now, the timeouts it is reached with, and what it has served since it was configured.
 *
 * <p>A server is addressed by its cluster and its {@code id} ({@link BackendControl}): for a
 * {@code <cluster>} the {@code <server id="...">} of the configuration (or {@code address:port}
 * when the server has no id); for an HTTP or FastCGI proxy the address as the rule writes it.
 *
 * @param cluster           the cluster id; for proxy rules the kind and the addresses, e.g.
 *                          {@code http 10.0.0.1:8080 10.0.0.2:8080}
 * @param index             its position in the cluster, from 0
 * @param id                the server id
 * @param address           host name or address
 * @param port              port
 * @param backup            whether it is a backup server
 * @param state             its lifecycle state, e.g. {@code ACTIVE}, {@code FAIL}, {@code STANDBY}
 *                          (disabled), {@code SESSION_ONLY} (draining)
 * @param failed            whether a recent failure keeps it out of new traffic
 * @param active            connections carrying a request
 * @param idle              pooled idle connections
 * @param failCount         its consecutive-failure count, which holds back its warm-up; 0 after a
 *                          success
 * @param lastFailureMillis when it last failed (epoch milliseconds), or -1 if it never did
 * @param recoverLeft       how long the last failure still keeps it out, zero when it does not
 * @param connectTimeout    connect timeout
 * @param idleTime          how long an idle connection is reused
 * @param recoverTime       the longest a failure keeps it out
 * @param socketTimeout     read timeout
 * @param weight            its {@code load-balance-weight} now, as configured or as an operator
 *                          set it ({@link BackendChange.Weight})
 * @param requests          attempts sent to it so far, whatever their outcome
 * @param failures          attempts that failed so far, of every kind ({@link BackendMetrics#failuresByKind()})
 */
public record BackendStatus(String cluster, int index, String id, String address, int port, boolean backup,
        String state, boolean failed, int active, int idle, int failCount, long lastFailureMillis,
        Duration recoverLeft, Duration connectTimeout, Duration idleTime, Duration recoverTime,
        Duration socketTimeout, int weight, long requests, long failures) {
}

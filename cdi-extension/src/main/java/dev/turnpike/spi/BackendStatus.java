package dev.turnpike.spi;

import java.time.Duration;

/**
 * One backend server as the status pages show it: where it is, how the balancer sees it now and
 * the timeouts it is reached with.
 *
 * @param cluster           the cluster id
 * @param index             its position in the cluster, from 0
 * @param id                the server id
 * @param address           host name or address
 * @param port              port
 * @param backup            whether it is a backup server
 * @param state             its lifecycle state, e.g. {@code ACTIVE}, {@code FAIL}, {@code STANDBY}
 * @param failed            whether a recent failure keeps it out of new traffic
 * @param active            connections carrying a request
 * @param idle              pooled idle connections
 * @param failures          its consecutive-failure count
 * @param lastFailureMillis when it last failed (epoch milliseconds), or -1 if it never did
 * @param recoverLeft       how long the last failure still keeps it out, zero when it does not
 * @param connectTimeout    connect timeout
 * @param idleTime          how long an idle connection is reused
 * @param recoverTime       the longest a failure keeps it out
 * @param socketTimeout     read timeout
 */
public record BackendStatus(String cluster, int index, String id, String address, int port, boolean backup,
        String state, boolean failed, int active, int idle, int failures, long lastFailureMillis,
        Duration recoverLeft, Duration connectTimeout, Duration idleTime, Duration recoverTime,
        Duration socketTimeout) {
}

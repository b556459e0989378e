package dev.turnpike.proxy.fastcgi;

/**
 * How a FastCGI exchange that reached {@code END_REQUEST} went.
 *
 * @param connectionId the id the connection's log lines carry ({@code fcgi#id})
 * @param reusedConnection whether the connection had served a request before
 * @param status the HTTP status given to the sink
 * @param appStatus the application's exit status from {@code END_REQUEST}; not an error when non-zero
 *     (php-cgi reports the script's {@code exit()} code there)
 * @param keptAlive whether the connection went back to the pool
 */
public record FastCgiExchangeResult(long connectionId, boolean reusedConnection, int status, int appStatus,
        boolean keptAlive) {
}

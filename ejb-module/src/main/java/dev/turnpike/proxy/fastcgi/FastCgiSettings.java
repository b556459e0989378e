package dev.turnpike.proxy.fastcgi;

import static dev.turnpike.backend.Timeouts.checkMillis;
import static dev.turnpike.backend.Timeouts.text;

import java.time.Duration;

/**
 * How a {@link FastCgiClient} talks to one FastCGI application (a {@code php-cgi -b} or
 * {@code php-fpm} pool): timeouts, connection reuse and what it accepts in responses. Every value
 * is checked when the settings are built.
 *
 * @param connectTimeout how long opening a connection may take
 * @param socketTimeout how long one read from the application may wait; a script that computes
 *     longer than this without output fails the exchange
 * @param idleTime how long after the start of its last request a pooled connection may still be
 *     reused; zero means connections are never reused. Resin's stand-alone default is 10 s
 * @param maxIdle most idle connections kept. Each one holds a php-cgi worker (it waits on the
 *     connection for the next request), so keep this below {@code PHP_FCGI_CHILDREN}, or the
 *     workers' count in php-fpm, or other web tiers find every worker busy
 * @param maxHeaderBytes most bytes of the CGI header block at the start of a response, at least 256
 * @param keepConn whether to ask the application to keep the connection after a request
 *     ({@code FCGI_KEEP_CONN}); without it the application closes every connection and nothing
 *     is pooled
 * @param maxStderrBytes most bytes of the application's {@code STDERR} stream logged per request;
 *     the rest is counted and dropped. Zero logs none
 */
public record FastCgiSettings(Duration connectTimeout, Duration socketTimeout, Duration idleTime, int maxIdle,
        int maxHeaderBytes, boolean keepConn, int maxStderrBytes) {

    /**
     * Connect in 5 s, wait up to 30 s for each read, reuse connections for 10 s, keep at most 4
     * idle; headers of up to 64 KiB; keep connections; log up to 4 KiB of stderr per request.
     */
    public static final FastCgiSettings DEFAULT = new FastCgiSettings(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofSeconds(10), 4, 65536, true, 4096);

    public FastCgiSettings {
        checkMillis("connectTimeout", connectTimeout, 1);
        checkMillis("socketTimeout", socketTimeout, 1);
        checkMillis("idleTime", idleTime, 0);
        if (maxIdle < 0) {
            throw new IllegalArgumentException("maxIdle: " + maxIdle + " (expected: at least 0)");
        }
        if (maxHeaderBytes < 256) {
            throw new IllegalArgumentException("maxHeaderBytes: " + maxHeaderBytes + " (expected: at least 256)");
        }
        if (maxStderrBytes < 0) {
            throw new IllegalArgumentException("maxStderrBytes: " + maxStderrBytes + " (expected: at least 0)");
        }
    }

    /** A builder starting from {@link #DEFAULT}. */
    public static Builder builder() {
        return new Builder(DEFAULT);
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String toString() {
        return "connect-timeout=\"" + text(connectTimeout) + "\" socket-timeout=\"" + text(socketTimeout)
                + "\" idle-time=\"" + text(idleTime) + "\" max-idle=\"" + maxIdle + "\" max-header-bytes=\""
                + maxHeaderBytes + "\" keep-conn=\"" + keepConn + "\" max-stderr-bytes=\"" + maxStderrBytes + "\"";
    }


    /** Changes some settings and checks them all together when built. */
    public static final class Builder {
        private Duration connectTimeout;
        private Duration socketTimeout;
        private Duration idleTime;
        private int maxIdle;
        private int maxHeaderBytes;
        private boolean keepConn;
        private int maxStderrBytes;

        private Builder(FastCgiSettings from) {
            connectTimeout = from.connectTimeout;
            socketTimeout = from.socketTimeout;
            idleTime = from.idleTime;
            maxIdle = from.maxIdle;
            maxHeaderBytes = from.maxHeaderBytes;
            keepConn = from.keepConn;
            maxStderrBytes = from.maxStderrBytes;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder socketTimeout(Duration value) {
            socketTimeout = value;
            return this;
        }

        public Builder idleTime(Duration value) {
            idleTime = value;
            return this;
        }

        public Builder maxIdle(int value) {
            maxIdle = value;
            return this;
        }

        public Builder maxHeaderBytes(int value) {
            maxHeaderBytes = value;
            return this;
        }

        public Builder keepConn(boolean value) {
            keepConn = value;
            return this;
        }

        public Builder maxStderrBytes(int value) {
            maxStderrBytes = value;
            return this;
        }

        public FastCgiSettings build() {
            return new FastCgiSettings(connectTimeout, socketTimeout, idleTime, maxIdle, maxHeaderBytes, keepConn,
                    maxStderrBytes);
        }
    }
}

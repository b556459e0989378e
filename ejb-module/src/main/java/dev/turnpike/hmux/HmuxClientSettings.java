package dev.turnpike.hmux;

import static dev.turnpike.backend.Timeouts.checkMillis;
import static dev.turnpike.backend.Timeouts.text;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link HmuxClient} talks to one backend: timeouts, connection reuse and request-body flow
 * control. Every value is checked when the settings are built. The defaults are those of a
 * Resin 4 {@code <server>} (resin-spec 2.5, 2.6) and, for the body, of Resin's IIS handler (1.5).
 *
 * @param connectTimeout how long opening a connection may take ({@code load-balance-connect-timeout})
 * @param socketTimeout how long one read from the backend may wait ({@code load-balance-socket-timeout})
 * @param idleTime how long after the start of its last request a pooled connection may still be
 *     reused ({@code load-balance-idle-time}); keep it below the backend's keep-alive timeout.
 *     Zero means connections are never reused
 * @param maxIdle most idle connections kept per backend
 * @param chunkSize most request-body bytes per {@code D} frame, 1-65535
 * @param ackWindow most request-body bytes sent without an {@code A} from the backend; before a
 *     chunk that would go past it the client sends {@code Y} and waits. At least {@code chunkSize}
 * @param limits what the client accepts in responses
 */
public record HmuxClientSettings(Duration connectTimeout, Duration socketTimeout, Duration idleTime, int maxIdle,
        int chunkSize, int ackWindow, HmuxLimits limits) {

    /**
     * Resin 4's defaults: connect in 5 s, wait up to 600 s for each read, reuse connections for
     * 60 s, keep at most 16 idle; bodies in 8 KiB chunks with an 8 KiB window.
     */
    public static final HmuxClientSettings DEFAULT = new HmuxClientSettings(Duration.ofSeconds(5),
            Duration.ofSeconds(600), Duration.ofSeconds(60), 16, 8192, 8192, HmuxLimits.DEFAULT);

    public HmuxClientSettings {
        checkMillis("connectTimeout", connectTimeout, 1);
        checkMillis("socketTimeout", socketTimeout, 1);
        checkMillis("idleTime", idleTime, 0);
        if (maxIdle < 0) {
            throw new IllegalArgumentException("maxIdle: " + maxIdle + " (expected: at least 0)");
        }
        if (chunkSize < 1 || chunkSize > HmuxEncoder.MAX_LENGTH) {
            throw new IllegalArgumentException("chunkSize: " + chunkSize + " (expected: 1-" + HmuxEncoder.MAX_LENGTH
                    + ")");
        }
        if (ackWindow < chunkSize) {
            throw new IllegalArgumentException("ackWindow: " + ackWindow + " (expected: at least chunkSize, "
                    + chunkSize + ")");
        }
        Objects.requireNonNull(limits, "limits");
    }

    /** A builder starting from {@link #DEFAULT}. */
    public static Builder builder() {
        return new Builder(DEFAULT);
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The settings as Resin's {@code <server>} attributes, plus the client's own body settings. */
    @Override
    public String toString() {
        return "load-balance-connect-timeout=\"" + text(connectTimeout) + "\" load-balance-socket-timeout=\""
                + text(socketTimeout) + "\" load-balance-idle-time=\"" + text(idleTime) + "\" max-idle=\"" + maxIdle
                + "\" chunk-size=\"" + chunkSize + "\" ack-window=\"" + ackWindow + "\"";
    }


    /** Changes some settings and checks them all together when built. */
    public static final class Builder {
        private Duration connectTimeout;
        private Duration socketTimeout;
        private Duration idleTime;
        private int maxIdle;
        private int chunkSize;
        private int ackWindow;
        private HmuxLimits limits;

        private Builder(HmuxClientSettings from) {
            connectTimeout = from.connectTimeout;
            socketTimeout = from.socketTimeout;
            idleTime = from.idleTime;
            maxIdle = from.maxIdle;
            chunkSize = from.chunkSize;
            ackWindow = from.ackWindow;
            limits = from.limits;
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

        /** The chunk size and the ack window, which must be at least the chunk size. */
        public Builder body(int chunk, int window) {
            chunkSize = chunk;
            ackWindow = window;
            return this;
        }

        public Builder limits(HmuxLimits value) {
            limits = value;
            return this;
        }

        public HmuxClientSettings build() {
            return new HmuxClientSettings(connectTimeout, socketTimeout, idleTime, maxIdle, chunkSize, ackWindow,
                    limits);
        }
    }
}

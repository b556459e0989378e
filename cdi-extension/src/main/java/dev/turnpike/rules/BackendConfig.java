package dev.turnpike.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * One backend server as configured: Resin's {@code <server>} in a {@code <cluster>}, with the
 * {@code load-balance-*} settings the web tier uses (resin-spec 2.6; defaults are Resin 4's).
 *
 * <pre>{@code
 * <server id="b" address="10.0.0.2" port="6800" load-balance-weight="200"/>
 * }</pre>
 *
 * @param id              the server id; also the route of {@code .jvmRoute} ids and route cookies
 * @param address         host name or address
 * @param port            HMUX port, 1-65535
 * @param weight          {@code load-balance-weight}, relative capacity, 0 or more (default 100;
 *                        0 keeps the backend out of least-connection's choice); 1 for a backup
 * @param backup          {@code backup}: a server for when the others cannot take a request
 * @param connectionMin   {@code load-balance-connection-min}, the "green" minimum (default 0)
 * @param connectTimeout  {@code load-balance-connect-timeout} (5 s)
 * @param idleTime        {@code load-balance-idle-time}, how long an idle connection may be reused (60 s)
 * @param recoverTime     {@code load-balance-recover-time}, the longest a failure keeps the server
 *                        out (15 s)
 * @param busyRecoverTime {@code load-balance-busy-recover-time}, how long a 503 keeps it out (15 s)
 * @param socketTimeout   {@code load-balance-socket-timeout}, read timeout on the backend (600 s)
 * @param warmupTime      {@code load-balance-warmup-time}, the slow-start duration (60 s)
 */
public record BackendConfig(String id, String address, int port, int weight, boolean backup, int connectionMin,
        Duration connectTimeout, Duration idleTime, Duration recoverTime, Duration busyRecoverTime,
        Duration socketTimeout, Duration warmupTime) {

    /** The weight of a server without {@code load-balance-weight}. */
    public static final int DEFAULT_WEIGHT = 100;

    /** The weight of every backup server. */
    public static final int BACKUP_WEIGHT = 1;

    public BackendConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        if (address.isEmpty()) {
            throw new IllegalArgumentException("address of server '" + id + "': \"\" (expected: a host name or address)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port of server '" + id + "': " + port + " (expected: 1-65535)");
        }
        if (weight < 0) {
            throw new IllegalArgumentException("load-balance-weight of server '" + id + "': " + weight
                    + " (expected: 0 or more)");
        }
        if (backup && weight != BACKUP_WEIGHT) {
            throw new IllegalArgumentException("load-balance-weight of server '" + id + "': " + weight
                    + " (expected: none, a backup server's weight is 1)");
        }
        if (connectionMin < 0) {
            throw new IllegalArgumentException("load-balance-connection-min of server '" + id + "': "
                    + connectionMin + " (expected: 0 or more)");
        }
        checkPositive(id, "load-balance-connect-timeout", connectTimeout);
        checkPositive(id, "load-balance-idle-time", idleTime);
        checkPositive(id, "load-balance-recover-time", recoverTime);
        checkPositive(id, "load-balance-busy-recover-time", busyRecoverTime);
        checkPositive(id, "load-balance-socket-timeout", socketTimeout);
        Objects.requireNonNull(warmupTime, "load-balance-warmup-time");
        if (warmupTime.isNegative()) {
            throw new IllegalArgumentException("load-balance-warmup-time of server '" + id + "': " + period(warmupTime)
                    + " (expected: 0 or more)");
        }
    }

    /** A builder for the server {@code id} at {@code address:port}, with every other setting at its default. */
    public static Builder builder(String id, String address, int port) {
        return new Builder(id, address, port);
    }

    /** The server as written in the configuration; settings at their default are left out. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("<server id=\"").append(id).append("\" address=\"").append(address)
                .append("\" port=\"").append(port).append('"');
        BackendConfig d = builder(id, address, port).build();
        if (backup) {
            s.append(" backup=\"true\"");
        } else if (weight != d.weight) {
            s.append(" load-balance-weight=\"").append(weight).append('"');
        }
        if (connectionMin != d.connectionMin) {
            s.append(" load-balance-connection-min=\"").append(connectionMin).append('"');
        }
        appendPeriod(s, "load-balance-connect-timeout", connectTimeout, d.connectTimeout);
        appendPeriod(s, "load-balance-idle-time", idleTime, d.idleTime);
        appendPeriod(s, "load-balance-recover-time", recoverTime, d.recoverTime);
        appendPeriod(s, "load-balance-busy-recover-time", busyRecoverTime, d.busyRecoverTime);
        appendPeriod(s, "load-balance-socket-timeout", socketTimeout, d.socketTimeout);
        appendPeriod(s, "load-balance-warmup-time", warmupTime, d.warmupTime);
        return s.append("/>").toString();
    }

    private static void appendPeriod(StringBuilder s, String name, Duration value, Duration fallback) {
        if (!value.equals(fallback)) {
            s.append(' ').append(name).append("=\"").append(period(value)).append('"');
        }
    }

    /** A duration in Resin's period syntax: {@code 15s}, {@code 2m}, {@code 500ms}. */
    public static String period(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    private static void checkPositive(String id, String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " of server '" + id + "': " + period(value)
                    + " (expected: more than 0)");
        }
    }

    /** Collects the optional settings of a {@link BackendConfig}; each starts at its default. */
    public static final class Builder {
        private final String id;
        private final String address;
        private final int port;
        private int weight = DEFAULT_WEIGHT;
        private boolean weightSet;
        private boolean backup;
        private int connectionMin;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration idleTime = Duration.ofSeconds(60);
        private Duration recoverTime = Duration.ofSeconds(15);
        private Duration busyRecoverTime = Duration.ofSeconds(15);
        private Duration socketTimeout = Duration.ofSeconds(600);
        private Duration warmupTime = Duration.ofSeconds(60);

        private Builder(String id, String address, int port) {
            this.id = id;
            this.address = address;
            this.port = port;
        }

        public Builder weight(int weight) {
            this.weight = weight;
            this.weightSet = true;
            return this;
        }

        /** Marks a backup server, whose weight is 1; a weight set as well is refused by {@link #build()}. */
        public Builder backup(boolean backup) {
            this.backup = backup;
            return this;
        }

        public Builder connectionMin(int connectionMin) {
            this.connectionMin = connectionMin;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder idleTime(Duration idleTime) {
            this.idleTime = idleTime;
            return this;
        }

        public Builder recoverTime(Duration recoverTime) {
            this.recoverTime = recoverTime;
            return this;
        }

        public Builder busyRecoverTime(Duration busyRecoverTime) {
            this.busyRecoverTime = busyRecoverTime;
            return this;
        }

        public Builder socketTimeout(Duration socketTimeout) {
            this.socketTimeout = socketTimeout;
            return this;
        }

        public Builder warmupTime(Duration warmupTime) {
            this.warmupTime = warmupTime;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting, the value and what is allowed */
        public BackendConfig build() {
            int effectiveWeight = backup && !weightSet ? BACKUP_WEIGHT : weight;
            return new BackendConfig(id, address, port, effectiveWeight, backup, connectionMin, connectTimeout,
                    idleTime, recoverTime, busyRecoverTime, socketTimeout, warmupTime);
        }
    }
}

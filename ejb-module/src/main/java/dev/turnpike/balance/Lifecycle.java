package dev.turnpike.balance;

/**
 * The states of a backend (resin-spec 2.5) with, for each, what traffic it takes and where each
 * event leads.
 *
 * <pre>
 *   state          may connect  normal traffic  sticky traffic  live (reported up)
 *   NEW                 -             -               -               -
 *   STANDBY             x             -               -               -
 *   SESSION_ONLY        x             -               x               -
 *   STARTING            x             x               x               x
 *   WARMUP              x             x               x               x
 *   BUSY                x             x               x               -
 *   FAIL                x             x               x               -
 *   ACTIVE              x             x               x               x
 *   CLOSED              -             -               -               -
 * </pre>
 * STANDBY is a stopped backend; SESSION_ONLY a draining one, which keeps serving the sessions it
 * owns but takes no new traffic; CLOSED is final. Failures, 503s and the end of the warm-up move
 * only the states that take normal traffic; start, stop and drain move every state but CLOSED.
 * The few exceptions override a transition below.
 */
public enum Lifecycle {

    /** Configured, not started. */
    NEW(false, false, false, false, false),

    /** Stopped by the operator: no traffic at all. */
    STANDBY(true, false, false, false, false),

    /** Draining: sticky traffic only. */
    SESSION_ONLY(true, false, true, false, false),

    /** Started, no connection has succeeded yet. */
    STARTING(true, true, true, true, true),

    /** Connected, taking a growing share of new connections until the warm-up time has passed. */
    WARMUP(true, true, true, true, true) {
        @Override
        Lifecycle toStart() {
            return this;
        }
    },

    /** The backend answered 503; it warms up again after its next success. */
    BUSY(true, true, true, false, true),

    /** A connect, read or write failed; it warms up again after its next success. */
    FAIL(true, true, true, false, true) {
        @Override
        Lifecycle toWake() {
            return STARTING;
        }
    },

    /** Fully in service. */
    ACTIVE(true, true, true, true, false) {
        @Override
        Lifecycle toStart() {
            return this;
        }
    },

    /** Removed; final. */
    CLOSED(false, false, false, false, false) {
        @Override
        Lifecycle toStart() {
            return this;
        }

        @Override
        Lifecycle toStandby() {
            return this;
        }

        @Override
        Lifecycle toSessionOnly() {
            return this;
        }
    };

    private final boolean mayConnect;
    private final boolean takesTraffic;
    private final boolean takesSessions;
    private final boolean live;
    private final boolean starting;

    Lifecycle(boolean mayConnect, boolean takesTraffic, boolean takesSessions, boolean live, boolean starting) {
        this.mayConnect = mayConnect;
        this.takesTraffic = takesTraffic;
        this.takesSessions = takesSessions;
        this.live = live;
        this.starting = starting;
    }

    /** Whether a connection may be opened at all (Resin's "init"). */
    public boolean mayConnect() {
        return mayConnect;
    }

    /** Whether the backend takes part in normal, non-sticky balancing (Resin's "enabled"). */
    public boolean takesTraffic() {
        return takesTraffic;
    }

    /** Whether the backend takes requests for the sessions it owns (Resin's "session-enabled"). */
    public boolean takesSessions() {
        return takesSessions;
    }

    /** Whether the backend is reported as up. */
    public boolean isLive() {
        return live;
    }

    /** Whether a first successful connection moves the backend into warm-up. */
    boolean isStarting() {
        return starting;
    }

    /** After {@code start()} or {@code enable()}. */
    Lifecycle toStart() {
        return STARTING;
    }

    /** After the warm-up time has passed. */
    Lifecycle toActive() {
        return takesTraffic ? ACTIVE : this;
    }

    /** After a connect, read or write failure. */
    Lifecycle toFail() {
        return takesTraffic ? FAIL : this;
    }

    /** After a 503 answer. */
    Lifecycle toBusy() {
        return takesTraffic ? BUSY : this;
    }

    /** After {@code stop()} or {@code disable()}. */
    Lifecycle toStandby() {
        return STANDBY;
    }

    /** After {@code drain()}. */
    Lifecycle toSessionOnly() {
        return SESSION_ONLY;
    }

    /** After the backend was seen alive by other means (a heartbeat). */
    Lifecycle toWake() {
        return this;
    }

    /** After a first successful connection: warm-up, or straight to service without warm-up time. */
    Lifecycle toConnected(boolean warmsUp) {
        if (!starting) {
            return this;
        }
        return warmsUp ? WARMUP : ACTIVE;
    }
}

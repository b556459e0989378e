package dev.turnpike.balance;

/**
 * The states of a backend (resin-spec 2.5) with, for each, what traffic it takes and where each
 * event leads. Each state overrides only what differs from the defaults at the bottom.
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
 * owns but takes no new traffic; CLOSED is final.
 */
public enum Lifecycle {

    /** Configured, not started. Failures cannot happen and are ignored. */
    NEW {
        @Override
        public boolean mayConnect() {
            return false;
        }

        @Override
        public boolean takesTraffic() {
            return false;
        }

        @Override
        public boolean takesSessions() {
            return false;
        }

        @Override
        Lifecycle toActive() {
            return this;
        }

        @Override
        Lifecycle toFail() {
            return this;
        }

        @Override
        Lifecycle toBusy() {
            return this;
        }
    },

    /** Stopped by the operator: no traffic at all. Failures and warm-up do not move it. */
    STANDBY {
        @Override
        public boolean takesTraffic() {
            return false;
        }

        @Override
        public boolean takesSessions() {
            return false;
        }

        @Override
        Lifecycle toActive() {
            return this;
        }

        @Override
        Lifecycle toFail() {
            return this;
        }

        @Override
        Lifecycle toBusy() {
            return this;
        }
    },

    /** Draining: sticky traffic only. Failures and warm-up do not move it. */
    SESSION_ONLY {
        @Override
        public boolean takesTraffic() {
            return false;
        }

        @Override
        Lifecycle toActive() {
            return this;
        }

        @Override
        Lifecycle toFail() {
            return this;
        }

        @Override
        Lifecycle toBusy() {
            return this;
        }
    },

    /** Started, no connection has succeeded yet. */
    STARTING {
        @Override
        public boolean isLive() {
            return true;
        }

        @Override
        boolean isStarting() {
            return true;
        }
    },

    /** Connected, taking a growing share of new connections until the warm-up time has passed. */
    WARMUP {
        @Override
        public boolean isLive() {
            return true;
        }

        @Override
        boolean isStarting() {
            return true;
        }

        @Override
        Lifecycle toStart() {
            return this;
        }
    },

    /** The backend answered 503; it warms up again after its next success. */
    BUSY {
        @Override
        boolean isStarting() {
            return true;
        }
    },

    /** A connect, read or write failed; it warms up again after its next success. */
    FAIL {
        @Override
        boolean isStarting() {
            return true;
        }

        @Override
        Lifecycle toWake() {
            return STARTING;
        }
    },

    /** Fully in service. */
    ACTIVE {
        @Override
        public boolean isLive() {
            return true;
        }

        @Override
        Lifecycle toStart() {
            return this;
        }
    },

    /** Removed; final. */
    CLOSED {
        @Override
        public boolean mayConnect() {
            return false;
        }

        @Override
        public boolean takesTraffic() {
            return false;
        }

        @Override
        public boolean takesSessions() {
            return false;
        }

        @Override
        Lifecycle toStart() {
            return this;
        }

        @Override
        Lifecycle toActive() {
            return this;
        }

        @Override
        Lifecycle toFail() {
            return this;
        }

        @Override
        Lifecycle toBusy() {
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

    /** Whether a connection may be opened at all (Resin's "init"). */
    public boolean mayConnect() {
        return true;
    }

    /** Whether the backend takes part in normal, non-sticky balancing (Resin's "enabled"). */
    public boolean takesTraffic() {
        return true;
    }

    /** Whether the backend takes requests for the sessions it owns (Resin's "session-enabled"). */
    public boolean takesSessions() {
        return true;
    }

    /** Whether the backend is reported as up. */
    public boolean isLive() {
        return false;
    }

    /** Whether a first successful connection moves the backend into warm-up. */
    boolean isStarting() {
        return false;
    }

    /** After {@code start()} or {@code enable()}. */
    Lifecycle toStart() {
        return STARTING;
    }

    /** After the warm-up time has passed. */
    Lifecycle toActive() {
        return ACTIVE;
    }

    /** After a connect, read or write failure. */
    Lifecycle toFail() {
        return FAIL;
    }

    /** After a 503 answer. */
    Lifecycle toBusy() {
        return BUSY;
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
        if (!isStarting()) {
            return this;
        }
        return warmsUp ? WARMUP : ACTIVE;
    }
}

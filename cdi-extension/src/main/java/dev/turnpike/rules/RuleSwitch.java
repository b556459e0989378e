package dev.turnpike.rules;

import dev.turnpike.cron.CronSchedule;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Whether a named rule is on: its configured {@code enabled} state, switched by its
 * {@code enable-at} / {@code disable-at} schedules and by operators ({@link #start()},
 * {@link #stop()}, e.g. over JMX). The most recent of these events decides: a schedule's most
 * recent firing time counts even if it lies before the configuration was loaded, so a rule with
 * {@code enable-at="0 9 * * *" disable-at="0 17 * * *"} loaded at noon is on, and an operator's
 * stop holds until the next scheduled firing.
 *
 * <p>As with Resin's schedules, a firing counts from the start of the minute before it, so a
 * switch may flip up to a minute early. The answer is cached until the next scheduled firing, so a request pays for a volatile read.
 * Safe for concurrent use.
 */
public final class RuleSwitch {

    private static final long NEVER = Long.MAX_VALUE;

    private final boolean initiallyEnabled;
    private final CronSchedule enableAt;
    private final CronSchedule disableAt;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Manual manual;
    private volatile State state = new State(false, Long.MIN_VALUE);

    private record Manual(long at, boolean enabled) {
    }

    private record State(boolean enabled, long validUntil) {
    }

    /**
     * @param enabled   the configured initial state
     * @param enableAt  when the rule switches on, or {@code null}
     * @param disableAt when the rule switches off, or {@code null}
     */
    public RuleSwitch(boolean enabled, CronSchedule enableAt, CronSchedule disableAt) {
        this(enabled, enableAt, disableAt, Clock.systemDefaultZone());
    }

    /** A switch reading time from the given clock (in its zone). */
    public RuleSwitch(boolean enabled, CronSchedule enableAt, CronSchedule disableAt, Clock clock) {
        this.initiallyEnabled = enabled;
        this.enableAt = enableAt;
        this.disableAt = disableAt;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** Whether the rule is on now. */
    public boolean isEnabled() {
        long now = clock.millis();
        State current = state;
        if (now < current.validUntil()) {
            return current.enabled();
        }
        State fresh = compute(now);
        state = fresh;
        return fresh.enabled();
    }

    /** Switches the rule on until the next scheduled change. */
    public void start() {
        set(true);
    }

    /** Switches the rule off until the next scheduled change. */
    public void stop() {
        set(false);
    }

    /** {@code active} or {@code stopped}, as Resin's rule MBeans report. */
    public String state() {
        return isEnabled() ? "active" : "stopped";
    }

    public boolean scheduled() {
        return enableAt != null || disableAt != null;
    }

    public CronSchedule enableAt() {
        return enableAt;
    }

    public CronSchedule disableAt() {
        return disableAt;
    }

    private void set(boolean enabled) {
        manual = new Manual(clock.millis(), enabled);
        state = new State(false, Long.MIN_VALUE);
    }

    private State compute(long now) {
        long latest = Long.MIN_VALUE;
        boolean enabled = initiallyEnabled;
        long enabledSince = enableAt == null ? -1 : enableAt.prevTime(now, zone);
        long disabledSince = disableAt == null ? -1 : disableAt.prevTime(now, zone);
        if (disabledSince > 0) {
            latest = disabledSince;
            enabled = false;
        }
        if (enabledSince > 0 && enabledSince >= latest) {
            latest = enabledSince;
            enabled = true;
        }
        Manual operator = manual;
        if (operator != null && operator.at() >= latest) {
            enabled = operator.enabled();
        }
        long until = NEVER;
        if (enableAt != null) {
            until = after(until, enableAt.nextTime(now, zone));
        }
        if (disableAt != null) {
            until = after(until, disableAt.nextTime(now, zone));
        }
        return new State(enabled, until);
    }

    private static long after(long current, long next) {
        return next > 0 ? Math.min(current, next) : current;
    }
}

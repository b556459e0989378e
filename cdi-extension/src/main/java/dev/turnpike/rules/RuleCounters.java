package dev.turnpike.rules;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one rule did since its rule set loaded: how often it fired, and the last time it failed
 * while trying a request (a condition that threw, a subject its regexp gave up on). Updated by
 * request threads without locking; read by the admin API and metrics.
 */
public final class RuleCounters {

    /**
     * A failure of the rule.
     *
     * @param at      when it happened
     * @param message what happened
     */
    public record Failure(Instant at, String message) {
    }

    private final LongAdder hits = new LongAdder();
    private volatile Failure lastFailure;

    void hit() {
        hits.increment();
    }

    void failed(String message) {
        lastFailure = new Failure(Instant.now(), message);
    }

    /** How often the rule fired: decided, or rewrote and let the following rules go on. */
    public long hits() {
        return hits.sum();
    }

    /** The last failure, or {@code null} when it never failed. */
    public Failure lastFailure() {
        return lastFailure;
    }
}

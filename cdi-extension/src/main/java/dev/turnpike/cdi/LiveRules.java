package dev.turnpike.cdi;

import dev.turnpike.config.ConfigProblem;
import dev.turnpike.rules.RuleSet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The rule set currently serving, and how the last load went.
 *
 * <p>Registered by {@link TurnpikeExtension} as an application-scoped bean. The registry
 * publishes each new immutable snapshot with a single volatile write; request threads read one
 * snapshot per request. A failed load keeps the rules that were serving.
 *
 * <p>A rule set that stops serving is {@linkplain RuleSet#release() released}, which runs the
 * {@code @PreDestroy} of the application objects made for it: after a new rule set is published,
 * and when the application stops. Requests that took the old snapshot just before may still be
 * running on it.
 */
public class LiveRules {

    private volatile Snapshot snapshot = new Snapshot(null, "(not loaded yet)", null, List.of(), null);

    /** The rules serving now, or {@code null} when no configuration has loaded yet. */
    public RuleSet current() {
        return snapshot.rules();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Serves {@code rules} from now on, forgets earlier problems, and releases the rules that served before. */
    public void loaded(RuleSet rules, Instant at) {
        Objects.requireNonNull(rules, "rules");
        RuleSet before;
        synchronized (this) {
            before = snapshot.rules();
            snapshot = new Snapshot(rules, rules.source(), at, List.of(), null);
        }
        if (before != null && before != rules) {
            before.release();
        }
    }

    /** The application stops: releases the rules serving. They keep answering requests that still come. */
    public void stopped() {
        RuleSet serving = snapshot.rules();
        if (serving != null) {
            serving.release();
        }
    }

    /** Records a failed load; the rules serving stay as they are. */
    public synchronized void failed(String source, List<ConfigProblem> problems, Instant at) {
        Snapshot current = snapshot;
        snapshot = new Snapshot(current.rules(), source, current.loadedAt(), List.copyOf(problems), at);
    }

    /**
     * One consistent view of the registry.
     *
     * @param rules    the rules serving, or {@code null} when none has loaded
     * @param source   the configuration source of the last attempt
     * @param loadedAt when {@code rules} loaded, or {@code null}
     * @param problems the problems of the last attempt when it failed, else empty
     * @param failedAt when the last attempt failed, or {@code null} when it succeeded
     */
    public record Snapshot(RuleSet rules, String source, Instant loadedAt, List<ConfigProblem> problems,
                           Instant failedAt) {
    }
}

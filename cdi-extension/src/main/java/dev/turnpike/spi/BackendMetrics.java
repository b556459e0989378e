package dev.turnpike.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one backend server has served, cumulated since it was first configured (its counts survive
 * reloads that keep the server; see {@link BackendControl}): for the metrics endpoint,
 * {@code dev.turnpike.metrics.PrometheusText}.
 *
 * <p>Every attempt the balancer sends to the server counts once, whether it was the first for the
 * browser's request or a retry: in {@code requests}, and in the latency histogram with the time
 * from sending until the response was relayed or the attempt failed. Failed attempts also count in
 * {@code failures}, by kind:
 * <pre>
 *   connect        no connection could be opened
 *   io             reading or writing failed after sending
 *   busy           the server answered 503
 *   stale-pooled   a pooled connection was found closed by the server (nothing held against it)
 * </pre>
 * A browser that went away mid-exchange counts as a request, not as a failure.
 *
 * @param cluster          the cluster id, as in {@link BackendStatus#cluster()}
 * @param server           the server id, as in {@link BackendStatus#id()}
 * @param active           connections carrying a request now
 * @param requests         attempts so far; equals the histogram's count
 * @param failures         failed attempts so far, the sum of {@code failuresByKind}
 * @param failuresByKind   failed attempts by kind, every kind present, in the order above
 * @param upperBounds      the histogram's finite bucket bounds in seconds, ascending; a last bucket
 *                         without bound ({@code +Inf}) follows them
 * @param cumulativeCounts for each bound, then for {@code +Inf}, the attempts that took at most
 *                         that long: one more entry than {@code upperBounds}, never decreasing
 * @param sumSeconds       the total time of all attempts, in seconds
 */
public record BackendMetrics(String cluster, String server, int active, long requests, long failures,
        Map<String, Long> failuresByKind, List<Double> upperBounds, List<Long> cumulativeCounts,
        double sumSeconds) {

    public BackendMetrics {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(server, "server");
        failuresByKind = Collections.unmodifiableMap(new LinkedHashMap<>(failuresByKind));
        upperBounds = List.copyOf(upperBounds);
        cumulativeCounts = List.copyOf(cumulativeCounts);
        if (cumulativeCounts.size() != upperBounds.size() + 1) {
            throw new IllegalArgumentException("cumulativeCounts: " + cumulativeCounts.size() + " entries (expected: "
                    + (upperBounds.size() + 1) + ", one per bound and one for +Inf)");
        }
    }

    /** Attempts measured in the histogram: the {@code +Inf} bucket. */
    public long count() {
        return cumulativeCounts.get(cumulativeCounts.size() - 1);
    }
}

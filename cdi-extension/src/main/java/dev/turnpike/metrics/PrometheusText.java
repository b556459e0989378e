package dev.turnpike.metrics;

import dev.turnpike.spi.BackendMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Writes Turnpike's metrics in the Prometheus text exposition format, version 0.0.4: one
 * {@code # HELP} and one {@code # TYPE} line per family, then its samples, families in this order:
 * <pre>
 *   turnpike_backend_requests_total{cluster,server}              counter
 *   turnpike_backend_failures_total{cluster,server}              counter
 *   turnpike_backend_latency_seconds_bucket{cluster,server,le}   histogram, with _sum and _count
 *   turnpike_backend_active{cluster,server}                      gauge
 *   turnpike_rule_hits_total{rule,origin}                        counter
 * </pre>
 * Label values are escaped as the format asks: {@code \} as {@code \\}, {@code "} as {@code \"}
 * and a newline as {@code \n}. Numbers are written in their shortest plain form ({@code 0.005},
 * {@code 1}, {@code 2.5}); the last bucket is {@code le="+Inf"}. Families without samples still
 * get their HELP and TYPE lines. Pure: no state, no I/O of its own.
 */
public final class PrometheusText {

    /** The {@code Content-Type} of the output. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * One rule's hit count, as the caller counted it.
     *
     * @param rule   the rule's label, e.g. its name or its configuration text
     * @param origin where it was declared, {@code file:line:column}
     * @param hits   how many requests it decided
     */
    public record RuleHits(String rule, String origin, long hits) {
        public RuleHits {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(origin, "origin");
        }
    }

    private PrometheusText() {
    }

    /** The exposition of these backends and rules. */
    public static String format(List<BackendMetrics> backends, List<RuleHits> rules) {
        StringBuilder out = new StringBuilder(512 + 1024 * backends.size() + 128 * rules.size());
        try {
            write(out, backends, rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the exposition of these backends and rules to {@code out}. */
    public static void write(Appendable out, List<BackendMetrics> backends, List<RuleHits> rules) throws IOException {
        family(out, "turnpike_backend_requests_total", "counter",
                "Requests sent to the backend server, each retry counted on the server it went to.");
        for (BackendMetrics b : backends) {
            sample(out, "turnpike_backend_requests_total", backendLabels(b), Long.toString(b.requests()));
        }
        family(out, "turnpike_backend_failures_total", "counter",
                "Requests to the backend server that failed: connect, I/O, 503 answer or stale pooled connection.");
        for (BackendMetrics b : backends) {
            sample(out, "turnpike_backend_failures_total", backendLabels(b), Long.toString(b.failures()));
        }
        family(out, "turnpike_backend_latency_seconds", "histogram",
                "Time from sending a request to the backend server until its response was relayed or it failed.");
        for (BackendMetrics b : backends) {
            histogram(out, b);
        }
        family(out, "turnpike_backend_active", "gauge", "Connections to the backend server carrying a request now.");
        for (BackendMetrics b : backends) {
            sample(out, "turnpike_backend_active", backendLabels(b), Integer.toString(b.active()));
        }
        family(out, "turnpike_rule_hits_total", "counter", "Requests the rule decided.");
        for (RuleHits r : rules) {
            sample(out, "turnpike_rule_hits_total", "rule=\"" + escape(r.rule()) + "\",origin=\""
                    + escape(r.origin()) + '"', Long.toString(r.hits()));
        }
    }

    private static void histogram(Appendable out, BackendMetrics b) throws IOException {
        String labels = backendLabels(b);
        List<Double> bounds = b.upperBounds();
        for (int i = 0; i <= bounds.size(); i++) {
            String le = i < bounds.size() ? number(bounds.get(i)) : "+Inf";
            sample(out, "turnpike_backend_latency_seconds_bucket", labels + ",le=\"" + le + '"',
                    Long.toString(b.cumulativeCounts().get(i)));
        }
        sample(out, "turnpike_backend_latency_seconds_sum", labels, number(b.sumSeconds()));
        sample(out, "turnpike_backend_latency_seconds_count", labels, Long.toString(b.count()));
    }

    private static String backendLabels(BackendMetrics b) {
        return "cluster=\"" + escape(b.cluster()) + "\",server=\"" + escape(b.server()) + '"';
    }

    private static void family(Appendable out, String name, String type, String help) throws IOException {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(Appendable out, String name, String labels, String value) throws IOException {
        out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    /** A label value escaped for the format: backslash, double quote and newline. */
    static String escape(String value) {
        StringBuilder s = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '"' -> "\\\"";
                case '\n' -> "\\n";
                default -> null;
            };
            if (replacement != null && s == null) {
                s = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (s != null) {
                if (replacement != null) {
                    s.append(replacement);
                } else {
                    s.append(c);
                }
            }
        }
        return s == null ? value : s.toString();
    }

    /** A sample value or bound in its shortest plain form: {@code 0.005}, {@code 10}, {@code +Inf}, {@code NaN}. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

package dev.turnpike.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.turnpike.spi.BackendMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Prometheus text format 0.0.4 as {@link PrometheusText} writes it, checked line by line. */
class PrometheusTextTest {

    private static Map<String, Long> kinds(long connect, long io, long busy, long stale) {
        Map<String, Long> kinds = new LinkedHashMap<>();
        kinds.put("connect", connect);
        kinds.put("io", io);
        kinds.put("busy", busy);
        kinds.put("stale-pooled", stale);
        return kinds;
    }

    @Test
    void twoBackendsAndTwoRules() {
        List<BackendMetrics> backends = List.of(
                new BackendMetrics("app-tier", "a", 2, 5, 1, kinds(1, 0, 0, 0), List.of(0.005, 0.1, 2.5),
                        List.of(1L, 4L, 4L, 5L), 12.5),
                // a proxy group's name, and a server id needing every escape
                new BackendMetrics("http 10.0.0.1:80", "we\"ird\\id\nx", 0, 0, 0, kinds(0, 0, 0, 0),
                        List.of(0.005, 0.1, 2.5), List.of(0L, 0L, 0L, 0L), 0));
        List<PrometheusText.RuleHits> rules = List.of(
                new PrometheusText.RuleHits("<resin:Forbidden regexp=\"^/private/\"/>", "rules.xml:3:3", 7),
                new PrometheusText.RuleHits("maintenance", "C:\\conf\\rules.xml:9:5", 0));
        assertEquals("""
                # HELP turnpike_backend_requests_total Requests sent to the backend server, each retry counted on the server it went to.
                # TYPE turnpike_backend_requests_total counter
                turnpike_backend_requests_total{cluster="app-tier",server="a"} 5
                turnpike_backend_requests_total{cluster="http 10.0.0.1:80",server="we\\"ird\\\\id\\nx"} 0
                # HELP turnpike_backend_failures_total Requests to the backend server that failed: connect, I/O, 503 answer or stale pooled connection.
                # TYPE turnpike_backend_failures_total counter
                turnpike_backend_failures_total{cluster="app-tier",server="a"} 1
                turnpike_backend_failures_total{cluster="http 10.0.0.1:80",server="we\\"ird\\\\id\\nx"} 0
                # HELP turnpike_backend_latency_seconds Time from sending a request to the backend server until its response was relayed or it failed.
                # TYPE turnpike_backend_latency_seconds histogram
                turnpike_backend_latency_seconds_bucket{cluster="app-tier",server="a",le="0.005"} 1
                turnpike_backend_latency_seconds_bucket{cluster="app-tier",server="a",le="0.1"} 4
                turnpike_backend_latency_seconds_bucket{cluster="app-tier",server="a",le="2.5"} 4
                turnpike_backend_latency_seconds_bucket{cluster="app-tier",server="a",le="+Inf"} 5
                turnpike_backend_latency_seconds_sum{cluster="app-tier",server="a"} 12.5
                turnpike_backend_latency_seconds_count{cluster="app-tier",server="a"} 5
                turnpike_backend_latency_seconds_bucket{cluster="http 10.0.0.1:80",server="we\\"ird\\\\id\\nx",le="0.005"} 0
                turnpike_backend_latency_seconds_bucket{cluster="http 10.0.0.1:80",server="we\\"ird\\\\id\\nx",le="0.1"} 0
                turnpike_backend_latency_seconds_bucket{cluster="http 10.0.0.1:80",server="we\\"ird\\\\id\\nx",le="2.5"} 0
                turnpike_backend_latency_seconds_bucket{cluster="http 10.0.0.1:80",server="we\\"ird\\\\id\\nx",le="+Inf"} 0
                turnpike_backend_latency_seconds_sum{cluster="http 10.0.0.1:80",server="we\\"ird\\\\id\\nx"} 0
                turnpike_backend_latency_seconds_count{cluster="http 10.0.0.1:80",server="we\\"ird\\\\id\\nx"} 0
                # HELP turnpike_backend_active Connections to the backend server carrying a request now.
                # TYPE turnpike_backend_active gauge
                turnpike_backend_active{cluster="app-tier",server="a"} 2
                turnpike_backend_active{cluster="http 10.0.0.1:80",server="we\\"ird\\\\id\\nx"} 0
                # HELP turnpike_rule_hits_total Requests the rule decided.
                # TYPE turnpike_rule_hits_total counter
                turnpike_rule_hits_total{rule="<resin:Forbidden regexp=\\"^/private/\\"/>",origin="rules.xml:3:3"} 7
                turnpike_rule_hits_total{rule="maintenance",origin="C:\\\\conf\\\\rules.xml:9:5"} 0
                """, PrometheusText.format(backends, rules));
    }

    @Test
    void nothingToReportStillDeclaresEveryFamily() {
        assertEquals("""
                # HELP turnpike_backend_requests_total Requests sent to the backend server, each retry counted on the server it went to.
                # TYPE turnpike_backend_requests_total counter
                # HELP turnpike_backend_failures_total Requests to the backend server that failed: connect, I/O, 503 answer or stale pooled connection.
                # TYPE turnpike_backend_failures_total counter
                # HELP turnpike_backend_latency_seconds Time from sending a request to the backend server until its response was relayed or it failed.
                # TYPE turnpike_backend_latency_seconds histogram
                # HELP turnpike_backend_active Connections to the backend server carrying a request now.
                # TYPE turnpike_backend_active gauge
                # HELP turnpike_rule_hits_total Requests the rule decided.
                # TYPE turnpike_rule_hits_total counter
                """, PrometheusText.format(List.of(), List.of()));
    }

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("plain", "plain"),
                Arguments.of("a\"b", "a\\\"b"),
                Arguments.of("a\\b", "a\\\\b"),
                Arguments.of("a\nb", "a\\nb"),
                // a backslash before n is not a newline: a wrong result would read back as one
                Arguments.of("\\n", "\\\\n"),
                // carriage return and tab pass as they are; the format escapes only the three
                Arguments.of("a\rb\tc", "a\rb\tc"),
                Arguments.of("", ""));
    }

    @ParameterizedTest
    @MethodSource
    void escapes(String value, String escaped) {
        assertEquals(escaped, PrometheusText.escape(value));
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                Arguments.of(0.005, "0.005"),
                Arguments.of(1.0, "1"),
                Arguments.of(10.0, "10"),
                Arguments.of(2.5, "2.5"),
                Arguments.of(0.0, "0"),
                Arguments.of(1e10, "10000000000"),
                Arguments.of(1e-7, "0.0000001"),
                Arguments.of(Double.POSITIVE_INFINITY, "+Inf"),
                Arguments.of(Double.NEGATIVE_INFINITY, "-Inf"),
                Arguments.of(Double.NaN, "NaN"));
    }

    @ParameterizedTest
    @MethodSource
    void numbers(double value, String text) {
        assertEquals(text, PrometheusText.number(value));
    }

    @Test
    void theCountsMustMatchTheBounds() {
        try {
            new BackendMetrics("c", "s", 0, 0, 0, Map.of(), List.of(0.1), List.of(0L), 0);
            fail("a histogram without its +Inf count was accepted");
        } catch (IllegalArgumentException e) {
            assertEquals("cumulativeCounts: 1 entries (expected: 2, one per bound and one for +Inf)", e.getMessage());
        }
    }
}

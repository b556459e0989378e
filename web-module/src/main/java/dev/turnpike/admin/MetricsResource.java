package dev.turnpike.admin;

import dev.turnpike.cdi.LiveRules;
import dev.turnpike.metrics.PrometheusText;
import dev.turnpike.spi.BackendControl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code GET /turnpike/api/metrics}: Prometheus text (format 0.0.4) with each rule's hits and each
 * backend's requests, failures, active connections and latency histogram. A rule is labelled with
 * its name, or its tag when it has none, and where it is declared.
 */
@Path("metrics")
@RequestScoped
public class MetricsResource {

    @Inject
    LiveRules live;

    @Inject
    Instance<BackendControl> backends;

    @GET
    public Response metrics() {
        List<PrometheusText.RuleHits> rules = RuleListing.of(live.current()).stream()
                .map(rule -> new PrometheusText.RuleHits(rule.name() != null ? rule.name() : rule.kind(),
                        rule.origin(), rule.hits()))
                .toList();
        String text = PrometheusText.format(backends.isResolvable() ? backends.get().metrics() : List.of(), rules);
        return Response.ok(text, PrometheusText.CONTENT_TYPE).build();
    }
}

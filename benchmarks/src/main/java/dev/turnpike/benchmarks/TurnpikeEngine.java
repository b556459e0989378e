package dev.turnpike.benchmarks;

import dev.turnpike.benchmarks.RuleSpecs.Case;
import dev.turnpike.benchmarks.RuleSpecs.RuleSpec;
import dev.turnpike.benchmarks.RuleSpecs.Workload;
import dev.turnpike.config.ResinConfigReader;
import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.RequestView;
import dev.turnpike.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Turnpike: the rules as Resin 4 XML ({@code <resin:Dispatch regexp=".." target=".."/>}) read by
 * {@link ResinConfigReader}, evaluated with {@code ruleSet.evaluate(new Exchange(request))}.
 * Resin matches with {@code find()} and a target replaces only the matched part of the path.
 */
@State(Scope.Benchmark)
public class TurnpikeEngine extends EngineState {

    private RuleSet ruleSet;
    private RequestView[] requests;

    @Override
    protected String name() {
        return "turnpike";
    }

    /** The Resin 4 configuration for the rules. */
    static String resinXml(List<RuleSpec> rules) {
        StringBuilder xml = new StringBuilder(rules.size() * 96)
                .append("<web-app xmlns:resin=\"urn:java:com.caucho.resin\">\n");
        for (RuleSpec rule : rules) {
            xml.append("  <resin:Dispatch regexp=\"").append(escape(rule.regex())).append("\" target=\"")
                    .append(escape(rule.target())).append("\"/>\n");
        }
        return xml.append("</web-app>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    protected void build(Workload workload) throws Exception {
        ruleSet = new ResinConfigReader().read("selection.xml",
                resinXml(workload.rules()).getBytes(StandardCharsets.UTF_8));
        if (ruleSet.size() != workload.rules().size()) {
            throw new IllegalStateException("turnpike loaded " + ruleSet.size() + " of " + workload.rules().size()
                    + " rules; skipped: " + ruleSet.skipped());
        }
        requests = workload.cases().stream().map(c -> new BenchRequest(c.uri())).toArray(RequestView[]::new);
    }

    @Override
    public String select(int i) {
        Decision decision = ruleSet.evaluate(new Exchange(requests[i]));
        return decision instanceof Decision.Dispatch dispatch ? dispatch.target() : null;
    }

    @Override
    protected String expected(Case c) {
        return c.replacedTarget();
    }

    /** A GET for a path of the root web-app, without query string, cookies or user. */
    record BenchRequest(String path) implements RequestView {
        @Override public String method() { return "GET"; }
        @Override public String scheme() { return "http"; }
        @Override public boolean secure() { return false; }
        @Override public String serverName() { return "bench.example"; }
        @Override public int serverPort() { return 80; }
        @Override public int localPort() { return 80; }
        @Override public String remoteAddr() { return "127.0.0.1"; }
        @Override public String contextPath() { return ""; }
        @Override public String requestUri() { return path; }
        @Override public String servletPath() { return path; }
        @Override public String pathInfo() { return null; }
        @Override public String queryString() { return null; }
        @Override public String header(String name) { return "host".equalsIgnoreCase(name) ? "bench.example" : null; }
        @Override public String cookie(String name) { return null; }
        @Override public String parameter(String name) { return null; }
        @Override public String authType() { return null; }
        @Override public String remoteUser() { return null; }
        @Override public boolean isUserInRole(String role) { return false; }
        @Override public boolean fileExists() { return false; }
    }
}

package dev.turnpike.benchmarks;

import dev.turnpike.benchmarks.RuleSpecs.Case;
import dev.turnpike.benchmarks.RuleSpecs.RuleSpec;
import dev.turnpike.benchmarks.RuleSpecs.Workload;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tuckey.web.filters.urlrewrite.Conf;
import org.tuckey.web.filters.urlrewrite.NormalRule;
import org.tuckey.web.filters.urlrewrite.RewrittenUrl;
import org.tuckey.web.filters.urlrewrite.UrlRewriter;
import org.tuckey.web.filters.urlrewrite.utils.Log;

/**
 * Tuckey UrlRewriteFilter 5.1.3: a {@link Conf} of {@link NormalRule}s (forward, {@code last=true},
 * case-sensitive {@code from}), evaluated with {@link UrlRewriter#processRequest} on a prebuilt
 * Spring mock request per URI (peers.md §2.2). Tuckey matches with {@code find()} after
 * decoding the URI, and a target replaces only the matched part.
 */
@State(Scope.Benchmark)
public class TuckeyEngine extends EngineState {

    private UrlRewriter rewriter;
    private MockHttpServletRequest[] requests;
    private MockHttpServletResponse[] responses;

    @Override
    protected String name() {
        return "tuckey";
    }

    @Override
    protected void build(Workload workload) {
        Log.setLevel("ERROR");
        Conf conf = new Conf();
        for (RuleSpec spec : workload.rules()) {
            NormalRule rule = new NormalRule();
            rule.setFrom(spec.regex());
            rule.setFromCaseSensitive(true);
            rule.setTo(spec.target());
            rule.setToLast("true");
            conf.addRule(rule);
        }
        conf.initialise();
        if (!conf.isOk()) {
            throw new IllegalStateException("tuckey configuration not ok: " + conf.getErrors());
        }
        rewriter = new UrlRewriter(conf);
        int n = workload.cases().size();
        requests = new MockHttpServletRequest[n];
        responses = new MockHttpServletResponse[n];
        for (int i = 0; i < n; i++) {
            requests[i] = new MockHttpServletRequest("GET", workload.cases().get(i).uri());
            responses[i] = new MockHttpServletResponse();
        }
    }

    @Override
    public String select(int i) throws Exception {
        RewrittenUrl out = rewriter.processRequest(requests[i], responses[i]);
        return out == null ? null : out.getTarget();
    }

    @Override
    protected String expected(Case c) {
        return c.replacedTarget();
    }

    @Override
    protected void release() {
        if (rewriter != null) {
            rewriter.destroy();
        }
    }
}

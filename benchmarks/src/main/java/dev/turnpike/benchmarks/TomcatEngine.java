package dev.turnpike.benchmarks;

import dev.turnpike.benchmarks.RuleSpecs.Case;
import dev.turnpike.benchmarks.RuleSpecs.RuleSpec;
import dev.turnpike.benchmarks.RuleSpecs.Workload;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.valves.rewrite.Resolver;
import org.apache.catalina.valves.rewrite.RewriteRule;
import org.apache.catalina.valves.rewrite.RewriteValve;
import org.apache.juli.logging.LogFactory;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Tomcat 10.1 RewriteValve: {@code rewrite.config} text ({@code RewriteRule regex target [L]})
 * parsed by the valve, then the rule loop of {@code RewriteValve.invoke()} — each
 * {@link RewriteRule#evaluate} in turn until one matches and is last (peers.md §2.4). Not
 * included: {@code invoke()}'s re-encoding before the loop and its decoding, normalisation and
 * re-dispatch after it. Tomcat matches with {@code matches()}, so unanchored rules are given as
 * {@link RuleSpec#fullMatchRegex()}; the target is the whole substitution.
 */
@State(Scope.Benchmark)
public class TomcatEngine extends EngineState {

    private static final Resolver RESOLVER = new Resolver() {
        @Override public String resolve(String key) { return null; }
        @Override public String resolveSsl(String key) { return null; }
        @Override public String resolveHttp(String key) { return null; }
        @Override public boolean resolveResource(int type, String name) { return false; }
        @Override public Charset getUriCharset() { return StandardCharsets.UTF_8; }
    };

    private RewriteRule[] rules;
    private String[] uris;

    @Override
    protected String name() {
        return "tomcat";
    }

    /** The {@code rewrite.config} text for the rules. */
    static String rewriteConfig(List<RuleSpec> rules) {
        StringBuilder config = new StringBuilder(rules.size() * 80);
        for (RuleSpec rule : rules) {
            config.append("RewriteRule ").append(rule.fullMatchRegex()).append(' ').append(rule.target())
                    .append(" [L]\n");
        }
        return config.toString();
    }

    @Override
    protected void build(Workload workload) throws Exception {
        rules = new BenchValve(rewriteConfig(workload.rules())).rules();
        if (rules.length != workload.rules().size()) {
            throw new IllegalStateException("tomcat parsed " + rules.length + " of " + workload.rules().size()
                    + " rules");
        }
        uris = workload.cases().stream().map(Case::uri).toArray(String[]::new);
    }

    @Override
    public String select(int i) {
        CharSequence url = uris[i];
        boolean rewritten = false;
        for (RewriteRule rule : rules) {
            CharSequence next = rule.evaluate(url, RESOLVER);
            if (next != null) {
                url = next;
                rewritten = true;
                if (rule.isLast()) {
                    break;
                }
            }
        }
        return rewritten ? url.toString() : null;
    }

    @Override
    protected String expected(Case c) {
        return c.target();
    }

    /** Reaches the protected {@code parse} and {@code rules}; needs no container. */
    static final class BenchValve extends RewriteValve {
        BenchValve(String config) throws LifecycleException {
            containerLog = LogFactory.getLog(TomcatEngine.class);
            parse(new BufferedReader(new StringReader(config)));
        }

        RewriteRule[] rules() {
            return rules;
        }
    }
}

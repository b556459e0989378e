package dev.turnpike.benchmarks;

import dev.turnpike.benchmarks.RuleSpecs.Case;
import dev.turnpike.benchmarks.RuleSpecs.RuleSpec;
import dev.turnpike.benchmarks.RuleSpecs.Workload;
import java.lang.reflect.Proxy;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.rewrite.handler.RewriteRegexRule;
import org.eclipse.jetty.rewrite.handler.Rule;
import org.eclipse.jetty.rewrite.handler.RuleContainer;
import org.eclipse.jetty.server.Request;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Jetty 12.0 {@code jetty-rewrite}: a {@link RuleContainer} of terminating
 * {@link RewriteRegexRule}s, {@link RuleContainer#matchAndApply} on a {@link Rule.Handler} whose
 * {@code HttpURI} is prebuilt per URI, over a stub core {@link Request} (peers.md §2.6). Jetty
 * matches with {@code matches()}, so unanchored rules are given as
 * {@link RuleSpec#fullMatchRegex()}; the target is the whole substitution, parsed back into an
 * {@code HttpURI}.
 */
@State(Scope.Benchmark)
public class JettyEngine extends EngineState {

    private static final Request STUB = (Request) Proxy.newProxyInstance(JettyEngine.class.getClassLoader(),
            new Class<?>[] {Request.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getHeaders" -> HttpFields.EMPTY;
                case "toString" -> "stub request";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> null;
            });

    private RuleContainer container;
    private HttpURI[] uris;

    @Override
    protected String name() {
        return "jetty";
    }

    @Override
    protected void build(Workload workload) {
        container = new RuleContainer();
        for (RuleSpec spec : workload.rules()) {
            RewriteRegexRule rule = new RewriteRegexRule(spec.fullMatchRegex(), spec.target());
            rule.setTerminating(true);
            container.addRule(rule);
        }
        uris = workload.cases().stream().map(c -> HttpURI.from(c.uri())).toArray(HttpURI[]::new);
    }

    @Override
    public String select(int i) throws Exception {
        Input input = new Input(uris[i]);
        Rule.Handler output = container.matchAndApply(input);
        return output == null || output == input ? null : output.getHttpURI().getPathQuery();
    }

    @Override
    protected String expected(Case c) {
        return c.target();
    }

    /** The request as the rules see it: a fixed URI, everything else from the stub. */
    private static final class Input extends Rule.Handler {
        private final HttpURI uri;

        Input(HttpURI uri) {
            super(STUB);
            this.uri = uri;
        }

        @Override
        public HttpURI getHttpURI() {
            return uri;
        }
    }
}

package dev.turnpike.benchmarks;

import dev.turnpike.benchmarks.RuleSpecs.Workload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rule selection side by side: the time one engine takes to pick the rule for one request and
 * produce its target, with {@code rules} rules of the neutral {@link RuleSpecs} set loaded and
 * the request hitting the {@code first}, {@code middle} or {@code last} rule, no rule
 * ({@code miss}), or each of a fixed cycle of 64 requests in turn ({@code mixed}).
 *
 * <p>Every engine is its own {@code @State} ({@link TurnpikeEngine}, {@link TuckeyEngine},
 * {@link OcpsoftEngine}, {@link TomcatEngine}, {@link UndertowEngine}, {@link JettyEngine}), built
 * once per trial and checked in its {@code @Setup}: each request of the position must produce
 * the expected target (or no match); otherwise the trial fails with an
 * {@link IllegalStateException} before a number is taken.
 *
 * <h2>What is measured, and fairness notes</h2>
 * All rules are first-match-wins and terminating (Resin's Dispatch, Tuckey {@code last="true"},
 * Tomcat {@code [L]}, Undertow {@code done}, Jetty {@code terminating}, OCPsoft stops at the
 * first rule that performs a Forward).
 * <ul>
 *   <li><b>turnpike</b>: Resin 4 XML ({@code <resin:Dispatch regexp target>}) read by
 *       {@code ResinConfigReader}; {@code ruleSet.evaluate(new Exchange(request))} with a
 *       prebuilt request view per URI. {@code find()}; the target replaces only the matched part
 *       ({@code replaceFirst}, as Resin), so the unanchored download rule keeps the URI's prefix
 *       ({@code /files/download/7?file=x}).</li>
 *   <li><b>tuckey</b>: {@code Conf} + {@code NormalRule} ({@code last=true}, case-sensitive
 *       {@code from}; Tuckey's default is case-insensitive), {@code UrlRewriter.processRequest}
 *       with a prebuilt Spring {@code MockHttpServletRequest} per URI. {@code find()}; Tuckey
 *       decodes the URI before matching; the target replaces only the matched part (as
 *       Resin).</li>
 *   <li><b>ocpsoft</b>: the full {@code RewriteFilter.doFilter} (the supported entry point),
 *       rules from a {@code ConfigurationProvider} registered by service file, translated by kind
 *       into OCPsoft's parameterised paths ({@code /app/w/{c}/{n}} with
 *       {@code where("c").matches("[a-z]+")}; the unanchored rule becomes {@code {x}/w/download/{f}}
 *       with {@code x} matching {@code .*}), action {@code Forward.to}. Fresh mock request and
 *       response per invocation (the filter wraps and mutates them), so this includes building
 *       them and the filter's request/response wrapping and lifecycle listeners.</li>
 *   <li><b>tomcat</b>: {@code rewrite.config} text with {@code [L]} parsed by a
 *       {@code RewriteValve} subclass; the loop of {@code RewriteRule.evaluate} that
 *       {@code invoke()} runs (step 2 only: no {@code encodeForRewrite}, normalisation or
 *       re-dispatch). Tomcat uses {@code matches()}: the unanchored rule is given as
 *       {@code .*?(?:regex).*}. The target is the whole substitution. Each rule keeps its
 *       {@code Pattern} in a {@code ThreadLocal}: one thread-local lookup per rule tried.</li>
 *   <li><b>undertow</b>: {@code regex('...') -> { rewrite('...'); done }} text parsed by
 *       {@code PredicatedHandlersParser}, run by {@code PredicatesHandler} on a fresh
 *       connection-less {@code HttpServerExchange} per invocation. {@code find()}. Undertow gets
 *       the query-free targets ({@code /target/i/$1/$2}): a target with a query string needs a
 *       real connection.</li>
 *   <li><b>jetty</b>: {@code RuleContainer} of terminating {@code RewriteRegexRule}s
 *       ({@code matchAndApply} on a {@code Rule.Handler} over a stub core {@code Request} with a
 *       prebuilt {@code HttpURI}). Jetty uses {@code matches()}: unanchored rule as for Tomcat.
 *       The target is the whole substitution; Jetty parses it back into an {@code HttpURI}.</li>
 * </ul>
 * No request has a query string or a percent-encoded character, so query handling and decoding
 * differences do not change which rule is selected; they only cost what each engine spends on
 * them. The URIs' context path is empty. The single-URI positions repeat one URI on every call
 * and {@code mixed} a cycle of 64. Turnpike caches its candidate list per path (the candidates'
 * regexps still run on every call); the peers cache nothing. Run Turnpike with
 * {@code -jvmArgs -Dturnpike.selection.cache=false} to measure its index without that cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SelectionBenchmark {

    /** The benchmark point: rule count and request position, and the workload made from them. */
    @State(Scope.Benchmark)
    public static class Point {

        @Param({"10", "100", "1000", "10000"})
        public int rules;

        @Param({"first", "middle", "last", "miss", "mixed"})
        public String position;

        private Workload workload;
        private int mask;
        private int cursor;

        @Setup(Level.Trial)
        public void setUp() {
            workload = RuleSpecs.workload(rules, position);
            mask = workload.cases().size() - 1;
            cursor = 0;
        }

        /** The workload; built on first use when the point is used outside JMH. */
        public Workload workload() {
            if (workload == null) {
                setUp();
            }
            return workload;
        }

        /** The case for the next invocation: always 0, or the next of the mixed cycle. */
        int next() {
            int i = cursor;
            cursor = (i + 1) & mask;
            return i;
        }
    }

    @Benchmark
    public String turnpike(Point point, TurnpikeEngine engine) throws Exception {
        return engine.select(point.next());
    }

    @Benchmark
    public String tuckey(Point point, TuckeyEngine engine) throws Exception {
        return engine.select(point.next());
    }

    @Benchmark
    public String ocpsoft(Point point, OcpsoftEngine engine) throws Exception {
        return engine.select(point.next());
    }

    @Benchmark
    public String tomcat(Point point, TomcatEngine engine) throws Exception {
        return engine.select(point.next());
    }

    @Benchmark
    public String undertow(Point point, UndertowEngine engine) throws Exception {
        return engine.select(point.next());
    }

    @Benchmark
    public String jetty(Point point, JettyEngine engine) throws Exception {
        return engine.select(point.next());
    }
}

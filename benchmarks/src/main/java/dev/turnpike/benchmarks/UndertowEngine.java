package dev.turnpike.benchmarks;

import dev.turnpike.benchmarks.RuleSpecs.Case;
import dev.turnpike.benchmarks.RuleSpecs.RuleSpec;
import dev.turnpike.benchmarks.RuleSpecs.Workload;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.builder.PredicatedHandler;
import io.undertow.server.handlers.builder.PredicatedHandlersParser;
import java.util.List;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Undertow 2.3 predicates: {@code undertow-handlers.conf} text
 * ({@code regex('..') -> { rewrite('..'); done }}; case-sensitive, as every engine here) parsed by {@link PredicatedHandlersParser} and
 * run by the {@code PredicatesHandler} from {@link Handlers#predicates} on a fresh
 * connection-less {@link HttpServerExchange} per invocation (peers.md §2.5). {@code regex} uses
 * {@code find()}. The targets are the query-free {@link RuleSpec#pathTarget() path targets}:
 * rewriting to a target with a query string dereferences the exchange's connection.
 */
@State(Scope.Benchmark)
public class UndertowEngine extends EngineState {

    private static final HttpHandler NEXT = exchange -> { };

    private HttpHandler handler;
    private String[] uris;

    @Override
    protected String name() {
        return "undertow";
    }

    /** The {@code undertow-handlers.conf} text for the rules. */
    static String handlersConf(List<RuleSpec> rules) {
        StringBuilder conf = new StringBuilder(rules.size() * 80);
        for (RuleSpec rule : rules) {
            conf.append("regex('").append(quote(rule.regex())).append("') -> { rewrite('")
                    .append(quote(rule.pathTarget().replaceAll("\\$(\\d)", "\\${$1}"))).append("'); done }\n");
        }
        return conf.toString();
    }

    /**
     * Quotes for a single-quoted string of the predicate language: a backslash escapes only a
     * quote and is otherwise kept, so regex escapes such as {@code \.} stay as they are.
     */
    private static String quote(String text) {
        return text.replace("'", "\\'");
    }

    @Override
    protected void build(Workload workload) {
        List<PredicatedHandler> handlers = PredicatedHandlersParser.parse(handlersConf(workload.rules()),
                UndertowEngine.class.getClassLoader());
        if (handlers.size() != workload.rules().size()) {
            throw new IllegalStateException("undertow parsed " + handlers.size() + " of " + workload.rules().size()
                    + " rules");
        }
        handler = Handlers.predicates(handlers, NEXT);
        uris = workload.cases().stream().map(Case::uri).toArray(String[]::new);
    }

    @Override
    public String select(int i) throws Exception {
        String uri = uris[i];
        HttpServerExchange exchange = new HttpServerExchange(null);
        exchange.setRequestURI(uri);
        exchange.setRequestPath(uri);
        exchange.setRelativePath(uri);
        exchange.setResolvedPath("");
        handler.handleRequest(exchange);
        String path = exchange.getRelativePath();
        return path.equals(uri) ? null : path;
    }

    @Override
    protected String expected(Case c) {
        return c.pathTarget();
    }
}

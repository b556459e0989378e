package dev.turnpike.benchmarks;

import dev.turnpike.benchmarks.RuleSpecs.Case;
import dev.turnpike.benchmarks.RuleSpecs.RuleSpec;
import dev.turnpike.benchmarks.RuleSpecs.Workload;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import java.util.List;
import org.ocpsoft.rewrite.config.Configuration;
import org.ocpsoft.rewrite.config.ConfigurationBuilder;
import org.ocpsoft.rewrite.servlet.RewriteFilter;
import org.ocpsoft.rewrite.servlet.config.Forward;
import org.ocpsoft.rewrite.servlet.config.HttpConfigurationProvider;
import org.ocpsoft.rewrite.servlet.config.Path;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

/**
 * OCPsoft Rewrite 10.0: the real {@link RewriteFilter} (the supported entry point) initialised
 * on a fresh {@link MockServletContext} per trial, so its configuration cache is rebuilt; the
 * rules come from {@link Provider}, registered in
 * {@code META-INF/services/org.ocpsoft.rewrite.config.ConfigurationProvider}, which reads them
 * from a static set just before {@code init} (peers.md §2.3).
 *
 * <p>OCPsoft has no raw-regex path condition; each rule is translated by kind into its
 * idiomatic parameterised form, which compiles to the same regex: {@code /app/w/{c}/{n}} with
 * {@code c} matching {@code [a-z]+} and {@code n} {@code [0-9]+}; {@code /legacy/w.html};
 * {@code /{l}/w/{p}} with {@code l} matching {@code en|fr|de} and {@code p} {@code .*}; and
 * {@code {x}/w/download/{f}} with {@code x} matching {@code .*} (find() semantics for the
 * unanchored rule) and {@code f} {@code [^/]+}. Paths match the whole path; the action is
 * {@code Forward.to(target)}, read back from the mock response's forwarded URL. Each invocation
 * builds a fresh mock request and response (the filter wraps and mutates them).
 */
@State(Scope.Benchmark)
public class OcpsoftEngine extends EngineState {

    private static final FilterChain NO_OP = (request, response) -> { };

    private MockServletContext context;
    private RewriteFilter filter;
    private String[] uris;

    @Override
    protected String name() {
        return "ocpsoft";
    }

    @Override
    protected void build(Workload workload) throws Exception {
        Provider.rules = workload.rules();
        context = new MockServletContext();
        context.addInitParameter("org.ocpsoft.rewrite.annotation.BASE_PACKAGES", "none");
        filter = new RewriteFilter();
        filter.init(new MockFilterConfig(context));
        uris = workload.cases().stream().map(Case::uri).toArray(String[]::new);
    }

    @Override
    public String select(int i) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(context, "GET", uris[i]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, NO_OP);
        return response.getForwardedUrl();
    }

    @Override
    protected String expected(Case c) {
        return c.target();
    }

    @Override
    protected void release() {
        if (filter != null) {
            filter.destroy();
        }
        Provider.rules = List.of();
    }

    /** The rule set of the current trial, as OCPsoft configuration. */
    public static class Provider extends HttpConfigurationProvider {

        static volatile List<RuleSpec> rules = List.of();

        @Override
        public Configuration getConfiguration(ServletContext context) {
            ConfigurationBuilder builder = ConfigurationBuilder.begin();
            for (RuleSpec rule : rules) {
                String w = rule.word();
                int i = rule.index();
                switch (rule.kind()) {
                    case APP -> builder.addRule()
                            .when(Path.matches("/app/" + w + "/{c}/{n}"))
                            .perform(Forward.to("/target/" + i + "?cat={c}&id={n}"))
                            .where("c").matches("[a-z]+")
                            .where("n").matches("[0-9]+");
                    case LEGACY -> builder.addRule()
                            .when(Path.matches("/legacy/" + w + ".html"))
                            .perform(Forward.to("/pages/" + i + ".jsp"));
                    case LOCALE -> builder.addRule()
                            .when(Path.matches("/{l}/" + w + "/{p}"))
                            .perform(Forward.to("/content/" + i + "?lang={l}&path={p}"))
                            .where("l").matches("en|fr|de")
                            .where("p").matches(".*");
                    case DOWNLOAD -> builder.addRule()
                            .when(Path.matches("{x}/" + w + "/download/{f}"))
                            .perform(Forward.to("/download/" + i + "?file={f}"))
                            .where("x").matches(".*")
                            .where("f").matches("[^/]+");
                }
            }
            return builder;
        }

        @Override
        public int priority() {
            return 0;
        }
    }
}

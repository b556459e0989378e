package dev.turnpike.rules.custom;

import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.RuleFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Objects;

/**
 * A standard servlet {@link Filter} used as a rule filter: as a child of a rule it wraps the
 * handling of requests the rule fires for; at the top of a container it wraps every request. The
 * web tier runs the filters an exchange collected around whatever handles the request, the first
 * collected outermost.
 *
 * <p>The filter is initialised once, with the web-app's context, before the first request it
 * sees; one instance serves every thread, as a container's filters do.
 */
public final class ServletFilterRule implements RuleFilter {

    private final Filter filter;
    private final String name;
    private final String syntax;
    private volatile boolean initialised;

    /**
     * @param filter the configured filter
     * @param name   the filter's name, as {@link FilterConfig#getFilterName()} reports it
     * @param syntax the element as written, for listings and logs
     */
    public ServletFilterRule(Filter filter, String name, String syntax) {
        this.filter = Objects.requireNonNull(filter, "filter");
        this.name = Objects.requireNonNull(name, "name");
        this.syntax = Objects.requireNonNull(syntax, "syntax");
    }

    @Override
    public void apply(Exchange exchange, String subject) {
        exchange.wrapWith(this);
    }

    /**
     * The filter, initialised with {@code context} on first use.
     *
     * @throws ServletException when the filter's {@code init} fails; it is tried again on the next request
     */
    public Filter ready(ServletContext context) throws ServletException {
        if (!initialised) {
            synchronized (this) {
                if (!initialised) {
                    filter.init(new Config(context));
                    initialised = true;
                }
            }
        }
        return filter;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return syntax;
    }

    private final class Config implements FilterConfig {
        private final ServletContext context;

        Config(ServletContext context) {
            this.context = context;
        }

        @Override
        public String getFilterName() {
            return name;
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }

        @Override
        public String getInitParameter(String parameter) {
            return null;
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.emptyEnumeration();
        }
    }
}

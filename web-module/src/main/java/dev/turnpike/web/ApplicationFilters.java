package dev.turnpike.web;

import dev.turnpike.rules.custom.ServletFilterRule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import java.util.List;

/** Runs the application's servlet filters rules asked for around the handling of a request. */
final class ApplicationFilters {

    private ApplicationFilters() {
    }

    /** {@code handling} wrapped in the filters, the first outermost. */
    static FilterChain around(List<ServletFilterRule> filters, ServletContext context, FilterChain handling) {
        FilterChain chain = handling;
        for (int i = filters.size() - 1; i >= 0; i--) {
            ServletFilterRule filter = filters.get(i);
            FilterChain next = chain;
            chain = (request, response) -> filter.ready(context).doFilter(request, response, next);
        }
        return chain;
    }
}

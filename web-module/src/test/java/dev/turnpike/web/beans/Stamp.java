package dev.turnpike.web.beans;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** Adds a response header naming the value, the filter and how often it was initialised. */
public class Stamp implements Filter {

    private final AtomicInteger inits = new AtomicInteger();
    private String name = "X-Stamp";
    private String value = "stamped";
    private String filterName;

    public void setName(String name) {
        this.name = name;
    }

    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public void init(FilterConfig config) {
        inits.incrementAndGet();
        filterName = config.getFilterName() + (config.getServletContext() == null ? " without context" : "");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ((HttpServletResponse) response).addHeader(name, value + " by " + filterName + " init " + inits.get());
        chain.doFilter(request, response);
    }
}

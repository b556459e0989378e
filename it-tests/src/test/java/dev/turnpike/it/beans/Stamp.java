package dev.turnpike.it.beans;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A servlet filter adding {@code X-Stamp: <value>} to the response. */
public class Stamp implements Filter {

    private String value = "stamped";

    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ((HttpServletResponse) response).addHeader("X-Stamp", value);
        chain.doFilter(request, response);
    }
}

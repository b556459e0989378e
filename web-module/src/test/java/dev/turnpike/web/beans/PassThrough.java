package dev.turnpike.web.beans;

import dev.turnpike.spi.AbstractTargetDispatchRule;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;

/** Marks the response, then serves the original request through the chain it was handed. */
public class PassThrough extends AbstractTargetDispatchRule {

    private String mark = "through";

    public void setMark(String mark) {
        this.mark = mark;
    }

    @Override
    protected FilterChain createDispatch(DispatcherType type, String uri, String queryString, String target,
                                         FilterChain next) {
        return (request, response) -> {
            ((HttpServletResponse) response).setHeader("X-Mark", mark);
            next.doFilter(request, response);
        };
    }
}

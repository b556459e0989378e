package dev.turnpike.config.beans;

import dev.turnpike.spi.AbstractTargetDispatchRule;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;

/** An application rule answering with a fixed status and the rule's target in a header. */
public class Banner extends AbstractTargetDispatchRule {

    private int status = 200;

    public void setStatus(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    @Override
    protected FilterChain createDispatch(DispatcherType type, String uri, String queryString, String target,
                                         FilterChain next) {
        return (request, response) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(status);
            http.setHeader("X-Banner", uri + " -> " + target + (queryString == null ? "" : " ?" + queryString));
        };
    }
}

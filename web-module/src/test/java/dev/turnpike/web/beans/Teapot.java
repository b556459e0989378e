package dev.turnpike.web.beans;

import dev.turnpike.spi.AbstractTargetDispatchRule;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;

/** Answers 418 with what the rule was handed: the matched path, the target and the query. */
public class Teapot extends AbstractTargetDispatchRule {

    @Override
    protected FilterChain createDispatch(DispatcherType type, String uri, String queryString, String target,
                                         FilterChain next) {
        return (request, response) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(418);
            http.setContentType("text/plain");
            http.getWriter().print(type + " " + uri + " -> " + target + " ? " + queryString);
        };
    }
}

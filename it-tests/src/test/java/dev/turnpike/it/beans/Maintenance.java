package dev.turnpike.it.beans;

import dev.turnpike.spi.AbstractTargetDispatchRule;
import jakarta.annotation.PostConstruct;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/** Answers 503 with {@code Retry-After}, naming the page that is down. */
public class Maintenance extends AbstractTargetDispatchRule {

    private Duration retryAfter;

    public void setRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @PostConstruct
    void requireRetryAfter() {
        if (retryAfter == null) {
            throw new IllegalStateException("Maintenance needs retry-after");
        }
    }

    @Override
    protected FilterChain createDispatch(DispatcherType type, String uri, String queryString, String target,
                                         FilterChain next) {
        return (request, response) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
            http.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, target + " is down for maintenance");
        };
    }
}

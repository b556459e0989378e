package dev.turnpike.spi;

import dev.turnpike.rules.Decision;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Carries a proxying rule's request to its backend and the answer back: implemented by Turnpike's
 * connectors (HMUX clusters, HTTP and FastCGI proxies) as an application-scoped bean, used by the
 * dispatch filter.
 */
@FunctionalInterface
public interface BackendHandler {

    /**
     * Serves the request from the backend the decision names, or answers with an error status
     * (502, 503) that says why not. Throws an {@link IOException} only when the browser's
     * connection must be cut because a response had started when the backend failed.
     */
    void handle(Decision.Proxy decision, HttpServletRequest request, HttpServletResponse response) throws IOException;

    /** Every backend the handler balances over, cluster by cluster, for the status pages. */
    default List<BackendStatus> backends() {
        return List.of();
    }
}

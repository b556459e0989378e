package dev.turnpike.rules.custom;

import dev.turnpike.rules.Exchange;
import jakarta.servlet.http.HttpServletRequest;

/** The servlet request application code sees while rules run. */
public final class ServletRequests {

    private ServletRequests() {
    }

    /**
     * The exchange's servlet request, reporting what rules changed so far (the secure flag).
     *
     * @throws IllegalStateException when the exchange was not made from a servlet request
     */
    public static HttpServletRequest of(Exchange exchange) {
        HttpServletRequest request = exchange.unwrap(HttpServletRequest.class);
        if (request == null) {
            throw new IllegalStateException("application predicates and rules need a servlet request; this exchange"
                    + " was made from " + exchange.request().getClass().getName());
        }
        Boolean secure = exchange.secureOverride();
        return secure == null ? request : new SecureOverrideRequest(request, secure);
    }
}

package dev.turnpike.balance;

import java.util.Map;
import java.util.Objects;

/**
 * What the balancer reads from a request to find the backend it belongs to, in plain values so
 * that no servlet type reaches this package.
 *
 * @param cookies    the request's cookies by name; where a name appears twice the web tier keeps
 *                   the last, as Resin's load balancer does
 * @param secure     whether the request came over HTTPS, which selects the SSL session cookie
 * @param requestUri the request URI as received, undecoded, without the query string
 */
public record StickyRequest(Map<String, String> cookies, boolean secure, String requestUri) {

    public StickyRequest {
        cookies = Map.copyOf(cookies);
        Objects.requireNonNull(requestUri, "requestUri");
    }
}

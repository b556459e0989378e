package dev.turnpike.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request dispatched to another path by a {@code Dispatch} rule: as in Resin, it keeps reporting
 * the URI the client sent, while its servlet path and path info describe the target.
 */
final class OriginalUriRequest extends HttpServletRequestWrapper {

    private final String requestUri;
    private final StringBuffer requestUrl;

    OriginalUriRequest(HttpServletRequest request) {
        super(request);
        this.requestUri = request.getRequestURI();
        this.requestUrl = request.getRequestURL();
    }

    @Override
    public String getRequestURI() {
        return requestUri;
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer(requestUrl);
    }
}

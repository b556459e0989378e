package dev.turnpike.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request that reports itself secure (scheme {@code https}) or not, as a rule decided. */
final class SecureOverrideRequest extends HttpServletRequestWrapper {

    private final boolean secure;

    SecureOverrideRequest(HttpServletRequest request, boolean secure) {
        super(request);
        this.secure = secure;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getScheme() {
        return secure ? "https" : "http";
    }
}

package dev.turnpike.rules.custom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request that reports itself secure (scheme {@code https}) or not, as a rule decided. */
public final class SecureOverrideRequest extends HttpServletRequestWrapper {

    private final boolean secure;

    public SecureOverrideRequest(HttpServletRequest request, boolean secure) {
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

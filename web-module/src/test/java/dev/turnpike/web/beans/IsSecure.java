package dev.turnpike.web.beans;

import dev.turnpike.spi.RequestPredicate;
import jakarta.servlet.http.HttpServletRequest;

/** Passes when the request reports itself secure. */
public class IsSecure implements RequestPredicate {

    @Override
    public boolean isMatch(HttpServletRequest request) {
        return request.isSecure() && "https".equals(request.getScheme());
    }
}

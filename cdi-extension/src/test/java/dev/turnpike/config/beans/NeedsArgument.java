package dev.turnpike.config.beans;

import dev.turnpike.spi.RequestPredicate;
import jakarta.servlet.http.HttpServletRequest;

/** A predicate the configuration cannot make: it has no no-argument constructor. */
public class NeedsArgument implements RequestPredicate {

    private final String value;

    public NeedsArgument(String value) {
        this.value = value;
    }

    @Override
    public boolean isMatch(HttpServletRequest request) {
        return value.equals(request.getRequestURI());
    }
}

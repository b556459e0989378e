package dev.turnpike.cdi.beans;

import dev.turnpike.spi.RequestPredicate;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Not a bean, and needs a service nobody provides. */
public class NeedsUnavailable implements RequestPredicate {

    @Inject
    Unavailable missing;

    @Override
    public boolean isMatch(HttpServletRequest request) {
        return true;
    }
}

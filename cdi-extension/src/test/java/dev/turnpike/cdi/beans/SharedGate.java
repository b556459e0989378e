package dev.turnpike.cdi.beans;

import dev.turnpike.spi.RequestPredicate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;

/** An application-scoped predicate: one instance the whole application shares. */
@ApplicationScoped
public class SharedGate implements RequestPredicate {

    private String mode = "closed";

    public void setMode(String mode) {
        this.mode = mode;
    }

    @Override
    public boolean isMatch(HttpServletRequest request) {
        return "X".equals(request.getHeader("X-Gate")) || mode.equals("open");
    }
}

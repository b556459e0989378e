package dev.turnpike.it.beans;

import dev.turnpike.spi.RequestPredicate;
import jakarta.servlet.http.HttpServletRequest;

/** Passes when the {@code X-Client} header has the configured value. */
public class ClientSays implements RequestPredicate {

    private String value;

    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public boolean isMatch(HttpServletRequest request) {
        return value.equals(request.getHeader("X-Client"));
    }
}

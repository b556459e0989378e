package dev.turnpike.web.beans;

import dev.turnpike.spi.RequestPredicate;
import jakarta.servlet.http.HttpServletRequest;

/** Passes when a header has exactly the configured value. */
public class HeaderIs implements RequestPredicate {

    private String header;
    private String value;

    public void setHeader(String header) {
        this.header = header;
    }

    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public boolean isMatch(HttpServletRequest request) {
        return value.equals(request.getHeader(header));
    }
}

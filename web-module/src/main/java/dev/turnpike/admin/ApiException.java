package dev.turnpike.admin;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An API answer with an error status and an {@link ApiError} body. */
final class ApiException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    ApiException(int status, String message) {
        this(status, message, List.of());
    }

    ApiException(int status, String message, List<String> details) {
        super(message, Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(status, message, details)).build());
    }
}

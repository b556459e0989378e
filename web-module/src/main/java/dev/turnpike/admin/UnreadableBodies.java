package dev.turnpike.admin;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A request body that is not the JSON a call takes answers 400, saying where reading it stopped. */
@Provider
public class UnreadableBodies implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(400, "the request body is not the JSON this call takes", List.of(detail)))
                .build();
    }
}

package dev.turnpike.admin;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Invalid API input answers 400 with each violation as {@code field: message}, the field named
 * within the request body (the method and parameter parts of the path left out). The rejected
 * values are not echoed, and messages are the constraints' own, never built from the input.
 */
@Provider
public class ValidationErrors implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<String> details = exception.getConstraintViolations().stream().map(ValidationErrors::describe).sorted()
                .toList();
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(400, "the request is not valid", details)).build();
    }

    private static String describe(ConstraintViolation<?> violation) {
        String[] path = violation.getPropertyPath().toString().split("\\.", 3);
        String field = path.length == 3 ? path[2] : path[path.length - 1];
        return field + ": " + violation.getMessage();
    }
}

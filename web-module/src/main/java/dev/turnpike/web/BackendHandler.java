package dev.turnpike.web;

import dev.turnpike.rules.Decision;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Carries a proxying rule's request to its backend and the answer back. */
@FunctionalInterface
public interface BackendHandler {

    /** Serves the request from the backend the decision names. */
    void handle(Decision.Proxy decision, HttpServletRequest request, HttpServletResponse response) throws IOException;
}

package dev.turnpike.web;

import dev.turnpike.rules.Decision;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** Carries out a rule's decision on the servlet response. */
final class DecisionWriter {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.web");

    private DecisionWriter() {
    }

    /** Writes the response for a decision other than {@link Decision#PASS}. */
    static void write(Decision decision, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            LOG.severe(() -> "cannot apply " + decision.rule() + " (" + decision.rule().origin()
                    + "): the response has already started");
            return;
        }
        if (decision instanceof Decision.SendError error) {
            response.sendError(error.status());
        } else if (decision instanceof Decision.Redirect redirect) {
            redirect(redirect, response);
        } else {
            throw new IllegalArgumentException("not a decision to write: " + decision);
        }
    }

    /** Status, {@code Location} and a small HTML body with the link, as Resin sends them. */
    private static void redirect(Decision.Redirect redirect, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(redirect.status());
        response.setHeader("Location", redirect.location());
        response.setContentType("text/html; charset=utf-8");
        byte[] body = ("The URL has moved <a href=\"" + Html.escape(redirect.location()) + "\">here</a>\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}

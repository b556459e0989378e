package dev.turnpike.web;

import dev.turnpike.spi.BackendHandler;
import dev.turnpike.rules.Decision;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** Carries out a rule's decision on the servlet request and response. */
final class DecisionWriter {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.web");

    private DecisionWriter() {
    }

    /**
     * Carries out a decision other than {@link Decision.Pass}.
     *
     * @param chain the request's own chain, which an application's rule may continue with
     */
    static void write(Decision decision, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                      BackendHandler backends) throws IOException, ServletException {
        if (response.isCommitted()) {
            LOG.severe(() -> "cannot apply " + decision.rule() + " (" + decision.rule().origin()
                    + "): the response has already started");
            return;
        }
        if (decision instanceof Decision.SendError error) {
            if (error.message() == null) {
                response.sendError(error.status());
            } else {
                response.sendError(error.status(), error.message());
            }
        } else if (decision instanceof Decision.Redirect redirect) {
            redirect(redirect, response);
        } else if (decision instanceof Decision.Dispatch dispatch) {
            forward(request.getServletContext(), dispatch.target(), new OriginalUriRequest(request), response);
        } else if (decision instanceof Decision.Forward forward) {
            ServletContext context = request.getServletContext();
            if (forward.viaRoot()) {
                ServletContext root = context.getContext("/");
                context = root == null ? context : root;
            }
            forward(context, forward.target(), request, response);
        } else if (decision instanceof Decision.Proxy proxy) {
            backends.handle(proxy, request, response);
        } else if (decision instanceof Decision.Custom custom) {
            custom.handler().dispatch(DispatcherType.REQUEST, custom.uri(), custom.queryString(), custom.target(), chain)
                    .doFilter(request, response);
        } else {
            throw new IllegalArgumentException("not a decision to write: " + decision);
        }
    }

    private static void forward(ServletContext context, String target, HttpServletRequest request,
                                HttpServletResponse response) throws IOException, ServletException {
        String path = DispatchTargets.encode(target);
        RequestDispatcher dispatcher = path.startsWith("/") ? context.getRequestDispatcher(path)
                : request.getRequestDispatcher(path);
        if (dispatcher == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        dispatcher.forward(request, response);
    }

    /**
     * Status, {@code Location} and a small HTML body with the link, as Resin sends them: a 302
     * says "here", a 301 repeats the location and carries no content type.
     */
    private static void redirect(Decision.Redirect redirect, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(redirect.status());
        response.setHeader("Location", redirect.location());
        String link = Html.escape(redirect.location());
        String body;
        if (redirect.status() == HttpServletResponse.SC_MOVED_PERMANENTLY) {
            body = "The URL has moved to <a href=\"" + link + "\">" + link + "</a>\n";
        } else {
            response.setContentType("text/html; charset=utf-8");
            body = "The URL has moved <a href=\"" + link + "\">here</a>\n";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}

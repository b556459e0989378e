package dev.turnpike.web;

import dev.turnpike.cdi.LiveRules;
import dev.turnpike.config.ConfigProblem;
import dev.turnpike.rules.Rule;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code /caucho-status}: the rules serving now, where they came from, and the problems of the
 * last load, as an HTML page. Backend tables join it with the load balancer.
 */
@WebServlet(name = "TurnpikeCauchoStatus", urlPatterns = "/caucho-status")
public class CauchoStatusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LiveRules live;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LiveRules.Snapshot snapshot = live.snapshot();
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Status : Turnpike</title></head><body>");
        out.println("<h1>Status : Turnpike</h1>");
        out.println("<h2>Configuration</h2>");
        out.println("<table border=\"1\" cellpadding=\"4\">");
        row(out, "source", snapshot.source());
        row(out, "loaded", snapshot.loadedAt() == null ? "never" : snapshot.loadedAt().toString());
        row(out, "last load failed", snapshot.failedAt() == null ? "no" : snapshot.failedAt().toString());
        out.println("</table>");
        if (!snapshot.problems().isEmpty()) {
            out.println("<h2>Problems of the last load</h2><ul class=\"problems\">");
            for (ConfigProblem problem : snapshot.problems()) {
                out.println("<li><code>" + Html.escape(problem.toString()) + "</code></li>");
            }
            out.println("</ul>");
        }
        out.println("<h2>Rules</h2>");
        if (snapshot.rules() == null) {
            out.println("<p>No rules are loaded: every request answers 503.</p>");
        } else {
            out.println("<table border=\"1\" cellpadding=\"4\" class=\"rules\"><tr><th>#</th><th>rule</th><th>declared at</th></tr>");
            int index = 1;
            for (Rule rule : snapshot.rules().rules()) {
                out.println("<tr><td>" + index++ + "</td><td><code>" + Html.escape(rule.toString()) + "</code></td><td>"
                        + Html.escape(rule.origin()) + "</td></tr>");
            }
            out.println("</table>");
        }
        out.println("</body></html>");
    }

    private static void row(PrintWriter out, String name, String value) {
        out.println("<tr><th align=\"left\">" + name + "</th><td>" + Html.escape(value) + "</td></tr>");
    }
}

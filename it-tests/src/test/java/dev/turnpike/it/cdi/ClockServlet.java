package dev.turnpike.it.cdi;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/** Sets the {@link SettableClock}: {@code /it-clock?at=2030-01-07T10:00:00Z}. */
@WebServlet("/it-clock")
public class ClockServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SettableClock.set(Instant.parse(request.getParameter("at")));
        response.setContentType("text/plain");
        response.getWriter().print("now " + request.getParameter("at"));
    }
}

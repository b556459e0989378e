package dev.turnpike.it.hostile;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The resource a {@code resin:Forbidden} rule protects in the hostile-request suite: whatever
 * reaches it answers {@code SECRET}, so a response carrying that word is a bypass.
 */
@WebServlet("/admin/*")
public class SecretServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("SECRET admin " + request.getServletPath() + request.getPathInfo() + "\n");
    }
}

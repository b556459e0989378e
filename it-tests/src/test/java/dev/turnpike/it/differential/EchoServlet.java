package dev.turnpike.it.differential;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Servlet added to Turnpike's web-app in the differential tests that describes the request it
 * received, one {@code key=value} line each, in exactly the format of the Resin oracle's
 * {@code ResinEchoServlet}, so responses can be compared field by field.
 */
@WebServlet(urlPatterns = {"/echo/*", "*.jsp", "*.php", "*.do"})
public class EchoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final String FORWARD = "jakarta.servlet.forward.";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder out = new StringBuilder();
        line(out, "method", request.getMethod());
        line(out, "requestURI", request.getRequestURI());
        line(out, "contextPath", request.getContextPath());
        line(out, "servletPath", request.getServletPath());
        line(out, "pathInfo", request.getPathInfo());
        line(out, "queryString", request.getQueryString());
        for (String name : new String[] {"request_uri", "context_path", "servlet_path", "path_info", "query_string"}) {
            line(out, "forward." + name, request.getAttribute(FORWARD + name));
        }
        line(out, "secure", request.isSecure());
        line(out, "scheme", request.getScheme());
        line(out, "serverName", request.getServerName());
        line(out, "serverPort", request.getServerPort());
        line(out, "characterEncoding", request.getCharacterEncoding());
        for (Map.Entry<String, String[]> parameter : new TreeMap<>(request.getParameterMap()).entrySet()) {
            line(out, "param." + parameter.getKey(), String.join(",", parameter.getValue()));
        }

        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        PrintWriter writer = response.getWriter();
        writer.write(out.toString());
        writer.flush();
    }

    private static void line(StringBuilder out, String key, Object value) {
        out.append(key).append('=').append(value).append('\n');
    }
}

package dev.turnpike.it.resin;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Servlet deployed into the Resin oracle that describes the request it received, one
 * {@code key=value} line each, so responses can be compared field by field with the
 * Jakarta twin deployed into WildFly.
 *
 * <p>A request header {@value #EXTRAS} asks for more, as comma-separated words: {@code headers}
 * adds a {@code header.Name=value} line per header and a {@code cookie.name=value} line per
 * cookie; {@code body} reads the whole request body first and adds {@code body.length} and
 * {@code body.sha256}; {@code size=N} appends N bytes of {@code abc…xyzabc…} after the
 * description; {@code server} adds the id of the Resin server answering ({@value #SERVER_PROPERTY});
 * {@code session} creates a session if there is none and adds its id; {@code log} appends
 * {@code METHOD id} (the {@code id} parameter) to the file {@value #LOG_PROPERTY} names, one line
 * per request, so a test can count what each server really received. The HMUX tests use them; the differential suite never sends the header, so
 * its twin has no such extras.
 *
 * <p>Self-contained on purpose: only its class file is copied into the Resin web-app.
 */
public class ResinEchoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final String FORWARD = "javax.servlet.forward.";
    private static final String EXTRAS = "X-Echo";

    /** The system property naming the Resin server this servlet runs in, set by the test. */
    public static final String SERVER_PROPERTY = "turnpike.it.server-id";

    /** The system property naming the file {@code log} appends to, set by the test. */
    public static final String LOG_PROPERTY = "turnpike.it.request-log";

    private static final Object LOG_LOCK = new Object();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Set<String> extras = extras(request);
        String body = extras.contains("body") ? digest(request.getInputStream()) : "";
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
        if (extras.contains("server")) {
            line(out, "server", System.getProperty(SERVER_PROPERTY));
        }
        if (extras.contains("log")) {
            appendToLog(request.getMethod() + " " + request.getParameter("id") + "\n");
        }
        if (extras.contains("session")) {
            line(out, "session", request.getSession(true).getId());
        }
        for (Map.Entry<String, String[]> parameter : new TreeMap<>(request.getParameterMap()).entrySet()) {
            line(out, "param." + parameter.getKey(), String.join(",", parameter.getValue()));
        }
        if (extras.contains("headers")) {
            headers(request, out);
        }
        out.append(body);

        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        PrintWriter writer = response.getWriter();
        writer.write(out.toString());
        for (String extra : extras) {
            if (extra.startsWith("size=")) {
                filler(writer, Integer.parseInt(extra.substring("size=".length())));
            }
        }
        writer.flush();
    }

    private static void appendToLog(String line) throws IOException {
        String file = System.getProperty(LOG_PROPERTY);
        if (file == null) {
            return;
        }
        synchronized (LOG_LOCK) {
            try (FileOutputStream out = new FileOutputStream(file, true)) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static Set<String> extras(HttpServletRequest request) {
        String header = request.getHeader(EXTRAS);
        if (header == null) {
            return Collections.emptySet();
        }
        Set<String> extras = new HashSet<>();
        for (String word : header.split(",")) {
            extras.add(word.trim());
        }
        return extras;
    }

    private static void headers(HttpServletRequest request, StringBuilder out) {
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                line(out, "header." + name, value);
            }
        }
        Cookie[] cookies = request.getCookies();
        for (Cookie cookie : cookies == null ? new Cookie[0] : cookies) {
            line(out, "cookie." + cookie.getName(), cookie.getValue());
        }
    }

    private static String digest(InputStream in) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[4096];
        long length = 0;
        for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
            sha256.update(buffer, 0, count);
            length += count;
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : sha256.digest()) {
            hex.append(String.format("%02x", b));
        }
        return "body.length=" + length + "\nbody.sha256=" + hex + "\n";
    }

    private static void filler(PrintWriter writer, int size) {
        char[] block = new char[8192];
        for (int i = 0; i < block.length; i++) {
            block[i] = (char) ('a' + i % 26);
        }
        for (int written = 0; written < size; ) {
            int count = Math.min(block.length - block.length % 26, size - written);
            writer.write(block, 0, count);
            written += count;
        }
    }

    private static void line(StringBuilder out, String key, Object value) {
        out.append(key).append('=').append(value).append('\n');
    }
}

package dev.turnpike.it.tiers;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An application on the app-tier servers: prints which server answered and the request as the
 * servlet sees it, one {@code name=value} per line, and counts the requests of a session
 * ({@code ?session=new} starts one). A body is read and its length and SHA-256 printed.
 */
@WebServlet("/tier/*")
public class TierEchoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession("new".equals(request.getParameter("session")));
        int count = 0;
        if (session != null) {
            Integer seen = (Integer) session.getAttribute("count");
            count = seen == null ? 1 : seen + 1;
            session.setAttribute("count", count);
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        long length = 0;
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                length += n;
            }
        }
        response.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.print("tier=" + System.getProperty("turnpike.it.tier", "web") + "\n");
        out.print("method=" + request.getMethod() + "\n");
        out.print("requestURI=" + request.getRequestURI() + "\n");
        out.print("query=" + request.getQueryString() + "\n");
        out.print("remoteAddr=" + request.getRemoteAddr() + "\n");
        out.print("remotePort=" + request.getRemotePort() + "\n");
        out.print("serverName=" + request.getServerName() + "\n");
        out.print("serverPort=" + request.getServerPort() + "\n");
        out.print("scheme=" + request.getScheme() + "\n");
        out.print("host=" + request.getHeader("Host") + "\n");
        out.print("bridgeHeader=" + request.getHeader("X-Turnpike-Hmux-Remote-Addr") + "\n");
        out.print("requestedSession=" + request.getRequestedSessionId() + "\n");
        out.print("session=" + (session == null ? null : session.getId()) + "\n");
        out.print("count=" + count + "\n");
        out.print("bodyLength=" + length + "\n");
        out.print("bodySha256=" + HexFormat.of().formatHex(sha.digest()) + "\n");
    }
}

package dev.turnpike.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * A response that depends on request details a shared cache cannot see: when the application
 * starts writing it (or it ends unwritten) without a {@code Vary} or {@code Cache-Control}
 * header of its own, it gets {@code Cache-Control: private}. Error responses are left alone.
 */
final class PrivateUnlessVaryResponse extends HttpServletResponseWrapper {

    private boolean decided;

    PrivateUnlessVaryResponse(HttpServletResponse response) {
        super(response);
    }

    /** Adds {@code Cache-Control: private} unless the response varies or says how to cache it. */
    void decide() {
        if (decided) {
            return;
        }
        decided = true;
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (response.isCommitted() || response.getStatus() >= 400) {
            return;
        }
        if (response.getHeader("Vary") == null && response.getHeader("Cache-Control") == null) {
            response.setHeader("Cache-Control", "private");
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        decide();
        return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        decide();
        return super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
        decide();
        super.flushBuffer();
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        decide();
        super.sendRedirect(location);
    }

    @Override
    public void sendError(int status) throws IOException {
        decided = true;
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        decided = true;
        super.sendError(status, message);
    }
}

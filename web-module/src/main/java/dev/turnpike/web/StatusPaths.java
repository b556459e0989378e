package dev.turnpike.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turnpike's own status pages, and who may see them. */
final class StatusPaths {

    private StatusPaths() {
    }

    /** {@code /caucho-status} or anything under {@code /turnpike/}. */
    static boolean isStatus(HttpServletRequest request) {
        String path = ServletRequestView.contextRelativePath(request);
        return path.equals("/caucho-status") || path.startsWith("/turnpike/");
    }

    /** Whether the client connected from this machine (a loopback address). */
    static boolean fromLoopback(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null || address.isEmpty()) {
            return false;
        }
        boolean literal = address.indexOf(':') >= 0 || address.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

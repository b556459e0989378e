package dev.turnpike.web;

import jakarta.servlet.http.HttpServletRequest;

/** Turnpike's own status pages. */
final class StatusPaths {

    private StatusPaths() {
    }

    /** {@code /caucho-status} or anything under {@code /turnpike/}. */
    static boolean isStatus(HttpServletRequest request) {
        String path = ServletRequestView.contextRelativePath(request);
        return path.equals("/caucho-status") || path.startsWith("/turnpike/");
    }
}

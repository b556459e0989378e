package dev.turnpike.it.differential;

import java.util.List;

/**
 * One request sent to both servers.
 *
 * @param host    the {@code Host} header, which selects the rules under test
 * @param method  the HTTP method
 * @param target  the request target exactly as sent (may hold escapes and raw UTF-8)
 * @param headers extra header lines
 * @param quirk   {@code null} when the answers must be equal; otherwise why Resin's answer is a
 *                bug Turnpike does not copy
 * @param turnpikeStatus for a quirk, the status Turnpike must answer (the documented behaviour)
 */
record DiffCase(String host, String method, String target, List<String> headers, String quirk, int turnpikeStatus) {

    static DiffCase get(String host, String target, String... headers) {
        return new DiffCase(host, "GET", target, List.of(headers), null, 0);
    }

    static DiffCase post(String host, String target, String... headers) {
        return new DiffCase(host, "POST", target, List.of(headers), null, 0);
    }

    /** The same request, where Resin has a documented bug and Turnpike answers {@code status}. */
    DiffCase quirk(String reason, int status) {
        return new DiffCase(host, method, target, headers, reason, status);
    }

    @Override
    public String toString() {
        return method + " " + host + target + (headers.isEmpty() ? "" : " " + headers);
    }
}

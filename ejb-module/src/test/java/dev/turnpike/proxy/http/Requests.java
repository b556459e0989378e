package dev.turnpike.proxy.http;

import dev.turnpike.backend.BackendRequest;

/** Requests as the web tier would build them for tests: from 203.0.113.7 to http://www.example.com/. */
final class Requests {

    private Requests() {
    }

    /** A GET with the browser's Host, as a plain-HTTP browser on port 80 sends it. */
    static BackendRequest.Builder get(String uri) {
        return from("GET", uri, "203.0.113.7");
    }

    static BackendRequest.Builder from(String method, String uri, String remoteAddr) {
        return BackendRequest.builder(method, uri, uri)
                .server("http", "www.example.com", 80)
                .remote(remoteAddr, remoteAddr, 50123)
                .header("Host", "www.example.com")
                .header("User-Agent", "test/1");
    }
}

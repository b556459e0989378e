package dev.turnpike.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnpike.backend.BackendRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HMUX request head made of a browser's request: which of its headers go to the backend. */
class HmuxRequestsTest {

    /** Headers of the browser's connection stay behind; the request's own go as received, in order. */
    @Test
    void hopByHopHeadersAndThoseConnectionNamesStayBehind() {
        BackendRequest request = BackendRequest.builder("POST", "/a", "/a")
                .header("Host", "www.example.com")
                .header("Connection", "Upgrade, HTTP2-Settings, X-Internal")
                .header("Upgrade", "h2c")
                .header("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA")
                .header("X-Internal", "secret")
                .header("Keep-Alive", "timeout=5")
                .header("TE", "trailers")
                .header("Transfer-Encoding", "chunked")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("Expect", "100-continue")
                .header("Content-Type", "text/plain")
                .header("X-Trace", "1")
                .build();
        List<String> sent = HmuxRequests.head(request).headers().stream()
                .map(h -> h.name() + ": " + h.value()).toList();
        assertEquals(List.of("Host: www.example.com", "Content-Type: text/plain", "X-Trace: 1"), sent);
    }
}

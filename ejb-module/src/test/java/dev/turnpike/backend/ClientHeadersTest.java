package dev.turnpike.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnpike.net.TrustedProxies;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What HMUX and FastCGI pass on of the browser's headers. */
class ClientHeadersTest {

    private static final List<HeaderField> RECEIVED = List.of(
            new HeaderField("Host", "shop.example"),
            new HeaderField("Connection", "keep-alive, X-Hop, x-forwarded-for"),
            new HeaderField("X-Hop", "1"),
            new HeaderField("Keep-Alive", "timeout=5"),
            new HeaderField("Proxy-Connection", "keep-alive"),
            new HeaderField("TE", "trailers"),
            new HeaderField("Trailer", "X-T"),
            new HeaderField("Transfer-Encoding", "chunked"),
            new HeaderField("Upgrade", "h2c"),
            new HeaderField("Proxy-Authorization", "Basic eDp5"),
            new HeaderField("X-Forwarded-For", "6.6.6.6"),
            new HeaderField("X-Forwarded-Proto", "https"),
            new HeaderField("X-Forwarded-Host", "evil.example"),
            new HeaderField("X-Forwarded-Port", "1"),
            new HeaderField("Forwarded", "for=6.6.6.6"),
            new HeaderField("Cookie", "a=b"),
            new HeaderField("Accept", "*/*"));

    @AfterEach
    void clearTheProperty() {
        System.clearProperty(TrustedProxies.PROPERTY);
    }

    /** A wrong result would pass a hop-by-hop header or a forged client address. */
    @Test
    void anUntrustedPeerPassesNeitherHopByHopNorForwardingHeaders() {
        assertEquals(List.of(new HeaderField("Host", "shop.example"), new HeaderField("Cookie", "a=b"),
                new HeaderField("Accept", "*/*")), ClientHeaders.passable(RECEIVED, "203.0.113.9"));
    }

    @Test
    void aTrustedProxyPassesItsForwardingHeadersButNotWhatConnectionNames() {
        System.setProperty(TrustedProxies.PROPERTY, "10.0.0.0/8");
        assertEquals(List.of(new HeaderField("Host", "shop.example"), new HeaderField("X-Forwarded-Proto", "https"),
                new HeaderField("X-Forwarded-Host", "evil.example"), new HeaderField("X-Forwarded-Port", "1"),
                new HeaderField("Forwarded", "for=6.6.6.6"), new HeaderField("Cookie", "a=b"),
                new HeaderField("Accept", "*/*")), ClientHeaders.passable(RECEIVED, "10.1.2.3"));
    }
}

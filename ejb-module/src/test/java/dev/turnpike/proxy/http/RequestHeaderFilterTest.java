package dev.turnpike.proxy.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.HeaderField;
import dev.turnpike.net.TrustedProxies;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the browser's headers go to the backend, and the forwarding headers added for this hop. */
class RequestHeaderFilterTest {

    private static final InetSocketAddress BACKEND = new InetSocketAddress("10.0.0.5", 8080);
    private static final HttpProxySettings UNTRUSTING = HttpProxySettings.DEFAULT;
    private static final HttpProxySettings TRUSTING = HttpProxySettings.builder()
            .trustedProxies("10.0.0.0/8, 2001:db8::/32").build();

    private static List<String> filtered(BackendRequest request, HttpProxySettings settings) {
        return RequestHeaderFilter.headers(request, settings, BACKEND).stream().map(HeaderField::toString).toList();
    }

    @Test
    void hopByHopAndConnectionListedHeadersAreDropped() {
        BackendRequest request = Requests.get("/")
                .header("connection", "Keep-Alive, X-Hop, x-other-hop")
                .header("Keep-Alive", "300")
                .header("Proxy-Connection", "keep-alive")
                .header("TE", "trailers")
                .header("Trailer", "X-Sum")
                .header("Transfer-Encoding", "chunked")
                .header("Upgrade", "websocket")
                .header("Proxy-Authenticate", "Basic")
                .header("Proxy-Authorization", "Basic dXNlcjpwYXNz")
                .header("X-Hop", "1")
                .header("X-Other-Hop", "2")
                .header("Content-Length", "12")
                .header("Expect", "100-continue")
                .header("Accept", "*/*")
                .build();

        assertEquals(List.of("Host: www.example.com", "User-Agent: test/1", "Accept: */*",
                "X-Forwarded-For: 203.0.113.7", "X-Forwarded-Proto: http", "X-Forwarded-Host: www.example.com",
                "X-Forwarded-Port: 80", "Forwarded: for=203.0.113.7;proto=http;host=www.example.com"),
                filtered(request, UNTRUSTING));
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreReplaced() {
        BackendRequest request = Requests.from("GET", "/", "10.1.1.1")
                .header("x-forwarded-for", "1.2.3.4")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "bank.example")
                .header("X-Forwarded-Port", "443")
                .header("Forwarded", "for=1.2.3.4")
                .build();

        assertEquals(List.of("Host: www.example.com", "User-Agent: test/1", "X-Forwarded-For: 10.1.1.1",
                "X-Forwarded-Proto: http", "X-Forwarded-Host: www.example.com", "X-Forwarded-Port: 80",
                "Forwarded: for=10.1.1.1;proto=http;host=www.example.com"), filtered(request, UNTRUSTING));
    }

    @Test
    void forwardingHeadersFromATrustedPeerAreKeptAndExtended() {
        BackendRequest request = Requests.from("GET", "/", "10.1.1.1")
                .header("X-Forwarded-For", "1.2.3.4")
                .header("X-Forwarded-For", "5.6.7.8")
                .header("X-Forwarded-Proto", "https")
                .header("Forwarded", "for=1.2.3.4;proto=https")
                .build();

        assertEquals(List.of("Host: www.example.com", "User-Agent: test/1", "X-Forwarded-Proto: https",
                "X-Forwarded-For: 1.2.3.4, 5.6.7.8, 10.1.1.1", "X-Forwarded-Host: www.example.com",
                "X-Forwarded-Port: 80",
                "Forwarded: for=1.2.3.4;proto=https, for=10.1.1.1;proto=http;host=www.example.com"),
                filtered(request, TRUSTING));
    }

    @Test
    void theServersTrustedProxiesAreTrustedByEveryRule() {
        BackendRequest request = Requests.from("GET", "/", "10.1.1.1")
                .header("X-Forwarded-For", "1.2.3.4")
                .build();
        System.setProperty(TrustedProxies.PROPERTY, "10.1.1.0/24");
        try {
            assertEquals("X-Forwarded-For: 1.2.3.4, 10.1.1.1", filtered(request, UNTRUSTING).get(2));
        } finally {
            System.clearProperty(TrustedProxies.PROPERTY);
        }
        assertEquals("X-Forwarded-For: 10.1.1.1", filtered(request, UNTRUSTING).get(2));
    }

    /** CVE-2022-31813: naming the forwarding headers in Connection must not remove the ones this hop adds. */
    @Test
    void connectionCannotRemoveTheForwardingHeadersThisHopAdds() {
        BackendRequest request = Requests.from("GET", "/", "10.1.1.1")
                .header("Connection", "X-Forwarded-For, X-Forwarded-Proto, X-Forwarded-Host, X-Forwarded-Port, Forwarded")
                .header("X-Forwarded-For", "1.2.3.4")
                .build();

        assertEquals(List.of("Host: www.example.com", "User-Agent: test/1", "X-Forwarded-For: 10.1.1.1",
                "X-Forwarded-Proto: http", "X-Forwarded-Host: www.example.com", "X-Forwarded-Port: 80",
                "Forwarded: for=10.1.1.1;proto=http;host=www.example.com"), filtered(request, TRUSTING));
    }

    @Test
    void trustIsForThePeerNotForWhatItClaims() {
        // a browser outside the trusted networks naming a trusted proxy in its own header gains nothing
        BackendRequest request = Requests.from("GET", "/", "198.51.100.9")
                .header("X-Forwarded-For", "10.1.1.1")
                .build();

        assertEquals("X-Forwarded-For: 198.51.100.9", filtered(request, TRUSTING).get(2));
    }

    @Test
    void ipv6ClientIsQuotedAndBracketedInForwarded() {
        BackendRequest request = BackendRequest.builder("GET", "/", "/")
                .server("https", "www.example.com", 8443)
                .remote("2001:db8:cafe::17", "2001:db8:cafe::17", 50000)
                .header("Host", "www.example.com:8443")
                .build();

        assertEquals(List.of("Host: www.example.com:8443", "X-Forwarded-For: 2001:db8:cafe::17",
                "X-Forwarded-Proto: https", "X-Forwarded-Host: www.example.com:8443", "X-Forwarded-Port: 8443",
                "Forwarded: for=\"[2001:db8:cafe::17]\";proto=https;host=\"www.example.com:8443\""),
                filtered(request, UNTRUSTING));
    }

    @Test
    void hostIsTheBackendsWhenNotPreservedAndRebuiltWhenTheBrowserSentNone() {
        HttpProxySettings rewriting = UNTRUSTING.toBuilder().preserveHost(false).build();
        assertEquals("Host: 10.0.0.5:8080", filtered(Requests.get("/").build(), rewriting).get(0));
        assertEquals("Host: [0:0:0:0:0:0:0:1]:8080", RequestHeaderFilter.headers(Requests.get("/").build(), rewriting,
                new InetSocketAddress("::1", 8080)).get(0).toString());

        BackendRequest noHost = BackendRequest.builder("GET", "/", "/").protocol("HTTP/1.0")
                .server("http", "www.example.com", 8080).remote("203.0.113.7", "203.0.113.7", 1).build();
        assertEquals("Host: www.example.com:8080", filtered(noHost, UNTRUSTING).get(0));
    }
}

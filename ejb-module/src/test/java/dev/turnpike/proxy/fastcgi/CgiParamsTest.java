package dev.turnpike.proxy.fastcgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.backend.BackendRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CGI/1.1 variables built from a request, and the headers that must never become variables. */
class CgiParamsTest {

    private static BackendRequest.Builder request() {
        return BackendRequest.builder("GET", "/blog/index.php/a%20b/c", "/blog/index.php/a b/c")
                .query("x=1&y=%2F")
                .server("https", "shop.example", 8443)
                .remote("192.0.2.7", "client.example", 50123);
    }

    @Test
    void theRequestBecomesCgiVariables() {
        CgiParams params = CgiParams.of(request().user("ann", "Basic").build(), "/srv/www/",
                CgiScript.split("/blog/index.php/a b/c", ".php"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("GATEWAY_INTERFACE", "CGI/1.1");
        expected.put("SERVER_SOFTWARE", "Turnpike");
        expected.put("SERVER_NAME", "shop.example");
        expected.put("SERVER_PORT", "8443");
        expected.put("SERVER_PROTOCOL", "HTTP/1.1");
        expected.put("REQUEST_SCHEME", "https");
        expected.put("HTTPS", "on");
        expected.put("REQUEST_METHOD", "GET");
        expected.put("REQUEST_URI", "/blog/index.php/a%20b/c?x=1&y=%2F");
        expected.put("QUERY_STRING", "x=1&y=%2F");
        expected.put("DOCUMENT_ROOT", "/srv/www");
        expected.put("SCRIPT_NAME", "/blog/index.php");
        expected.put("SCRIPT_FILENAME", "/srv/www/blog/index.php");
        expected.put("PATH_INFO", "/a b/c");
        expected.put("PATH_TRANSLATED", "/srv/www/a b/c");
        expected.put("REMOTE_ADDR", "192.0.2.7");
        expected.put("REMOTE_HOST", "client.example");
        expected.put("REMOTE_PORT", "50123");
        expected.put("REMOTE_USER", "ann");
        expected.put("AUTH_TYPE", "Basic");
        expected.put("REDIRECT_STATUS", "200");
        assertEquals(expected, params.asMap());
    }

    @Test
    void withoutQueryOrPathInfoOrTls() {
        BackendRequest plain = BackendRequest.builder("GET", "/i.php", "/i.php").server("http", "h", 80)
                .remote("::1", "", 1).build();
        CgiParams params = CgiParams.of(plain, "/srv", CgiScript.split("/i.php", ".php"));
        assertEquals("", params.get("QUERY_STRING"));
        assertEquals("/i.php", params.get("REQUEST_URI"));
        assertEquals("::1", params.get("REMOTE_HOST"));
        assertNull(params.get("HTTPS"));
        assertNull(params.get("PATH_INFO"));
        assertNull(params.get("PATH_TRANSLATED"));
        assertNull(params.get("CONTENT_LENGTH"));
        assertNull(params.get("REMOTE_USER"));
    }

    @Test
    void headersBecomeHttpVariablesJoinedWhenRepeated() {
        CgiParams params = CgiParams.of(request().header("Host", "shop.example:8443").header("Accept-Language", "de")
                .header("X-Trace", "a").header("x-trace", "b").header("Cookie", "a=1").header("Cookie", "b=2")
                .header("Content-Type", "application/x-www-form-urlencoded").body(new ByteArrayInputStream(new byte[3]), 3)
                .header("Content-Length", "3").build(), "/srv", new CgiScript("/blog/index.php", ""));
        assertEquals("shop.example:8443", params.get("HTTP_HOST"));
        assertEquals("de", params.get("HTTP_ACCEPT_LANGUAGE"));
        assertEquals("a, b", params.get("HTTP_X_TRACE"));
        assertEquals("a=1; b=2", params.get("HTTP_COOKIE"));
        assertEquals("application/x-www-form-urlencoded", params.get("CONTENT_TYPE"));
        assertEquals("3", params.get("CONTENT_LENGTH"));
        assertNull(params.get("HTTP_CONTENT_TYPE"));
        assertNull(params.get("HTTP_CONTENT_LENGTH"));
    }

    @Test
    void proxyHeaderNeverBecomesHttpProxy() {
        CgiParams params = CgiParams.of(request().header("Proxy", "http://evil.example:3128")
                .header("PROXY", "http://evil.example:3129").build(), "/srv", new CgiScript("/i.php", ""));
        assertNull(params.get("HTTP_PROXY"));
        assertFalse(params.asMap().containsValue("http://evil.example:3128"));
        assertNull(CgiParams.headerVariable("proxy"));
    }

    @Test
    void connectionHeadersExpectAndProxyCredentialsNeverBecomeVariables() {
        CgiParams params = CgiParams.of(request().header("Expect", "100-continue")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==").header("Upgrade", "h2c")
                .header("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA").header("Connection", "close, X-Secret")
                .header("X-Secret", "1").header("X-Kept", "yes").build(), "/srv", new CgiScript("/i.php", ""));
        assertEquals(List.of("HTTP_X_KEPT"), params.asMap().keySet().stream().filter(n -> n.startsWith("HTTP_"))
                .toList());
    }

    @Test
    void namesWithUnderscoresOrOtherCharactersAreDropped() {
        CgiParams params = CgiParams.of(request().header("X-User", "trusted").header("X_User", "forged")
                .header("X.User", "forged").header("X User", "forged").header("Ünïcode", "forged").build(), "/srv",
                new CgiScript("/i.php", ""));
        assertEquals("trusted", params.get("HTTP_X_USER"));
        assertFalse(params.asMap().containsValue("forged"));
        assertEquals("HTTP_X_USER_9", CgiParams.headerVariable("x-User-9"));
        assertNull(CgiParams.headerVariable("x_user"));
    }

    @Test
    void hopByHopHeadersAndThoseNamedInConnectionAreDropped() {
        CgiParams params = CgiParams.of(request().header("Connection", "keep-alive, X-Secret").header("Keep-Alive",
                "300").header("TE", "trailers").header("Trailer", "X").header("Transfer-Encoding", "chunked")
                .header("Upgrade", "h2c").header("Proxy-Connection", "close").header("X-Secret", "s")
                .header("X-Kept", "k").build(), "/srv", new CgiScript("/i.php", ""));
        List<String> http = params.asMap().keySet().stream().filter(name -> name.startsWith("HTTP_")).toList();
        assertEquals(List.of("HTTP_X_KEPT"), http);
    }

    @Test
    void splitFindsTheScriptSegment() {
        assertEquals(new CgiScript("/blog/index.php", "/a/b"), CgiScript.split("/blog/index.php/a/b", ".php"));
        assertEquals(new CgiScript("/index.php", ""), CgiScript.split("/index.php", ".php"));
        assertEquals(new CgiScript("/a.phpx/b.php", "/c"), CgiScript.split("/a.phpx/b.php/c", ".php"));
        assertEquals(new CgiScript("/dir/.php/x.php", ""), CgiScript.split("/dir/.php/x.php", ".php"));
        assertEquals(new CgiScript("/static/app.js", ""), CgiScript.split("/static/app.js", ".php"));
        assertThrows(IllegalArgumentException.class, () -> CgiScript.split("/x", ""));
        assertThrows(IllegalArgumentException.class, () -> new CgiScript("x.php", ""));
    }

    @Test
    void headerValuesGoOutAsTheBytesTheBrowserSent() throws IOException {
        // the web tier read the byte 0xE9 as ISO-8859-1; the path is text, sent as UTF-8
        CgiParams params = CgiParams.of(BackendRequest.builder("GET", "/caf%C3%A9.php", "/café.php")
                .header("X-Name", "caf\u00e9").build(), "/srv", new CgiScript("/café.php", ""));
        Map<String, String> sent = new LinkedHashMap<>();
        for (byte[] content : params.recordContents()) {
            FastCgiNameValues.decode(content).forEach(pair -> sent.put(pair.getKey(), pair.getValue()));
        }
        assertEquals("caf\u00e9", sent.get("HTTP_X_NAME"));
        assertEquals("/caf\u00c3\u00a9.php", sent.get("SCRIPT_NAME"));
    }

    @Test
    void pairsArePackedIntoRecordsWithoutSpanningTwo() throws IOException {
        CgiParams params = CgiParams.of(request().header("X-A", "a".repeat(40000)).header("X-B", "b".repeat(40000))
                .build(), "/srv", new CgiScript("/i.php", ""));
        List<byte[]> contents = params.recordContents();
        assertEquals(2, contents.size());
        int pairs = 0;
        for (byte[] content : contents) {
            assertTrue(content.length <= FastCgiRecord.MAX_CONTENT);
            pairs += FastCgiNameValues.decode(content).size();
        }
        assertEquals(params.asMap().size(), pairs);
        CgiParams tooBig = params.with("HTTP_X_C", "c".repeat(70000));
        assertEquals("HTTP_X_C: 70013 bytes as a name-value pair (expected: at most 65535, one record)",
                assertThrows(IllegalArgumentException.class, tooBig::recordContents).getMessage());
    }

    @Test
    void withReplacesInPlaceAndWithoutRemoves() {
        CgiParams params = CgiParams.of(request().build(), "/srv", new CgiScript("/i.php", ""));
        CgiParams changed = params.with("SERVER_PORT", "1").with("PHP_VALUE", "x=1").without("REMOTE_HOST");
        assertEquals("1", changed.get("SERVER_PORT"));
        assertEquals(List.copyOf(params.asMap().keySet()).indexOf("SERVER_PORT"),
                List.copyOf(changed.asMap().keySet()).indexOf("SERVER_PORT"));
        assertEquals("PHP_VALUE", List.copyOf(changed.asMap().keySet()).get(changed.asMap().size() - 1));
        assertNull(changed.get("REMOTE_HOST"));
        assertEquals("8443", params.get("SERVER_PORT"));
    }
}

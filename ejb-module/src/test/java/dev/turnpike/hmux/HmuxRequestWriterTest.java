package dev.turnpike.hmux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The request head in mod_caucho 4.0's order (resin-spec 1.4.2): the worked examples of the
 * specification byte for byte, and the parts the captures do not show (TLS, environment,
 * authenticated users, internal redirects).
 */
class HmuxRequestWriterTest {

    @Test
    void specGetWithQueryAndCookie() throws IOException {
        // resin-spec 1.9.1
        HmuxRequestHead head = HmuxRequestHead.builder("GET", "/app/hello.jsp").query("name=joe&x=1")
                .server("www.example.com", 80).remote("192.168.1.20", "192.168.1.20", 54321)
                .header("Host", "www.example.com")
                .header("User-Agent", "curl/8.0")
                .header("Cookie", "JSESSIONID=baaQ3kD9xYz1Lm0pR7sTu; theme=dark")
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HmuxRequestWriter.writeHead(head, out);
        HmuxEncoder.write(new HmuxFrame.Quit(), out);
        assertArrayEquals(hex("""
                0000  55 00 0e 2f 61 70 70 2f 68 65 6c 6c 6f 2e 6a 73  |U../app/hello.js|
                0010  70 6d 00 03 47 45 54 63 00 08 48 54 54 50 2f 31  |pm..GETc..HTTP/1|
                0020  2e 31 65 00 0c 6e 61 6d 65 3d 6a 6f 65 26 78 3d  |.1e..name=joe&x=|
                0030  31 76 00 0f 77 77 77 2e 65 78 61 6d 70 6c 65 2e  |1v..www.example.|
                0040  63 6f 6d 67 00 02 38 30 68 00 0c 31 39 32 2e 31  |comg..80h..192.1|
                0050  36 38 2e 31 2e 32 30 69 00 0c 31 39 32 2e 31 36  |68.1.20i..192.16|
                0060  38 2e 31 2e 32 30 6a 00 05 35 34 33 32 31 48 00  |8.1.20j..54321H.|
                0070  04 48 6f 73 74 53 00 0f 77 77 77 2e 65 78 61 6d  |.HostS..www.exam|
                0080  70 6c 65 2e 63 6f 6d 48 00 0a 55 73 65 72 2d 41  |ple.comH..User-A|
                0090  67 65 6e 74 53 00 08 63 75 72 6c 2f 38 2e 30 48  |gentS..curl/8.0H|
                00a0  00 06 43 6f 6f 6b 69 65 53 00 2c 4a 53 45 53 53  |..CookieS.,JSESS|
                00b0  49 4f 4e 49 44 3d 62 61 61 51 33 6b 44 39 78 59  |IONID=baaQ3kD9xY|
                00c0  7a 31 4c 6d 30 70 52 37 73 54 75 3b 20 74 68 65  |z1Lm0pR7sTu; the|
                00d0  6d 65 3d 64 61 72 6b 51                          |me=darkQ|
                """), out.toByteArray());
    }

    @Test
    void specPostWithSmallBody() throws IOException {
        // resin-spec 1.9.3: Content-Type and Content-Length travel as q and p, in header order
        HmuxRequestHead head = HmuxRequestHead.builder("POST", "/app/form")
                .server("www.example.com", 80).remote("192.168.1.20", "192.168.1.20", 54322)
                .header("Host", "www.example.com")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Content-Length", "15")
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HmuxRequestWriter.writeHead(head, out);
        HmuxEncoder.write(HmuxFrame.Data.of("name=joe&msg=hi"), out);
        HmuxEncoder.write(new HmuxFrame.Quit(), out);
        assertArrayEquals(hex("""
                0000  55 00 09 2f 61 70 70 2f 66 6f 72 6d 6d 00 04 50  |U../app/formm..P|
                0010  4f 53 54 63 00 08 48 54 54 50 2f 31 2e 31 76 00  |OSTc..HTTP/1.1v.|
                0020  0f 77 77 77 2e 65 78 61 6d 70 6c 65 2e 63 6f 6d  |.www.example.com|
                0030  67 00 02 38 30 68 00 0c 31 39 32 2e 31 36 38 2e  |g..80h..192.168.|
                0040  31 2e 32 30 69 00 0c 31 39 32 2e 31 36 38 2e 31  |1.20i..192.168.1|
                0050  2e 32 30 6a 00 05 35 34 33 32 32 48 00 04 48 6f  |.20j..54322H..Ho|
                0060  73 74 53 00 0f 77 77 77 2e 65 78 61 6d 70 6c 65  |stS..www.example|
                0070  2e 63 6f 6d 71 00 21 61 70 70 6c 69 63 61 74 69  |.comq.!applicati|
                0080  6f 6e 2f 78 2d 77 77 77 2d 66 6f 72 6d 2d 75 72  |on/x-www-form-ur|
                0090  6c 65 6e 63 6f 64 65 64 70 00 02 31 35 44 00 0f  |lencodedp..15D..|
                00a0  6e 61 6d 65 3d 6a 6f 65 26 6d 73 67 3d 68 69 51  |name=joe&msg=hiQ|
                """), out.toByteArray());
    }

    @Test
    void secureRequestWithCertificateEnvironmentAndRedirect() {
        HmuxRequestHead head = HmuxRequestHead.builder("PUT", "/a b/c%d/é?x").query("")
                .server("shop.example", 443).remote("client.example", "10.0.0.7", 50000)
                .clientCert("-----BEGIN CERTIFICATE-----")
                .sslVariable("SSL_CIPHER", "TLS_AES_128_GCM_SHA256")
                .sslVariable("SSL_CIPHER_USEKEYSIZE", "128")
                .header("Host", "shop.example")
                .header("Expect", "100-continue")
                .header("content-length", "3")
                .header("CONTENT-TYPE", "text/plain")
                .secure()
                .environment("SSL_CLIENT_DN", "CN=client")
                .redirectedFrom("q=1", "/old")
                .build();
        assertTrue(head.isSecure());
        assertEquals(List.of(
                "U \"/a b/c%25d/é%3Fx\"", // only % (and, unlike mod_caucho, ?) escaped
                "m \"PUT\"",
                "c \"HTTP/1.1\"",
                "e \"\"", // a request ending in ? still sends its empty query
                "v \"shop.example\"", "g \"443\"",
                "h \"client.example\"", "i \"10.0.0.7\"", "j \"50000\"",
                "t len=27",
                "H \"SSL_CIPHER\"", "S \"TLS_AES_128_GCM_SHA256\"",
                "H \"SSL_CIPHER_USEKEYSIZE\"", "S \"128\"",
                "H \"Host\"", "S \"shop.example\"",
                // Expect is the web tier's business and is dropped
                "p \"3\"",
                "q \"text/plain\"",
                "r", "H \"HTTPS\"", "S \"on\"",
                "d \"CN=client\"", "H \"SSL_CLIENT_DN\"", "S \"CN=client\"", // the DN is the user when none logged in
                "H \"REDIRECT_QUERY_STRING\"", "S \"q=1\"",
                "H \"REDIRECT_URL\"", "S \"/old\""), describe(head));
        assertArrayEquals("-----BEGIN CERTIFICATE-----".getBytes(StandardCharsets.US_ASCII),
                ((HmuxFrame.ClientCert) HmuxRequestWriter.headFrames(head).get(9)).bytes());
    }

    @Test
    void authenticatedUserComesBeforeAuthTypeAndWinsOverTheCertificateDn() {
        HmuxRequestHead head = HmuxRequestHead.builder("GET", "/private").protocol("HTTP/1.0")
                .server("h", 80).remote("1.2.3.4", "1.2.3.4", 1)
                .user("alice", "Basic")
                .environment("SSL_CLIENT_DN", "CN=client")
                .build();
        assertFalse(head.isSecure());
        assertEquals(List.of("U \"/private\"", "m \"GET\"", "c \"HTTP/1.0\"",
                "v \"h\"", "g \"80\"", "h \"1.2.3.4\"", "i \"1.2.3.4\"", "j \"1\"",
                "d \"alice\"", "n \"Basic\"",
                "H \"SSL_CLIENT_DN\"", "S \"CN=client\""), describe(head));
    }

    @Test
    void portsOutOfRangeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HmuxRequestHead.builder("GET", "/").server("h", 65536).build());
        assertEquals("serverPort: 65536 (expected: 0-65535)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> HmuxRequestHead.builder("GET", "/").remote("h", "a", -1).build());
        assertEquals("remotePort: -1 (expected: 0-65535)", e.getMessage());
    }

    private static List<String> describe(HmuxRequestHead head) {
        return HmuxRequestWriter.headFrames(head).stream().map(HmuxFrame::describe).collect(Collectors.toList());
    }

    /** The bytes of a hex dump: offset, up to 16 hex bytes, an ASCII column between bars. */
    static byte[] hex(String dump) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : dump.strip().split("\n")) {
            String bytes = line.strip().substring(4, line.strip().indexOf('|')).strip();
            for (String b : bytes.split("\\s+")) {
                out.write(Integer.parseInt(b, 16));
            }
        }
        return out.toByteArray();
    }
}

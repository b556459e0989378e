package dev.turnpike.it.fastcgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.it.EchoLines;
import dev.turnpike.it.ItConfig;
import dev.turnpike.it.PatternStream;
import dev.turnpike.proxy.fastcgi.PhpCgi;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turnpike on WildFly in front of a real {@code php-cgi} through {@code resin:FastCgiProxy}:
 * <pre>
 *   /php/..., /blog/...   the scripts of a document root php-cgi reads, mapped by path
 *   /down/...             a FastCGI address nobody listens on
 * </pre>
 * Every PHP script writes {@code name=value} lines of what it saw.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FastCgiProxyIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static PhpCgi php;
    private static int deadPort;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItConfig.ear();
    }

    @BeforeAll
    static void startPhp() throws Exception {
        php = PhpCgi.start();
        php.script("php/info.php", """
                <?php
                header('Content-Type: text/plain');
                foreach (['SCRIPT_NAME', 'SCRIPT_FILENAME', 'PATH_INFO', 'QUERY_STRING', 'REQUEST_URI',
                          'REQUEST_METHOD', 'REMOTE_ADDR', 'SERVER_SOFTWARE', 'HTTP_X_TEST', 'HTTP_PROXY'] as $name) {
                    echo $name, '=', $_SERVER[$name] ?? '(none)', "\\n";
                }
                """);
        php.script("php/created.php", """
                <?php
                http_response_code(201);
                header('Location: /php/items/7');
                setcookie('cart', '42');
                echo "created\\n";
                """);
        php.script("php/form.php", """
                <?php
                echo 'name=', $_POST['name'] ?? '(none)', "\\n";
                """);
        php.script("php/digest.php", """
                <?php
                $in = fopen('php://input', 'rb');
                $hash = hash_init('sha256');
                $length = 0;
                while (!feof($in)) {
                    $chunk = fread($in, 65536);
                    $length += strlen($chunk);
                    hash_update($hash, $chunk);
                }
                echo 'CONTENT_LENGTH=', $_SERVER['CONTENT_LENGTH'] ?? '(none)', "\\n";
                echo 'length=', $length, "\\n", 'sha256=', hash_final($hash), "\\n";
                """);
        php.script("php/big.php", """
                <?php
                header('Content-Type: application/octet-stream');
                $left = (int) $_GET['size'];
                $chunk = str_repeat('abcdefghijklmnopqrstuvwxyz', 2521);
                while ($left > 0) {
                    $piece = $left < strlen($chunk) ? substr($chunk, 0, $left) : $chunk;
                    echo $piece;
                    $left -= strlen($piece);
                    flush();
                }
                """);
        php.script("blog/index.php", """
                <?php
                echo 'index=', $_SERVER['SCRIPT_NAME'], "\\n";
                """);
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = probe.getLocalPort();
        }
        ItConfig.write("""
                <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                  <resin:FastCgiProxy regexp="^/(php|blog)/" address="127.0.0.1:%d" document-root="%s"/>
                  <resin:FastCgiProxy regexp="^/down/" address="127.0.0.1:%d" connect-timeout="2s"/>
                </web-app>
                """.formatted(php.address().getPort(), php.documentRoot(), deadPort));
    }

    @AfterAll
    static void stopPhp() throws Exception {
        ItConfig.restoreThenClose(php);
    }

    @BeforeEach
    void awaitTheRules() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get("/php/info.php");
            if (last.statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the FastCGI rules did not answer within " + WAIT + ": " + last.statusCode() + " "
                + last.body());
    }

    @Test
    void aScriptSeesItsNamePathInfoQueryAndTheBrowser() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/php/info.php/2024/05?tag=a%20b"))
                .header("X-Test", "yes").header("Proxy", "http://evil.example:1").timeout(WAIT).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("text/plain;charset=UTF-8", response.headers().firstValue("Content-Type").orElse("")
                .replace(" ", ""));
        Map<String, String> seen = EchoLines.parse(response.body());
        assertEquals("/php/info.php", seen.get("SCRIPT_NAME"));
        assertEquals(php.documentRoot() + "/php/info.php", seen.get("SCRIPT_FILENAME"));
        assertEquals("/2024/05", seen.get("PATH_INFO"));
        assertEquals("tag=a%20b", seen.get("QUERY_STRING"));
        assertEquals("/php/info.php/2024/05?tag=a%20b", seen.get("REQUEST_URI"));
        assertEquals("GET", seen.get("REQUEST_METHOD"));
        assertEquals("127.0.0.1", seen.get("REMOTE_ADDR"));
        assertEquals("Turnpike", seen.get("SERVER_SOFTWARE"));
        assertEquals("yes", seen.get("HTTP_X_TEST"));
        assertEquals("(none)", seen.get("HTTP_PROXY"), "a Proxy header never reaches the script (httpoxy)");
    }

    @Test
    void aDirectoryRunsItsIndexScript() throws Exception {
        HttpResponse<String> response = get("/blog/");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("/blog/index.php", EchoLines.parse(response.body()).get("index"));
    }

    @Test
    void theStatusLocationAndCookiesAScriptSetsReachTheBrowser() throws Exception {
        HttpResponse<String> response = get("/php/created.php");
        assertEquals(201, response.statusCode(), response.body());
        assertEquals("/php/items/7", response.headers().firstValue("Location").orElse(null));
        assertEquals(List.of("cart=42"), response.headers().allValues("Set-Cookie"));
        assertEquals("created\n", response.body());
    }

    @Test
    void aFormPostReachesPhpsPostVariables() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/php/form.php"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Ann+Lee&x=1")).timeout(WAIT).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Ann Lee", EchoLines.parse(response.body()).get("name"));
    }

    @Test
    void a20MegabyteBodyWithALengthAndA3MegabyteChunkedBodyArriveWhole() throws Exception {
        int size = 20 * 1024 * 1024;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] known = new PatternStream(size, sha).readAllBytes();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/php/digest.php"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(known)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> seen = EchoLines.parse(response.body());
        assertEquals(String.valueOf(size), seen.get("length"));
        assertEquals(String.valueOf(size), seen.get("CONTENT_LENGTH"));
        assertEquals(HexFormat.of().formatHex(sha.digest()), seen.get("sha256"));

        int chunkedSize = 3 * 1024 * 1024 + 17;
        MessageDigest chunkedSha = MessageDigest.getInstance("SHA-256");
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(uri("/php/digest.php"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(chunkedSize, chunkedSha)))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, chunked.statusCode(), chunked.body());
        Map<String, String> chunkedSeen = EchoLines.parse(chunked.body());
        assertEquals(String.valueOf(chunkedSize), chunkedSeen.get("length"));
        assertEquals(String.valueOf(chunkedSize), chunkedSeen.get("CONTENT_LENGTH"),
                "PHP learns the length of a body the browser sent chunked");
        assertEquals(HexFormat.of().formatHex(chunkedSha.digest()), chunkedSeen.get("sha256"));
    }

    @Test
    void a50MegabyteResponseStreamsThrough() throws Exception {
        int size = 50 * 1024 * 1024;
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri("/php/big.php?size=" + size))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long count = 0;
        long misplaced = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != 'a' + (count + i) % 26) {
                        misplaced++;
                    }
                }
                count += n;
            }
        }
        assertEquals(size, count);
        assertEquals(0, misplaced, "every byte in its place");
    }

    @Test
    void aRestartedPhpLeavesStalePooledConnectionsThatAreRetriedTransparently() throws Exception {
        assertEquals(200, get("/php/info.php?before").statusCode());
        php.restart();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = get("/php/info.php?after=" + i);
            assertEquals(200, response.statusCode(), "request " + i + ": " + response.body());
        }
    }

    @Test
    void pathsThatCouldLeaveTheDocumentRootAreRefusedWith400() throws Exception {
        HttpResponse<String> backslashes = get("/php/..%5C..%5Cetc%5Cpasswd.php");
        assertEquals(400, backslashes.statusCode(), backslashes.body());
        assertTrue(backslashes.body().contains("TPF0006"), backslashes.body());
        // WildFly resolves "%2e%2e" and "..;x" segments before the rules see the path: no rule matches
        for (String path : List.of("/php/%2e%2e/%2e%2e/etc/passwd.php", "/php/..;x/..;x/etc/passwd.php")) {
            assertEquals(404, get(path).statusCode(), path);
        }
    }

    @Test
    void anUnreachableFastCgiServerIsA503NamingIt() throws Exception {
        HttpResponse<String> response = get("/down/x.php");
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.body().contains("127.0.0.1:" + deadPort), response.body());
    }

    @Test
    void theStatusPageListsTheFastCgiServer() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/caucho-status"))
                .header("Accept", "application/json").timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("fastcgi 127.0.0.1:" + php.address().getPort()), response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }
}

package dev.turnpike.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.proxy.fastcgi.CgiParams;
import org.junit.jupiter.api.Test;

/** Request paths mapped to FastCGI scripts, and the paths refused before any backend is asked. */
class CgiMappingTest {

    private static final CgiMapping ROOT_APP = new CgiMapping("/srv/www", "", ".php", "index.php");
    private static final CgiMapping SHOP_APP = new CgiMapping("/srv/shop/", "/shop", ".php", "main.php");

    private static CgiParams params(CgiMapping mapping, String path) {
        return mapping.params(BackendRequest.builder("GET", path, path).server("http", "h", 80)
                .remote("127.0.0.1", "", 1).build());
    }

    @Test
    void theScriptEndsAtTheExtensionAndTheRestIsPathInfo() {
        CgiParams params = params(ROOT_APP, "/blog/index.php/2024/05");
        assertEquals("/blog/index.php", params.get("SCRIPT_NAME"));
        assertEquals("/srv/www/blog/index.php", params.get("SCRIPT_FILENAME"));
        assertEquals("/2024/05", params.get("PATH_INFO"));
        assertEquals("/blog/index.php/2024/05", params.get("REQUEST_URI"));
    }

    @Test
    void aDirectoryRunsItsIndexScript() {
        CgiParams params = params(ROOT_APP, "/blog/");
        assertEquals("/blog/index.php", params.get("SCRIPT_NAME"));
        assertEquals("/srv/www/blog/index.php", params.get("SCRIPT_FILENAME"));
        assertNull(params.get("PATH_INFO"));
        assertEquals("/blog/", params.get("REQUEST_URI"), "the browser's URI is kept");
    }

    @Test
    void theFileIsFoundWithinTheWebAppAndTheScriptNameKeepsTheContextPath() {
        CgiParams params = params(SHOP_APP, "/shop/cart/");
        assertEquals("/shop/cart/main.php", params.get("SCRIPT_NAME"));
        assertEquals("/srv/shop/cart/main.php", params.get("SCRIPT_FILENAME"));
        assertEquals("/srv/shop", params.get("DOCUMENT_ROOT"));
        CgiParams target = params(SHOP_APP, "/pay.php");
        assertEquals("/pay.php", target.get("SCRIPT_NAME"), "a rule's target is already within the web-app");
        assertEquals("/srv/shop/pay.php", target.get("SCRIPT_FILENAME"));
    }

    @Test
    void pathParametersSuchAsTheSessionIdAreNotPartOfTheFileName() {
        CgiParams params = params(ROOT_APP, "/a;v=1/cart.php;jsessionid=abc/more");
        assertEquals("/a/cart.php", params.get("SCRIPT_NAME"));
        assertEquals("/srv/www/a/cart.php", params.get("SCRIPT_FILENAME"));
        assertEquals("/more", params.get("PATH_INFO"));
    }

    @Test
    void pathsThatCouldLeaveTheDocumentRootAreRefused() {
        assertEquals("the path holds a '..' segment", CgiMapping.problem("/a/../../etc/passwd.php"));
        assertEquals("the path holds a '..' segment", CgiMapping.problem("/a/..;x/b.php"));
        assertEquals("the path holds a '.' segment", CgiMapping.problem("/./x.php"));
        assertEquals("the path holds a NUL or a backslash", CgiMapping.problem("/x.php\0.txt"));
        assertEquals("the path holds a NUL or a backslash", CgiMapping.problem("/a\\..\\b.php"));
        assertEquals("the path does not start with /", CgiMapping.problem("x.php"));
        assertNull(CgiMapping.problem("/a..b/c.php.."), "dots inside a name are fine");
        assertNull(CgiMapping.problem("/blog/index.php/2024/.hidden-ok"));
    }
}

package dev.turnpike.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Before any configuration has loaded (the first load failed), requests answer 503; status pages explain. */
class NoRulesLoadedHarnessTest {

    private static FastHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = FastHarness.start();
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return harness.get(path);
    }

    @Test
    void applicationRequestsAnswer503() throws Exception {
        assertEquals(503, get("").statusCode());
        assertEquals(503, get("private/x").statusCode());
    }

    @Test
    void statusPagesStillAnswer() throws Exception {
        HttpResponse<String> page = get("caucho-status");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("No rules are loaded: every request answers 503."), page.body());
        HttpResponse<String> api = get("turnpike/api/status");
        assertEquals(200, api.statusCode());
        assertTrue(api.body().contains("\"serving\":false"), api.body());
    }
}

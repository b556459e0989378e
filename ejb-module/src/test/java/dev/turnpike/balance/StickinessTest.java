package dev.turnpike.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each codec: which owner a request names, among how many backends. */
class StickinessTest {

    private static final Stickiness RESIN_4 = new Stickiness.ServerCode(Stickiness.IdLayout.RESIN_4,
            StickySource.DEFAULT);
    private static final Stickiness RESIN_3 = new Stickiness.ServerCode(Stickiness.IdLayout.RESIN_3,
            StickySource.DEFAULT);
    private static final Stickiness JVM_ROUTE = new Stickiness.JvmRoute(StickySource.DEFAULT);
    private static final Stickiness ROUTE_COOKIE = new Stickiness.RouteCookie("SERVERID");

    /** Backends named a, b, c... (or app-0, app-1... for more than 26). */
    private static List<Backend> backends(int count) {
        TestBackends backends = new TestBackends();
        for (int i = 0; i < count; i++) {
            backends.active(count <= 26 ? String.valueOf((char) ('a' + i)) : "app-" + i);
        }
        return backends.list;
    }

    private static StickyRequest withSession(String id) {
        return new StickyRequest(Map.of("JSESSIONID", id), false, "/");
    }

    /** codec, backend count, session id, expected owner (-1: none; null: not sticky). */
    static Stream<Arguments> sessionIds() {
        return Stream.of(
                // Resin 4: the first character is the server index in the pod
                Arguments.of(RESIN_4, 3, "aaaQ8wjm3tGF", 0),
                Arguments.of(RESIN_4, 3, "baaQ8wjm3tGF", 1),
                Arguments.of(RESIN_4, 3, "caaQ8wjm3tGF", 2),
                // an index beyond the cluster wraps around, as in every Resin client ('d' is 3)
                Arguments.of(RESIN_4, 3, "daaQ8wjm3tGF", 0),
                // the pod characters do not matter
                Arguments.of(RESIN_4, 3, "bcdQ8wjm3tGF", 1),
                // the cookie-append-server-index suffix does not matter
                Arguments.of(RESIN_4, 3, "caaQ8wjm3tGF.3", 2),
                // beyond 64 servers Resin 4 still reads one character ('b' = 1, 'c' = 2)
                Arguments.of(RESIN_4, 70, "bcaQ8wjm3tGF", 1),
                // fewer than three characters: not sticky
                Arguments.of(RESIN_4, 3, "ba", null),
                // a first character outside the alphabet: no owner (hash fallback only)
                Arguments.of(RESIN_4, 3, ".aaQ8wjm3tGF", -1),
                Arguments.of(RESIN_4, 3, "\u00e2aaQ8wjm3tGF", -1),
                // Resin 3 up to 64 servers: one character
                Arguments.of(RESIN_3, 3, "cabX8ZwooOz", 2),
                Arguments.of(RESIN_3, 64, "-abX8ZwooOz", 63),
                // Resin 3 above 64 servers: two characters, high then low six bits (1 * 64 + 2)
                Arguments.of(RESIN_3, 70, "bcaabX8ZwooOz", 66),
                // ... wrapped around the cluster (1 * 64 + 10 = 74 -> 4)
                Arguments.of(RESIN_3, 70, "bkaabX8ZwooOz", 4),
                // ... and an invalid second character is no owner
                Arguments.of(RESIN_3, 70, "b.aabX8ZwooOz", -1),
                // jvmRoute: the text after the first dot is a backend id
                Arguments.of(JVM_ROUTE, 3, "A1B2C3D4.b", 1),
                Arguments.of(JVM_ROUTE, 3, "A1B2C3D4.c", 2),
                // no route, an unknown route, a route with a dot matching nobody: no owner
                Arguments.of(JVM_ROUTE, 3, "A1B2C3D4", -1),
                Arguments.of(JVM_ROUTE, 3, "A1B2C3D4.z", -1),
                Arguments.of(JVM_ROUTE, 3, "A1B2C3D4.b.c", -1),
                // jvmRoute ids are sticky at any length
                Arguments.of(JVM_ROUTE, 3, "A.a", 0));
    }

    @ParameterizedTest
    @MethodSource("sessionIds")
    void owner(Stickiness stickiness, int count, String id, Integer owner) {
        StickyKey key = stickiness.key(withSession(id), backends(count));
        if (owner == null) {
            assertNull(key);
        } else {
            assertEquals(new StickyKey(id, owner), key);
        }
    }

    @Test
    void jvmRouteMatchesWholeIdsWithDots() {
        TestBackends backends = new TestBackends();
        backends.active("node.1");
        backends.active("node.2");
        assertEquals(new StickyKey("X.node.2", 1), JVM_ROUTE.key(withSession("X.node.2"), backends.list));
    }

    @Test
    void routeCookie() {
        List<Backend> backends = backends(3);
        assertEquals(new StickyKey("c", 2),
                ROUTE_COOKIE.key(new StickyRequest(Map.of("SERVERID", "c", "JSESSIONID", "aaaX"), false, "/"), backends));
        assertEquals(new StickyKey("q", -1),
                ROUTE_COOKIE.key(new StickyRequest(Map.of("SERVERID", "q"), false, "/"), backends));
        // the session id plays no part
        assertNull(ROUTE_COOKIE.key(new StickyRequest(Map.of("JSESSIONID", "caaX"), false, "/;jsessionid=baaY"),
                backends));
        assertNull(ROUTE_COOKIE.key(new StickyRequest(Map.of("SERVERID", ""), false, "/"), backends));
        assertEquals("b", ((Stickiness.RouteCookie) ROUTE_COOKIE).cookieValue(backends.get(1)));
    }

    @Test
    void offIsNeverSticky() {
        assertNull(Stickiness.OFF.key(withSession("baaQ8wjm3tGF"), backends(3)));
    }

    @Test
    void sessionIdComesFromTheConfiguredSource() {
        Stickiness ssl = new Stickiness.ServerCode(Stickiness.IdLayout.RESIN_4,
                new StickySource("JSESSIONID", "SSLJSESSIONID", ";jsessionid="));
        StickyRequest request = new StickyRequest(Map.of("JSESSIONID", "aaaP", "SSLJSESSIONID", "caaS"), true, "/");
        assertEquals(new StickyKey("caaS", 2), ssl.key(request, backends(3)));
        assertEquals(new StickyKey("baaU", 1),
                RESIN_4.key(new StickyRequest(Map.of(), false, "/cart;jsessionid=baaU"), backends(3)));
    }

    @Test
    void printsAsConfigured() {
        assertEquals("sticky-sessions=\"false\"", Stickiness.OFF.toString());
        assertEquals("sticky-sessions=\"true\" (Resin 4 server code in session-cookie=\"JSESSIONID\""
                + " ssl-session-cookie=\"JSESSIONID\" session-url-prefix=\";jsessionid=\")", RESIN_4.toString());
        assertEquals("sticky-sessions=\"true\" (route cookie SERVERID)", ROUTE_COOKIE.toString());
    }

    @Test
    void routeCookieNeedsAName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Stickiness.RouteCookie(""));
        assertEquals("route cookie name: \"\" (expected: a non-empty name)", e.getMessage());
    }
}

package dev.turnpike.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where the session id is read from, and which place wins. */
class StickySourceTest {

    private static final StickySource IIS_NAMES = new StickySource("JSESSIONID", "SSLJSESSIONID", ";jsessionid=");

    /** source, cookies, secure, URI, expected id (null for none), expected origin. */
    static Stream<Arguments> cases() {
        return Stream.of(
                // cookie
                Arguments.of(StickySource.DEFAULT, Map.of("JSESSIONID", "baaX"), false, "/", "baaX", "COOKIE"),
                // cookie beats URL (the backend uses the cookie's session; the URL one would misroute)
                Arguments.of(StickySource.DEFAULT, Map.of("JSESSIONID", "baaX"), false, "/a;jsessionid=caaY", "baaX",
                        "COOKIE"),
                // URL, up to '?'
                Arguments.of(StickySource.DEFAULT, Map.of(), false, "/a;jsessionid=caaY?x=1", "caaY", "URL"),
                // URL, up to '#'
                Arguments.of(StickySource.DEFAULT, Map.of(), false, "/a;jsessionid=caaY#top", "caaY", "URL"),
                // URL: the last occurrence wins
                Arguments.of(StickySource.DEFAULT, Map.of(), false, "/a;jsessionid=aaaA/b;jsessionid=caaY", "caaY",
                        "URL"),
                // an empty cookie does not hide the URL
                Arguments.of(StickySource.DEFAULT, Map.of("JSESSIONID", ""), false, "/a;jsessionid=caaY", "caaY",
                        "URL"),
                // an empty URL id is none
                Arguments.of(StickySource.DEFAULT, Map.of(), false, "/a;jsessionid=", null, null),
                Arguments.of(StickySource.DEFAULT, Map.of(), false, "/a;jsessionid=?x", null, null),
                // names are case-sensitive, and only whole cookie names count (mod_caucho's substring
                // search would take XJSESSIONID)
                Arguments.of(StickySource.DEFAULT, Map.of("jsessionid", "baaX", "XJSESSIONID", "caaY"), false,
                        "/a;JSESSIONID=daaZ", null, null),
                // nothing
                Arguments.of(StickySource.DEFAULT, Map.of(), false, "/", null, null),
                // SSL cookie on a secure request
                Arguments.of(IIS_NAMES, Map.of("SSLJSESSIONID", "caaS", "JSESSIONID", "baaP"), true, "/", "caaS",
                        "SSL_COOKIE"),
                // SSL cookie ignored on a plain request
                Arguments.of(IIS_NAMES, Map.of("SSLJSESSIONID", "caaS", "JSESSIONID", "baaP"), false, "/", "baaP",
                        "COOKIE"),
                Arguments.of(IIS_NAMES, Map.of("SSLJSESSIONID", "caaS"), false, "/a;jsessionid=daaU", "daaU", "URL"),
                // secure request without the SSL cookie: the plain cookie
                Arguments.of(IIS_NAMES, Map.of("JSESSIONID", "baaP"), true, "/", "baaP", "COOKIE"),
                // same names (Resin's default): a secure request reads the one cookie as the SSL cookie
                Arguments.of(StickySource.DEFAULT, Map.of("JSESSIONID", "baaP"), true, "/", "baaP", "SSL_COOKIE"),
                // configured names
                Arguments.of(new StickySource("SID", "SSID", ";sid="), Map.of("JSESSIONID", "baaP"), false,
                        "/a;jsessionid=caaQ;sid=daaR", "daaR", "URL"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void find(StickySource source, Map<String, String> cookies, boolean secure, String uri, String id, String origin) {
        StickySource.Found found = source.find(new StickyRequest(cookies, secure, uri));
        StickySource.Found expected = id == null ? null : new StickySource.Found(id, StickySource.Origin.valueOf(origin));
        assertEquals(expected, found);
    }

    @Test
    void emptyNamesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StickySource("", "S", ";s="));
        assertEquals("session-cookie: \"\" (expected: a non-empty name)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StickySource("J", null, ";s="));
        assertEquals("ssl-session-cookie: \"\" (expected: a non-empty name)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StickySource("J", "S", ""));
        assertEquals("session-url-prefix: \"\" (expected: a non-empty prefix)", e.getMessage());
    }

    @Test
    void printsAsConfigured() {
        assertEquals("session-cookie=\"JSESSIONID\" ssl-session-cookie=\"SSLJSESSIONID\""
                + " session-url-prefix=\";jsessionid=\"", IIS_NAMES.toString());
    }
}

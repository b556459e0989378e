package dev.turnpike.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.turnpike.mapping.UrlPattern.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pattern table of resin-spec 5.3, row by row: how a reported pattern is read, then what it matches. */
class UrlPatternTest {

    static Stream<Arguments> parsing() {
        return Stream.of(
                // "" and "/" are the prefix "" (a wrong parse would make them exact, matching only "/")
                Arguments.of("", Kind.PREFIX, ""),
                Arguments.of("/", Kind.PREFIX, ""),
                Arguments.of("/*", Kind.PREFIX, ""),
                // the "/*" and the bare "*" forms are the same prefix
                Arguments.of("/a/b/*", Kind.PREFIX, "/a/b"),
                Arguments.of("/a/b*", Kind.PREFIX, "/a/b"),
                Arguments.of("a/b/*", Kind.PREFIX, "/a/b"),
                // exact, with the leading '/' added when missing
                Arguments.of("/a/b", Kind.EXACT, "/a/b"),
                Arguments.of("a/b", Kind.EXACT, "/a/b"),
                Arguments.of("/a/", Kind.EXACT, "/a/"),
                // suffix: everything after the '*'
                Arguments.of("*.ext", Kind.SUFFIX, ".ext"),
                Arguments.of("*", Kind.SUFFIX, ""),
                // anything else is the literal text (a wrong parse would make "/a/*.jsp" a suffix or prefix)
                Arguments.of("/a/*.jsp", Kind.EXACT, "/a/*.jsp"),
                Arguments.of("/a*b", Kind.EXACT, "/a*b"));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} \"{2}\"")
    @MethodSource
    void parsing(String written, Kind kind, String value) {
        UrlPattern pattern = UrlPattern.parse(written);
        assertEquals(kind, pattern.kind());
        assertEquals(value, pattern.value());
        assertEquals(written, pattern.toString());
    }

    static Stream<Arguments> matching() {
        return Stream.of(
                // "" and "/" and "/*": always
                Arguments.of("", "/anything", true),
                Arguments.of("", "", true),
                Arguments.of("/", "/a/b.jsp", true),
                Arguments.of("/*", "/", true),
                Arguments.of("/*", "", true),
                // "/a/b/*": the prefix itself or below it, never a longer name
                Arguments.of("/a/b/*", "/a/b", true),
                Arguments.of("/a/b/*", "/a/b/", true),
                Arguments.of("/a/b/*", "/a/b/c/d", true),
                Arguments.of("/a/b/*", "/a/bc", false),
                Arguments.of("/a/b/*", "/a", false),
                Arguments.of("/a/b/*", "/x/a/b/c", false),
                // "/a/b*" is the same prefix: not "/a/bc" (a wrong parse would take it as a string prefix)
                Arguments.of("/a/b*", "/a/b", true),
                Arguments.of("/a/b*", "/a/b/c", true),
                Arguments.of("/a/b*", "/a/bc", false),
                // no normalisation of dot segments: the plugin compares the path as it is
                Arguments.of("/a/b/*", "/a/b/../c", true),
                Arguments.of("/a/b/*", "/a/./b/c", false),
                // exact: "/a/b" and "a/b" match "/a/b" only
                Arguments.of("/a/b", "/a/b", true),
                Arguments.of("a/b", "/a/b", true),
                Arguments.of("/a/b", "/a/b/", false),
                Arguments.of("/a/b", "/a/b/c", false),
                Arguments.of("/a/b", "/A/B", false),
                // "*.ext": an occurrence followed by end or '/', so path-info is allowed
                Arguments.of("*.ext", "/x/y.ext", true),
                Arguments.of("*.ext", "/y.ext/more/info", true),
                Arguments.of("*.ext", "/y.extra", false),
                Arguments.of("*.ext", "/a.extra/b.ext", true),
                Arguments.of("*.ext", "/a.extra/b.ext/c", true),
                Arguments.of("*.ext", "/y.ext.bak", false),
                Arguments.of("*.ext", "/dir.ext/", true),
                Arguments.of("*.ext", "/y.EXT", false),
                Arguments.of("*.ext", "/y.ext;x=1", false),
                Arguments.of("*.jsp", "/y.jsp%2F", false),
                // "*": always
                Arguments.of("*", "/x", true),
                Arguments.of("*", "", true),
                // anything else: only the literal text
                Arguments.of("/a/*.jsp", "/a/x.jsp", false),
                Arguments.of("/a/*.jsp", "/a/*.jsp", true),
                // matching is case-sensitive, as mod_caucho on Unix (a lower-casing match would take "/web-inf/")
                Arguments.of("/WEB-INF/*", "/web-inf/web.xml", false),
                Arguments.of("/WEB-INF/*", "/WEB-INF/web.xml", true));
    }

    @ParameterizedTest(name = "\"{0}\" on \"{1}\": {2}")
    @MethodSource
    void matching(String pattern, String path, boolean expected) {
        assertEquals(expected, UrlPattern.parse(pattern).matches(path));
    }

    @Test
    void patternsAreEqualWhenWrittenAlike() {
        assertEquals(UrlPattern.parse("/a/*"), UrlPattern.parse("/a/*"));
        assertEquals(UrlPattern.parse("/a/*").hashCode(), UrlPattern.parse("/a/*").hashCode());
        // same location, different text: both stay listed as the configuration wrote them
        assertNotEquals(UrlPattern.parse("/a/*"), UrlPattern.parse("/a*"));
    }
}

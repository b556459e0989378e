package dev.turnpike.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TargetTest {

    static Stream<Arguments> resolve() {
        return Stream.of(
                // replaceFirst: the rest of the subject stays (a wrong result would drop "/x")
                Arguments.of("^/foo", "/bar", "/foo/x", "/bar/x"),
                Arguments.of("^", "/index.php", "/Main_Page", "/index.php/Main_Page"),
                // only the first match is replaced
                Arguments.of("o", "0", "/foo/boo", "/f0o/boo"),
                Arguments.of("^/blog/(\\d+)/(\\d+)$", "/posts?y=$1&m=$2", "/blog/2024/05", "/posts?y=2024&m=05"),
                // escapes
                Arguments.of("^/p/(.*)$", "/price/\\$$1", "/p/9", "/price/$9"),
                // multi-digit references stop at the group count, as Matcher does: $10 with one group is $1 then 0
                Arguments.of("^/(a)$", "/$10", "/a", "/a0"));
    }

    @ParameterizedTest
    @MethodSource
    void resolve(String regexp, String target, String subject, String expected) {
        Pattern pattern = Pattern.compile(regexp);
        Matcher matcher = pattern.matcher(subject);
        assertEquals(true, matcher.find());
        assertEquals(expected, Target.of(target, pattern).resolve(matcher, subject));
    }

    @ParameterizedTest
    @MethodSource
    void invalid(String regexp, String target, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Target.of(target, Pattern.compile(regexp)));
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("^/(a)$", "/$2", "'$2' at index 1 refers to group 2 but the regexp has 1 group"),
                Arguments.of("^/a$", "/$1", "'$1' at index 1 refers to group 1 but the regexp has 0 groups"),
                Arguments.of("^/a$", "/x$", "ends with a lone '$'; write '\\$' for a dollar sign"),
                Arguments.of("^/a$", "/x\\", "ends with a lone '\\'; write '\\\\' for a backslash"),
                Arguments.of("^/a$", "/$x", "'$' at index 1 is not followed by a group number; write '\\$' for a dollar sign"),
                Arguments.of("^/(?<n>a)$", "/${n}", "'${' at index 1 starts an EL expression or a named group, which are"
                        + " not supported; write '\\$' for a dollar sign"));
    }

    @org.junit.jupiter.api.Test
    void withoutRegexpTheTextIsLiteral() {
        assertEquals("/a/$1", Target.of("/a/$1", null).resolve(null, "/whatever"));
    }
}

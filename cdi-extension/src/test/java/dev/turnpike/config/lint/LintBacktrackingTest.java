package dev.turnpike.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The backtracking finder on catastrophic patterns and on the project's ordinary rule patterns. */
class LintBacktrackingTest {

    static Stream<Arguments> catastrophic() {
        return Stream.of(
                // nested repetition: the classics
                Arguments.of("(a+)+", "TPL0101 (a+)+ a+"),
                Arguments.of("^/(a+)+$", "TPL0101 (a+)+ a+"),
                Arguments.of("(.*)*", "TPL0101 (.*)* .*"),
                Arguments.of("(\\w+\\s?)*", "TPL0101 (\\w+\\s?)* \\w+"),
                Arguments.of("(x+x+)+y", "TPL0101 (x+x+)+ x+"),
                Arguments.of("(a*)*b", "TPL0101 (a*)* a*"),
                Arguments.of("^(\\d+)*$", "TPL0101 (\\d+)* \\d+"),
                Arguments.of("^/([a-z]+\\.?)+$", "TPL0101 ([a-z]+\\.?)+ [a-z]+"),
                Arguments.of("((ab)*)+", "TPL0101 ((ab)*)+ (ab)*"),
                Arguments.of("(?:a{1,5})+b", "TPL0101 (?:a{1,5})+ a{1,5}"),
                Arguments.of("(?i)^/(a+)+$", "TPL0101 (a+)+ a+"),
                // a large bound counts as unbounded (the budget test's pattern)
                Arguments.of("^/(.*a){20}$", "TPL0101 (.*a){20} .*"),
                // lazy quantifiers backtrack just the same
                Arguments.of("(a+?)+?c", "TPL0101 (a+?)+? a+?"),
                // an atomic group around the whole still fails slowly when something follows inside it
                Arguments.of("(?>(a+)+b)", "TPL0101 (a+)+ a+"),
                // overlapping alternatives under a repetition
                Arguments.of("(a|aa)+", "TPL0102 (a|aa)+"),
                Arguments.of("^(\\w|\\d)+$", "TPL0102 (\\w|\\d)+"),
                Arguments.of("(a|b|ab)*c", "TPL0102 (a|b|ab)*"),
                Arguments.of("^/(?:x|[a-z])*;", "TPL0102 (?:x|[a-z])*"));
    }

    @ParameterizedTest
    @MethodSource("catastrophic")
    void flagsCatastrophicPattern(String pattern, String expected) {
        assertEquals(List.of(expected), describe(pattern));
    }

    static Stream<String> ordinary() {
        return Stream.of(
                // the sample configuration (ejb-module sample-rules.xml)
                "^/private/", "\\.(bak|old|orig|swp)$", "^/", "(?i)badbot", "^/admin/(.*)$", "^/status$",
                // the project's test configurations
                "^/old/(.*)$", "^/x/(.*)", "^/report/(\\d+)", "^/a.*b$", "^/(a+)?b", "^/(a)", "[.]php",
                "^http://old", "(.+)\\.example", "\\.(php|gif|css|jpg|png)", "\\.(php|jpg|html|txt|gif|png|js|css)",
                "^/(.*)$", "^/([^/]+)/([^/]+)", "^/(php|blog)/", "^/caf\u00e9", "^/code(/echo/.*)$",
                "^/full\\?q=(\\w+)", "^/old-page.html", "^/force(/echo/.*)$", "^yes$", "^/moved$", "^",
                // plain prefixes and path shapes
                "^/foo/(.*)$", "^/a/([^/]+)/b", "\\.(jpg|png)$", "^(/[^/]+)*$", "^/([a-z]+/)*index\\.html$",
                "^/(\\d{1,3}\\.)+x", "(\\.jpg|\\.png)+", "(a|ab)*c", "^/[^?]*\\?(.*)$",
                // possessive and atomic repetitions never give back what they read
                "(a++)+", "(?>a+)+", "(a+)++", "(?>(a+)+)",
                // a bounded outer repetition and an optional inner part
                "(a+){2}", "(a?)+", "^/(\\w+){1,3}$");
    }

    @ParameterizedTest
    @MethodSource("ordinary")
    void passesOrdinaryPattern(String pattern) {
        assertEquals(List.of(), describe(pattern));
    }

    private static List<String> describe(String pattern) {
        return Backtracking.find(Pattern.compile(pattern)).stream()
                .map(f -> f.code() + " " + f.outer() + (f.inner() == null ? "" : " " + f.inner()))
                .toList();
    }
}

package dev.turnpike.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RegexAnalysisTest {

    private static String describe(String regexp) {
        RegexAnalysis analysis = RegexAnalysis.of(Pattern.compile(regexp));
        if (analysis.opaque()) {
            return "opaque";
        }
        List<String> parts = new ArrayList<>();
        for (RegexAnalysis.Branch branch : analysis.branches()) {
            parts.add((branch.prefix() == null ? "" : "^" + branch.prefix() + " ") + branch.literals());
        }
        return String.join(" | ", parts);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "^/section1/(.*)$;                 ^/section1/ [/section1/]",
        "^/app/([a-z]+)/([0-9]+)/item7$;   ^/app/ [/item7, /app/, /]",
        "\\.php$;                          [.php]",
        "^/(en|fr)/docs/(.*);              ^/ [/docs/, /]",
        "^/foo\\.bar\\Q?x\\E;              ^/foo.bar?x [/foo.bar?x]",
        "^/a+b;                            ^/a [/a, b]",
        "^/a*b;                            ^/ [/, b]",
        "^/(?:ab){2}c;                     ^/ab [/ab, c]",
        "/x(?=y)z;                         [/x, z]",
        "^/old|^/legacy;                   ^/old [/old] | ^/legacy [/legacy]",
        "(?i)^/admin;                      opaque",
        "^/a|.*;                           opaque",
        ".*;                               opaque",
        "^;                                opaque",
        "[/]abc\\d+def;                    [abc, def]",
        "^\\x2Fa\\u0062\\t;                ^/ab\t [/ab\t]",
        "(a)\\1bc;                         [bc, a]",
        "^(/shop)/(\\d+);                  ^/shop/ [/shop/]",
    })
    void findsPrefixesAndRequiredLiterals(String regexp, String expected) {
        assertEquals(expected.replace("\\t", "\t"), describe(regexp));
    }

    @Test
    void compileTimeFlagsMakeAPatternOpaque() {
        assertTrue(RegexAnalysis.of(Pattern.compile("^/admin", Pattern.CASE_INSENSITIVE)).opaque());
    }

    @Test
    void nestedRepetitionIsNoticed() {
        assertTrue(RegexAnalysis.of(Pattern.compile("^/(a+)+$")).nestedQuantifier());
        assertTrue(RegexAnalysis.of(Pattern.compile("(.*a){2,}")).nestedQuantifier());
        assertFalse(RegexAnalysis.of(Pattern.compile("^/(a+)?b+(c|d)*$")).nestedQuantifier());
    }

    /** Every string a pattern finds a match in contains what the analysis says, for random patterns. */
    @Test
    void theLiteralsAreInEveryMatchingString() {
        RandomRules random = new RandomRules(20261121L);
        int checked = 0;
        for (int p = 0; p < 4000; p++) {
            Pattern pattern = random.pattern();
            RegexAnalysis analysis = RegexAnalysis.of(pattern);
            for (int s = 0; s < 60; s++) {
                String subject = random.subject();
                if (!pattern.matcher(subject).find()) {
                    continue;
                }
                checked++;
                assertTrue(analysis.opaque() || analysis.branches().stream().anyMatch(b ->
                                (b.prefix() == null || subject.startsWith(b.prefix()))
                                        && b.literals().stream().allMatch(subject::contains)),
                        () -> "'" + subject + "' matches " + pattern + " but lacks what the analysis requires: "
                                + analysis.branches());
            }
        }
        assertTrue(checked > 20_000, "too few matching subjects to say much: " + checked);
    }
}

package dev.turnpike.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.rules.Target;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Targets, parsed once, substitute exactly as {@code Matcher.replaceFirst}/{@code replaceAll} do. */
class TargetSubstitutionTest {

    private static final String[] PIECES = {"/t", "$0", "$1", "$2", "$12", "\\$", "\\\\", "x", "$1$1", "?q=$2&r=1"};

    @Test
    void substitutionMatchesTheJdk() {
        RandomRules random = new RandomRules(77L);
        int compared = 0;
        for (int p = 0; p < 3000; p++) {
            Pattern pattern = random.pattern();
            int groups = pattern.matcher("").groupCount();
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(4); i >= 0; i--) {
                String piece = PIECES[random.nextInt(PIECES.length)];
                if (piece.startsWith("$") && piece.length() > 1 && piece.charAt(1) - '0' > groups) {
                    continue;
                }
                text.append(piece);
            }
            for (Target.Replace replace : Target.Replace.values()) {
                Target target;
                try {
                    target = Target.of(text.toString(), pattern, replace);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                for (int s = 0; s < 20; s++) {
                    String subject = random.subject();
                    Matcher matcher = pattern.matcher(subject);
                    if (!matcher.find()) {
                        continue;
                    }
                    String expected = replace == Target.Replace.FIRST
                            ? pattern.matcher(subject).replaceFirst(text.toString())
                            : pattern.matcher(subject).replaceAll(text.toString());
                    assertEquals(expected, target.resolve(matcher, subject),
                            () -> pattern + " on '" + subject + "' with '" + text + "' (" + replace + ")");
                    compared++;
                }
            }
        }
        assertTrue(compared > 10_000, "too few substitutions compared: " + compared);
    }
}

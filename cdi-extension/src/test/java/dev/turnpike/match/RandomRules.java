package dev.turnpike.match;

import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Random Java regexps and subjects over a small alphabet, so that many subjects match. */
final class RandomRules {

    private static final String[] CHUNKS = {"/a", "/ab", "b", ".php", "x", "/", "-", "ab", "/x/", "a"};
    private static final String[] ATOMS = {"\\.", "[a-c]", ".", "\\d", "[^/]", "\\w", "\\Q.x\\E", "\\x41", "\\u0062",
        "\\b", "$", "(?=b)", "(?!x)", "\\/"};
    private static final String SUBJECT_CHARS = "abcx/.-0A";

    private final Random random;

    RandomRules(long seed) {
        random = new Random(seed);
    }

    /** A pattern that compiles. */
    Pattern pattern() {
        while (true) {
            String source = source();
            try {
                return Pattern.compile(source);
            } catch (PatternSyntaxException e) {
                // try another
            }
        }
    }

    private String source() {
        StringBuilder out = new StringBuilder();
        int kind = random.nextInt(20);
        if (kind == 0) {
            out.append("(?i)");
        } else if (kind == 1) {
            return sequence(2) + "|" + sequence(2);
        }
        if (random.nextInt(3) > 0) {
            out.append('^');
        }
        out.append(sequence(2));
        if (random.nextInt(4) == 0) {
            out.append('$');
        }
        return out.toString();
    }

    private String sequence(int depth) {
        StringBuilder out = new StringBuilder();
        int items = 1 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            out.append(item(depth));
        }
        return out.toString();
    }

    private String item(int depth) {
        String atom;
        int kind = random.nextInt(10);
        if (kind < 5) {
            atom = CHUNKS[random.nextInt(CHUNKS.length)];
        } else if (kind < 7) {
            atom = ATOMS[random.nextInt(ATOMS.length)];
        } else if (depth > 0 && kind == 7) {
            atom = "(" + sequence(depth - 1) + ")";
        } else if (depth > 0 && kind == 8) {
            atom = "(?:" + sequence(depth - 1) + "|" + sequence(depth - 1) + ")";
        } else {
            atom = String.valueOf(SUBJECT_CHARS.charAt(random.nextInt(SUBJECT_CHARS.length())));
        }
        return switch (random.nextInt(12)) {
            case 0 -> atom + "?";
            case 1 -> atom + "*";
            case 2 -> atom.length() == 1 ? atom + "+" : "(?:" + atom + ")+";
            case 3 -> "(?:" + atom + "){1,2}";
            case 4 -> atom + "*?";
            default -> atom;
        };
    }

    /** A subject: chunks and characters of the patterns' alphabet. */
    String subject() {
        StringBuilder out = new StringBuilder();
        int parts = random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            if (random.nextBoolean()) {
                out.append(CHUNKS[random.nextInt(CHUNKS.length)]);
            } else {
                out.append(SUBJECT_CHARS.charAt(random.nextInt(SUBJECT_CHARS.length())));
            }
        }
        return out.toString();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}

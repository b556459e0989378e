package dev.turnpike.it.hostile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Request targets that name a protected path in another spelling: encoded and double-encoded dot
 * segments, encoded and backslash separators, {@code ;} path parameters, overlong UTF-8, NUL,
 * {@code %u} escapes and percent-encoded letters in either case. Each variant either names the
 * protected resource (and must meet the rule that protects it) or names something else (and must
 * not be served the protected resource).
 *
 * <p>The basic set (a few hundred per path) runs by default; {@link #full} adds a two-level
 * traversal in every spelling of {@code ..} and of the separator before every spelling of the
 * first segment, each also with random-case escapes (several thousand per path).
 */
final class BypassVariants {

    /** How {@code ..} may be spelled. */
    private static final List<String> DOT_DOT = List.of("..", "%2e%2e", "%2E%2E", "%2e%2E", ".%2e", "%2e.", ".%2E",
            "%252e%252e", "%c0%ae%c0%ae", "%C0%AE%C0%AE", "%e0%80%ae%e0%80%ae", "%u002e%u002e", "..%00", "..;",
            "..;x=y", "%2e%2e;", ".%00.", "..%2500");

    /** How the separator around a {@code ..} may be spelled. */
    private static final List<String> SEPARATORS = List.of("/", "%2f", "%2F", "\\", "%5c", "%5C", "%252f", ";/",
            "//", "/./", "%c0%af", "%C0%AF", "%u002f", "%ef%bc%8f");

    private BypassVariants() {
    }

    /** The default set for {@code path} ({@code /first/rest}). */
    static List<String> basic(String path) {
        Set<String> variants = new LinkedHashSet<>();
        String first = path.substring(1, path.indexOf('/', 1));
        String rest = path.substring(path.indexOf('/', 1));
        variants.add(path);
        for (String dots : DOT_DOT) {
            for (String separator : SEPARATORS) {
                variants.add("/public" + separator + dots + separator + path.substring(1));
            }
        }
        variants.addAll(segmentSpellings(first, rest));
        return List.copyOf(variants);
    }

    /** The basic set plus traversals combined with segment spellings and random-case escapes. */
    static List<String> full(String path, long seed) {
        Set<String> variants = new LinkedHashSet<>(basic(path));
        String first = path.substring(1, path.indexOf('/', 1));
        String rest = path.substring(path.indexOf('/', 1));
        Random random = new Random(seed);
        for (String spelled : segmentSpellings(first, rest)) {
            for (String dots : DOT_DOT) {
                String variant = "/a/b/" + dots + "/" + dots + "/" + spelled.substring(1);
                variants.add(variant);
                variants.add(randomCase(variant, random));
            }
            for (String separator : SEPARATORS) {
                String variant = "/a/b" + separator + ".." + separator + ".." + separator + spelled.substring(1);
                variants.add(variant);
                variants.add(randomCase(variant, random));
            }
        }
        return new ArrayList<>(variants);
    }

    /** The first segment spelled otherwise: escaped letters, path parameters, dot segments, NUL, backslashes. */
    private static List<String> segmentSpellings(String first, String rest) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < first.length(); i++) {
            String hex = String.format("%02x", (int) first.charAt(i));
            String before = first.substring(0, i);
            String after = first.substring(i + 1);
            out.add("/" + before + "%" + hex + after + rest);
            out.add("/" + before + "%" + hex.toUpperCase(Locale.ROOT) + after + rest);
            out.add("/" + before + "%25" + hex + after + rest);
            out.add("/" + before + "%u00" + hex + after + rest);
            // overlong two-byte form of an ASCII letter: C0|C1 + 80|low six bits
            int c = first.charAt(i);
            out.add("/" + before + String.format("%%%02x%%%02x", 0xc0 | (c >> 6), 0x80 | (c & 0x3f)) + after + rest);
        }
        for (String parameter : List.of(";", ";x=y", ";jsessionid=abc", ";/", "%3b", "%3bx=y")) {
            out.add("/" + first + parameter + rest);
            out.add("/" + first + parameter + "/" + rest.substring(1));
            out.add("/" + parameter.replace("/", "") + "/" + first + rest);
        }
        for (String prefix : List.of("//", "///", "/./", "/%2e/", "/%2E/", "/.;/", "/;/", "/\\", "/%5c", "\\", "/%2f",
                "/%00/../", "/x/../", "/x/./../", "/%20/../", "/x%00/../")) {
            out.add(prefix + first + rest);
        }
        for (String suffix : List.of("%00", "%00.txt", "%20", ".", "%2e", "%3f", "%23", "%09", "%0a", "%0d%0a", "\\",
                "%5c", "%2f", "%252f", "/.", "/%2e", "~", "::$DATA")) {
            out.add("/" + first + suffix + rest);
        }
        out.add("/" + first.toUpperCase(Locale.ROOT) + rest);
        out.add("/" + first + rest.replace("/", "%2f"));
        out.add("/" + first + rest.replace("/", "\\"));
        return out;
    }

    /** Flips the case of each hex digit of every escape at random. */
    private static String randomCase(String variant, Random random) {
        StringBuilder out = new StringBuilder(variant);
        for (int i = 0; i + 2 < out.length(); i++) {
            if (out.charAt(i) == '%') {
                for (int j = i + 1; j <= i + 2; j++) {
                    char c = out.charAt(j);
                    out.setCharAt(j, random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
                }
            }
        }
        return out.toString();
    }
}

package dev.turnpike.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one neutral rule set every engine in {@link SelectionBenchmark} is given, and the request
 * URIs that exercise it.
 *
 * <p>{@link #rules(int) rules(n)} makes {@code n} first-match-wins, terminating rules, each a
 * Java regex with capture groups and a target referring to them as {@code $1}, {@code $2}. The
 * set is deterministic (fixed seed) and prefix-stable: the first 10 of the 10 000-rule set are
 * the 10-rule set. Rule {@code i} has a unique lower-case word {@code w(i)} and one of four
 * kinds, drawn with these weights:
 *
 * <table>
 *   <caption>Rule kinds</caption>
 *   <tr><th>kind</th><th>share</th><th>regex</th><th>target</th><th>example request</th></tr>
 *   <tr><td>{@link Kind#APP}</td><td>60 %</td><td>{@code ^/app/w/([a-z]+)/([0-9]+)$}</td>
 *       <td>{@code /target/i?cat=$1&id=$2}</td><td>{@code /app/w/books/42}</td></tr>
 *   <tr><td>{@link Kind#LEGACY}</td><td>15 %</td><td>{@code ^/legacy/w\.html$}</td>
 *       <td>{@code /pages/i.jsp}</td><td>{@code /legacy/w.html}</td></tr>
 *   <tr><td>{@link Kind#LOCALE}</td><td>15 %</td><td>{@code ^/(en|fr|de)/w/(.*)$}</td>
 *       <td>{@code /content/i?lang=$1&path=$2}</td><td>{@code /fr/w/news/spring}</td></tr>
 *   <tr><td>{@link Kind#DOWNLOAD}</td><td>10 %</td><td>{@code /w/download/([^/]+)$} (unanchored
 *       at the start: needs {@code find()})</td><td>{@code /download/i?file=$1}</td>
 *       <td>{@code /files/w/download/report-7.pdf}</td></tr>
 * </table>
 *
 * <p>Every rule also has a query-free {@linkplain RuleSpec#pathTarget() path target}
 * ({@code /target/i/$1/$2} ...) for Undertow, whose {@code rewrite()} of a target with a query
 * string needs a real connection (peers.md §2.5).
 *
 * <p>{@link #workload(int, String) workload(n, position)} makes the requests for one position:
 * {@code first} (hits rule 0), {@code middle} (rule n/2), {@code last} (rule n-1), {@code miss}
 * (matches no rule; it still starts with {@code /app/}) or {@code mixed}: a fixed cycle of
 * {@value #MIXED} requests, {@value #MIXED_MISSES} of them misses of various shapes, the others
 * hitting rules drawn uniformly. Each case knows its expected target, computed from the parts
 * it was built from; {@link #workload} also checks with plain {@code Pattern.find()} over the
 * whole list that the first rule to match is the intended one.
 */
public final class RuleSpecs {

    /** Seed of the rule set. */
    public static final long SEED = 20261101L;
    /** Requests in the {@code mixed} cycle (a power of two). */
    public static final int MIXED = 64;
    /** Misses among them. */
    public static final int MIXED_MISSES = 8;

    private static final String[] CATEGORIES = {"books", "music", "garden", "toys", "sports", "tools"};
    private static final String[] LANGUAGES = {"en", "fr", "de"};
    private static final String[] TAILS = {"about", "news/spring", "guides/intro/part-2", "help/faq"};
    private static final Set<String> RESERVED = Set.of("app", "legacy", "download", "files", "target", "pages",
            "content", "static");
    /** Misses of several shapes; none can match a rule because words are letters only. */
    private static final String[] MISSES = {
            "/app/nowhere0/books/42", "/static/css/site-2.css", "/legacy/no-such-page.html",
            "/fr/no-such-section/news/spring", "/files/no-such-dir/download/setup-1.zip", "/app/books",
            "/favicon.ico", "/api/v2/orders/17"};

    private RuleSpecs() {
    }

    /** The four shapes of rule. */
    public enum Kind { APP, LEGACY, LOCALE, DOWNLOAD }

    /**
     * One rule.
     *
     * @param index      its position, 0-based; first match wins
     * @param kind       its shape
     * @param word       its unique word
     * @param regex      the Java regex, matched with {@code find()} semantics
     * @param anchored   whether the regex starts with {@code ^} (all kinds but {@code DOWNLOAD})
     * @param target     the target, {@code $n} referring to the regex's groups
     * @param pathTarget the same target without query string ({@code ?a=$1&b=$2} becomes
     *                   {@code /$1/$2})
     */
    public record RuleSpec(int index, Kind kind, String word, String regex, boolean anchored, String target,
                           String pathTarget) {

        /**
         * The regex for engines that match with {@code Matcher.matches()} (Tomcat, Jetty): the
         * regex itself when anchored, else {@code .*?(?:regex).*}, which matches exactly the
         * subjects where {@code find()} finds the regex (the groups keep their numbers).
         */
        public String fullMatchRegex() {
            return anchored ? regex : ".*?(?:" + regex + ").*";
        }
    }

    /**
     * One request and what it must select.
     *
     * @param uri    the request URI (no query string, nothing percent-encoded)
     * @param rule   the rule it must select, or {@code null} for a miss
     * @param groups the values of the rule's groups
     * @param prefix the part of the URI before the regex's match (only unanchored rules have one)
     */
    public record Case(String uri, RuleSpec rule, List<String> groups, String prefix) {

        /** The rule's target with its groups substituted, or {@code null} for a miss. */
        public String target() {
            return rule == null ? null : substitute(rule.target());
        }

        /** The query-free target with its groups substituted, or {@code null} for a miss. */
        public String pathTarget() {
            return rule == null ? null : substitute(rule.pathTarget());
        }

        /**
         * What an engine that replaces only the matched part of the URI produces
         * ({@code Matcher.replaceFirst}, Resin's and Tuckey's semantics): the prefix before the
         * match plus the target. Equal to {@link #target()} for anchored rules.
         */
        public String replacedTarget() {
            return rule == null ? null : prefix + target();
        }

        private String substitute(String template) {
            String out = template;
            for (int g = groups.size(); g >= 1; g--) {
                out = out.replace("$" + g, groups.get(g - 1));
            }
            return out;
        }

        /** The rule number as text, {@code miss} for none; for messages. */
        public String describe() {
            return uri + " -> " + (rule == null ? "miss" : "rule " + rule.index() + " (" + rule.kind() + ")");
        }
    }

    /**
     * The rules and the requests of one benchmark point.
     *
     * @param rules    the rule set
     * @param position {@code first}, {@code middle}, {@code last}, {@code miss} or {@code mixed}
     * @param cases    the requests: one, or {@value #MIXED} for {@code mixed}; a power of two
     */
    public record Workload(List<RuleSpec> rules, String position, List<Case> cases) {
    }

    /** The first {@code n} rules of the set. */
    public static List<RuleSpec> rules(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("rules must be at least 1: " + n);
        }
        Random random = new Random(SEED);
        Set<String> words = new HashSet<>(RESERVED);
        List<RuleSpec> rules = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int draw = random.nextInt(100);
            Kind kind = draw < 60 ? Kind.APP : draw < 75 ? Kind.LEGACY : draw < 90 ? Kind.LOCALE : Kind.DOWNLOAD;
            String word;
            do {
                int length = 5 + random.nextInt(5);
                StringBuilder sb = new StringBuilder(length);
                for (int c = 0; c < length; c++) {
                    sb.append((char) ('a' + random.nextInt(26)));
                }
                word = sb.toString();
            } while (!words.add(word));
            rules.add(rule(i, kind, word));
        }
        return List.copyOf(rules);
    }

    private static RuleSpec rule(int i, Kind kind, String w) {
        return switch (kind) {
            case APP -> new RuleSpec(i, kind, w, "^/app/" + w + "/([a-z]+)/([0-9]+)$", true,
                    "/target/" + i + "?cat=$1&id=$2", "/target/" + i + "/$1/$2");
            case LEGACY -> new RuleSpec(i, kind, w, "^/legacy/" + w + "\\.html$", true,
                    "/pages/" + i + ".jsp", "/pages/" + i + ".jsp");
            case LOCALE -> new RuleSpec(i, kind, w, "^/(en|fr|de)/" + w + "/(.*)$", true,
                    "/content/" + i + "?lang=$1&path=$2", "/content/" + i + "/$1/$2");
            case DOWNLOAD -> new RuleSpec(i, kind, w, "/" + w + "/download/([^/]+)$", false,
                    "/download/" + i + "?file=$1", "/download/" + i + "/$1");
        };
    }

    /** The rules and requests for {@code n} rules and one position. */
    public static Workload workload(int n, String position) {
        List<RuleSpec> rules = rules(n);
        Random random = new Random(SEED * 31 + n);
        List<Case> cases = switch (position) {
            case "first" -> List.of(hit(rules.get(0), random));
            case "middle" -> List.of(hit(rules.get(n / 2), random));
            case "last" -> List.of(hit(rules.get(n - 1), random));
            case "miss" -> List.of(miss(MISSES[0]));
            case "mixed" -> {
                List<Case> mixed = new ArrayList<>(MIXED);
                for (int i = 0; i < MIXED - MIXED_MISSES; i++) {
                    mixed.add(hit(rules.get(random.nextInt(n)), random));
                }
                for (int i = 0; i < MIXED_MISSES; i++) {
                    mixed.add(miss(MISSES[i % MISSES.length]));
                }
                Collections.shuffle(mixed, random);
                yield List.copyOf(mixed);
            }
            default -> throw new IllegalArgumentException("position must be first, middle, last, miss or mixed: "
                    + position);
        };
        checkFirstMatch(rules, cases);
        return new Workload(rules, position, cases);
    }

    private static Case hit(RuleSpec rule, Random random) {
        String w = rule.word();
        return switch (rule.kind()) {
            case APP -> {
                String cat = CATEGORIES[random.nextInt(CATEGORIES.length)];
                String id = Integer.toString(1 + random.nextInt(99_999));
                yield new Case("/app/" + w + "/" + cat + "/" + id, rule, List.of(cat, id), "");
            }
            case LEGACY -> new Case("/legacy/" + w + ".html", rule, List.of(), "");
            case LOCALE -> {
                String lang = LANGUAGES[random.nextInt(LANGUAGES.length)];
                String tail = TAILS[random.nextInt(TAILS.length)];
                yield new Case("/" + lang + "/" + w + "/" + tail, rule, List.of(lang, tail), "");
            }
            case DOWNLOAD -> {
                String file = "report-" + random.nextInt(1000) + ".pdf";
                yield new Case("/files/" + w + "/download/" + file, rule, List.of(file), "/files");
            }
        };
    }

    private static Case miss(String uri) {
        return new Case(uri, null, List.of(), "");
    }

    /** Checks with plain {@code find()} that each case's first matching rule is its rule. */
    private static void checkFirstMatch(List<RuleSpec> rules, List<Case> cases) {
        List<Pattern> patterns = new ArrayList<>(rules.size());
        for (RuleSpec rule : rules) {
            patterns.add(Pattern.compile(rule.regex()));
        }
        for (Case c : cases) {
            int first = -1;
            Matcher matcher = null;
            for (int i = 0; i < patterns.size() && first < 0; i++) {
                matcher = patterns.get(i).matcher(c.uri());
                if (matcher.find()) {
                    first = i;
                }
            }
            int expected = c.rule() == null ? -1 : c.rule().index();
            if (first != expected) {
                throw new IllegalStateException("rule spec generator: " + c.describe() + " but find() selects "
                        + (first < 0 ? "no rule" : "rule " + first));
            }
            if (first >= 0) {
                String replaced = matcher.replaceFirst(c.rule().target());
                if (!replaced.equals(c.replacedTarget())) {
                    throw new IllegalStateException("rule spec generator: " + c.describe() + " replaceFirst gives "
                            + replaced + ", expected " + c.replacedTarget());
                }
            }
        }
    }
}

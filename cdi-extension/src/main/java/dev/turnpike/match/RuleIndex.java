package dev.turnpike.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which rules of an ordered list can possibly match a subject, in rule order, found without
 * trying each rule's regexp.
 *
 * <p>Each rule's pattern is {@linkplain RegexAnalysis analysed} once. For each top-level
 * alternative the most selective literal is kept as the rule's key: a literal the subject must
 * start with, or one it must contain. One {@link LiteralAutomaton} pass over the subject finds
 * every key present; the rules of those keys, plus the rules no literal describes (no regexp,
 * unusual flags, patterns like {@code .*}), are the candidates. Candidates are a superset of the
 * rules whose regexp finds a match, so trying them in order gives the same first match as trying
 * every rule.
 *
 * <p>Candidate lists are cached per subject, like Resin's invocation cache, in a bounded map
 * that is emptied when full. The index is immutable apart from that cache, belongs to one
 * immutable rule list, and is replaced with it.
 */
public final class RuleIndex {

    /** Below this many rules, trying every rule is as cheap as looking up candidates. */
    public static final int MIN_RULES = 8;

    /**
     * Whether candidate lists are cached per subject; {@code -Dturnpike.selection.cache=false}
     * turns the cache off, to measure the index alone.
     */
    private static final boolean CACHE = !"false".equals(System.getProperty("turnpike.selection.cache"));
    private static final int CACHE_ENTRIES = 4096;
    private static final int CACHEABLE_LENGTH = 512;

    private final int size;
    private final int[] all;
    private final int[] always;
    private final LiteralAutomaton automaton;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private RuleIndex(int size, int[] always, LiteralAutomaton automaton) {
        this.size = size;
        this.all = new int[size];
        Arrays.setAll(all, i -> i);
        this.always = always;
        this.automaton = automaton;
    }

    /**
     * Indexes rules by their patterns.
     *
     * @param patterns per rule, in order, the pattern a subject must contain a match of for the
     *                 rule to act, or {@code null} when the rule may act on any subject
     */
    public static RuleIndex of(List<Pattern> patterns) {
        List<List<RegexAnalysis.Branch>> branches = new ArrayList<>(patterns.size());
        Map<String, Integer> frequency = new HashMap<>();
        for (Pattern pattern : patterns) {
            RegexAnalysis analysis = pattern == null ? null : RegexAnalysis.of(pattern);
            if (analysis == null || analysis.opaque()) {
                branches.add(null);
                continue;
            }
            branches.add(analysis.branches());
            for (RegexAnalysis.Branch branch : analysis.branches()) {
                if (branch.prefix() != null) {
                    frequency.merge(anchoredKey(branch.prefix()), 1, Integer::sum);
                }
                for (String literal : branch.literals()) {
                    frequency.merge(literal, 1, Integer::sum);
                }
            }
        }
        List<Integer> always = new ArrayList<>();
        LiteralAutomaton.Builder builder = new LiteralAutomaton.Builder();
        for (int rule = 0; rule < patterns.size(); rule++) {
            List<RegexAnalysis.Branch> ruleBranches = branches.get(rule);
            if (ruleBranches == null) {
                always.add(rule);
                continue;
            }
            for (RegexAnalysis.Branch branch : ruleBranches) {
                addKey(builder, branch, rule, frequency);
            }
        }
        return new RuleIndex(patterns.size(), always.stream().mapToInt(Integer::intValue).toArray(), builder.build());
    }

    /** The branch's most selective literal: the one fewest rules share, the longer on a tie, anchored on a tie. */
    private static void addKey(LiteralAutomaton.Builder builder, RegexAnalysis.Branch branch, int rule,
                               Map<String, Integer> frequency) {
        String best = branch.prefix();
        boolean anchored = best != null;
        int bestCount = anchored ? frequency.get(anchoredKey(best)) : Integer.MAX_VALUE;
        for (String literal : branch.literals()) {
            int count = frequency.get(literal);
            if (count < bestCount || (count == bestCount && literal.length() > best.length())) {
                best = literal;
                bestCount = count;
                anchored = false;
            }
        }
        builder.add(best, anchored, rule);
    }

    private static String anchoredKey(String prefix) {
        return '^' + prefix;
    }

    /**
     * The rules that may match the subject, ascending. The array is shared: callers must not
     * change it.
     */
    public int[] candidates(String subject) {
        if (size < MIN_RULES) {
            return all;
        }
        int[] cached = CACHE ? cache.get(subject) : null;
        if (cached != null) {
            return cached;
        }
        IntBuffer found = new IntBuffer(always.length + 8);
        found.addAll(always);
        automaton.find(subject, found);
        int[] candidates = found.sortedDistinct();
        if (CACHE && subject.length() <= CACHEABLE_LENGTH) {
            if (cache.size() >= CACHE_ENTRIES) {
                cache.clear();
            }
            cache.put(subject, candidates);
        }
        return candidates;
    }

    /** How many rules are candidates for every subject because no literal describes them. */
    public int unindexed() {
        return always.length;
    }

    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return "RuleIndex[" + size + " rules, " + always.length + " always tried, " + automaton.nodes()
                + " automaton nodes]";
    }
}

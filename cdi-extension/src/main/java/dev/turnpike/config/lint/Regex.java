package dev.turnpike.config.lint;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule's regexp read into a small syntax tree, for reasoning about what it can match: which
 * characters a part can read first, whether it can match nothing, which characters it can
 * contain, which strings a capture can start with.
 *
 * <p>The reader follows {@link Pattern}'s syntax for patterns that compiled: groups of every kind,
 * classes (ranges, negation, nesting, {@code &&}), escapes, quantifiers with their lazy and
 * possessive forms, inline flags ({@code i}, {@code s}, {@code m}, {@code d}, {@code u},
 * {@code U}). It gives up ({@link #parse} returns {@code null}) on comments mode, {@code LITERAL}
 * and {@code CANON_EQ}, so callers say nothing rather than something wrong. Where it
 * approximates ({@code \p{...}}, Unicode classes, back references, lookarounds) it errs towards
 * "can match more".
 */
final class Regex {

    /** A part of a pattern. */
    sealed interface Node permits Chars, Seq, Alt, Group, Repeat, Anchor, BackRef {
    }

    /** One character out of a set. */
    record Chars(CharSet set) implements Node {
    }

    record Seq(List<Node> items) implements Node {
    }

    record Alt(List<Node> branches) implements Node {
    }

    /** What a group does besides grouping. */
    enum GroupKind { CAPTURE, PLAIN, ATOMIC, LOOKAROUND }

    /**
     * A group.
     *
     * @param number the capture number, 0 for a group that does not capture
     * @param start  where it starts in the pattern text
     * @param end    where it ends (exclusive)
     */
    record Group(Node body, GroupKind kind, int number, int start, int end) implements Node {
    }

    /**
     * A repeated part.
     *
     * @param max        -1 when unbounded
     * @param possessive whether it never gives back what it read ({@code *+}, {@code ++})
     * @param start      where the repeated part starts in the pattern text
     * @param end        where the quantifier ends (exclusive)
     */
    record Repeat(Node body, int min, int max, boolean possessive, int start, int end) implements Node {
        boolean unbounded() {
            return max < 0;
        }
    }

    /**
     * A zero-width test.
     *
     * @param kind {@code ^} for the start of the input, {@code $} for its end, {@code b} for
     *             anything else (line anchors in multiline mode, word boundaries, {@code \G})
     */
    record Anchor(char kind) implements Node {
    }

    /** A back reference: it repeats what a group read, so it may read anything. */
    record BackRef() implements Node {
    }

    private final String source;
    private final Node root;
    private final List<Group> groups;
    private final BitSet optionalGroups;
    private final boolean caseInsensitive;

    private Regex(String source, Node root, List<Group> groups, boolean caseInsensitive) {
        this.source = source;
        this.root = root;
        this.groups = groups;
        this.caseInsensitive = caseInsensitive;
        this.optionalGroups = new BitSet();
        markOptional(root, false);
    }

    /** Reads a compiled pattern, or returns {@code null} for syntax this reader does not follow. */
    static Regex parse(Pattern pattern) {
        int unsupported = Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ;
        if ((pattern.flags() & unsupported) != 0) {
            return null;
        }
        Parser parser = new Parser(pattern.pattern(), pattern.flags());
        try {
            Node root = parser.alternation();
            if (parser.more()) {
                return null;
            }
            return new Regex(pattern.pattern(), root, List.copyOf(parser.groups), parser.caseInsensitive);
        } catch (RuntimeException e) {
            // syntax this reader does not follow (or comments mode switched on inline): say nothing
            return null;
        }
    }

    Node root() {
        return root;
    }

    String source() {
        return source;
    }

    /** The pattern text of a part, for messages. */
    String text(Repeat repeat) {
        return source.substring(repeat.start(), repeat.end());
    }

    /** The pattern text of capture group {@code number}; the whole pattern for 0. */
    String text(int number) {
        Node node = group(number);
        return node instanceof Group group && number > 0 ? source.substring(group.start(), group.end()) : source;
    }

    /** Capture group {@code number}; 0 is the whole pattern. */
    Node group(int number) {
        if (number == 0) {
            return root;
        }
        return number <= groups.size() ? groups.get(number - 1) : null;
    }

    int groupCount() {
        return groups.size();
    }

    /** Whether capture group {@code number} may take no part in a match (then it reads as empty). */
    boolean optional(int number) {
        return optionalGroups.get(number);
    }

    /** Whether the pattern matches letters of either case anywhere. */
    boolean caseInsensitive() {
        return caseInsensitive;
    }

    private void markOptional(Node node, boolean optional) {
        if (node instanceof Group group) {
            if (group.number() > 0 && optional) {
                optionalGroups.set(group.number());
            }
            markOptional(group.body(), optional || group.kind() == GroupKind.LOOKAROUND);
        } else if (node instanceof Seq seq) {
            seq.items().forEach(item -> markOptional(item, optional));
        } else if (node instanceof Alt alt) {
            alt.branches().forEach(branch -> markOptional(branch, true));
        } else if (node instanceof Repeat repeat) {
            markOptional(repeat.body(), optional || repeat.min() == 0);
        }
    }

    // --- what a part can match ---

    /** Whether a part can match the empty string. */
    static boolean nullable(Node node) {
        if (node instanceof Chars) {
            return false;
        }
        if (node instanceof Seq seq) {
            return seq.items().stream().allMatch(Regex::nullable);
        }
        if (node instanceof Alt alt) {
            return alt.branches().stream().anyMatch(Regex::nullable);
        }
        if (node instanceof Group group) {
            return group.kind() == GroupKind.LOOKAROUND || nullable(group.body());
        }
        if (node instanceof Repeat repeat) {
            return repeat.min() == 0 || nullable(repeat.body());
        }
        return true;
    }

    /** The characters a match of a part can start with (zero-width parts are looked through). */
    static CharSet first(Node node) {
        if (node instanceof Chars chars) {
            return chars.set();
        }
        if (node instanceof Seq seq) {
            return first(seq.items(), 0, CharSet.NONE);
        }
        if (node instanceof Alt alt) {
            CharSet set = CharSet.NONE;
            for (Node branch : alt.branches()) {
                set = set.union(first(branch));
            }
            return set;
        }
        if (node instanceof Group group) {
            return group.kind() == GroupKind.LOOKAROUND ? CharSet.NONE : first(group.body());
        }
        if (node instanceof Repeat repeat) {
            return repeat.max() == 0 ? CharSet.NONE : first(repeat.body());
        }
        if (node instanceof BackRef) {
            return CharSet.ANY;
        }
        return CharSet.NONE;
    }

    /**
     * The characters that can come first in {@code items[from..]}, or after them the characters
     * of {@code then} when all of those items can match nothing.
     */
    static CharSet first(List<Node> items, int from, CharSet then) {
        CharSet set = CharSet.NONE;
        for (int i = from; i < items.size(); i++) {
            set = set.union(first(items.get(i)));
            if (!nullable(items.get(i))) {
                return set;
            }
        }
        return set.union(then);
    }

    /** Whether a match of a part can contain a character of {@code set}. */
    static boolean mayContain(Node node, CharSet set) {
        if (node instanceof Chars chars) {
            return chars.set().intersects(set);
        }
        if (node instanceof Seq seq) {
            return seq.items().stream().anyMatch(item -> mayContain(item, set));
        }
        if (node instanceof Alt alt) {
            return alt.branches().stream().anyMatch(branch -> mayContain(branch, set));
        }
        if (node instanceof Group group) {
            return group.kind() != GroupKind.LOOKAROUND && mayContain(group.body(), set);
        }
        if (node instanceof Repeat repeat) {
            return repeat.max() != 0 && mayContain(repeat.body(), set);
        }
        return node instanceof BackRef;
    }

    /**
     * How far into a sequence of character sets a match of a part can get, starting at position
     * {@code from}: the positions {@code p} such that the part can match a string whose
     * characters lie, one by one, in {@code prefix[from..p)}; position {@code prefix.size()}
     * means the whole sequence was read (the part may go on reading anything).
     *
     * <p>For example, with {@code prefix = [ {/,\}, {/,\} ]}, {@code (.*)} reaches {0, 1, 2}
     * (it can start with two slashes), {@code ([^/]+)} reaches {1, 2} through the backslash,
     * {@code ([a-z]+)} reaches nothing.
     */
    static BitSet reach(Node node, List<CharSet> prefix, int from) {
        int end = prefix.size();
        BitSet out = new BitSet();
        if (node instanceof Chars chars) {
            if (from == end) {
                if (!chars.set().isEmpty()) {
                    out.set(end);
                }
            } else if (chars.set().intersects(prefix.get(from))) {
                out.set(from + 1);
            }
        } else if (node instanceof Seq seq) {
            out.set(from);
            for (Node item : seq.items()) {
                out = reachAll(item, prefix, out);
            }
        } else if (node instanceof Alt alt) {
            for (Node branch : alt.branches()) {
                out.or(reach(branch, prefix, from));
            }
        } else if (node instanceof Group group) {
            if (group.kind() == GroupKind.LOOKAROUND) {
                out.set(from);
            } else {
                out = reach(group.body(), prefix, from);
            }
        } else if (node instanceof Repeat repeat) {
            BitSet current = new BitSet();
            current.set(from);
            if (repeat.min() == 0) {
                out.set(from);
            }
            int rounds = repeat.max() < 0 ? repeat.min() + end + 2 : Math.min(repeat.max(), repeat.min() + end + 2);
            for (int round = 1; round <= rounds && !current.isEmpty(); round++) {
                current = reachAll(repeat.body(), prefix, current);
                if (round >= repeat.min()) {
                    out.or(current);
                }
            }
        } else if (node instanceof BackRef) {
            out.set(from, end + 1);
        } else {
            out.set(from);
        }
        return out;
    }

    private static BitSet reachAll(Node node, List<CharSet> prefix, BitSet starts) {
        BitSet out = new BitSet();
        for (int p = starts.nextSetBit(0); p >= 0; p = starts.nextSetBit(p + 1)) {
            out.or(reach(node, prefix, p));
        }
        return out;
    }

    /** A recursive-descent reader of {@link Pattern}'s syntax, for patterns that compiled. */
    private static final class Parser {
        private final String s;
        private int at;
        private int flags;
        final List<Group> groups = new ArrayList<>();
        boolean caseInsensitive;

        Parser(String source, int flags) {
            this.s = source;
            this.flags = flags;
            this.caseInsensitive = (flags & Pattern.CASE_INSENSITIVE) != 0;
        }

        boolean more() {
            return at < s.length();
        }

        private char peek() {
            return s.charAt(at);
        }

        private boolean lookingAt(String text) {
            return s.startsWith(text, at);
        }

        private boolean flag(int flag) {
            return (flags & flag) != 0;
        }

        Node alternation() {
            List<Node> branches = new ArrayList<>();
            branches.add(sequence());
            while (more() && peek() == '|') {
                at++;
                branches.add(sequence());
            }
            return branches.size() == 1 ? branches.get(0) : new Alt(List.copyOf(branches));
        }

        private Node sequence() {
            List<Node> items = new ArrayList<>();
            while (more() && peek() != '|' && peek() != ')') {
                int start = at;
                Node atom = atom();
                if (atom != null) {
                    items.add(quantified(atom, start));
                }
            }
            return items.size() == 1 ? items.get(0) : new Seq(List.copyOf(items));
        }

        private Node quantified(Node atom, int start) {
            Node node = atom;
            while (more()) {
                char c = peek();
                int min;
                int max;
                if (c == '*' || c == '+' || c == '?') {
                    at++;
                    min = c == '+' ? 1 : 0;
                    max = c == '?' ? 1 : -1;
                } else if (c == '{') {
                    int close = s.indexOf('}', at);
                    String[] bounds = s.substring(at + 1, close).split(",", -1);
                    at = close + 1;
                    min = Integer.parseInt(bounds[0].trim());
                    max = bounds.length == 1 ? min : bounds[1].isBlank() ? -1 : Integer.parseInt(bounds[1].trim());
                } else {
                    return node;
                }
                boolean possessive = false;
                if (more() && peek() == '?') {
                    at++;
                } else if (more() && peek() == '+') {
                    at++;
                    possessive = true;
                }
                node = new Repeat(node, min, max, possessive, start, at);
            }
            return node;
        }

        /** One atom, or {@code null} for an inline flag group such as {@code (?i)}. */
        private Node atom() {
            char c = s.charAt(at++);
            switch (c) {
                case '(' -> {
                    return group(at - 1);
                }
                case '[' -> {
                    return new Chars(characterClass());
                }
                case '.' -> {
                    if (flag(Pattern.DOTALL)) {
                        return new Chars(CharSet.ANY);
                    }
                    return new Chars(flag(Pattern.UNIX_LINES) ? CharSet.of("\n").complement()
                            : CharSet.LINE_TERMINATORS.complement());
                }
                case '^' -> {
                    return new Anchor(flag(Pattern.MULTILINE) ? 'b' : '^');
                }
                case '$' -> {
                    return new Anchor(flag(Pattern.MULTILINE) ? 'b' : '$');
                }
                case '\\' -> {
                    return escape();
                }
                default -> {
                    return literal(c);
                }
            }
        }

        private Node literal(int c) {
            CharSet set = CharSet.range(c, c);
            return new Chars(flag(Pattern.CASE_INSENSITIVE) ? set.caseFolded(flag(Pattern.UNICODE_CASE)) : set);
        }

        private Node group(int start) {
            int saved = flags;
            GroupKind kind = GroupKind.CAPTURE;
            if (lookingAt("?")) {
                if (lookingAt("?:")) {
                    kind = GroupKind.PLAIN;
                    at += 2;
                } else if (lookingAt("?>")) {
                    kind = GroupKind.ATOMIC;
                    at += 2;
                } else if (lookingAt("?=") || lookingAt("?!")) {
                    kind = GroupKind.LOOKAROUND;
                    at += 2;
                } else if (lookingAt("?<=") || lookingAt("?<!")) {
                    kind = GroupKind.LOOKAROUND;
                    at += 3;
                } else if (lookingAt("?<")) {
                    at = s.indexOf('>', at) + 1;
                } else {
                    at++;
                    boolean on = true;
                    while (peek() != ')' && peek() != ':') {
                        char f = s.charAt(at++);
                        if (f == '-') {
                            on = false;
                            continue;
                        }
                        int bit = inlineFlag(f);
                        flags = on ? flags | bit : flags & ~bit;
                        if (on && bit == Pattern.CASE_INSENSITIVE) {
                            caseInsensitive = true;
                        }
                    }
                    if (peek() == ')') {
                        at++;
                        return null;
                    }
                    at++;
                    kind = GroupKind.PLAIN;
                }
            }
            int number = 0;
            int slot = -1;
            if (kind == GroupKind.CAPTURE) {
                groups.add(null);
                slot = groups.size() - 1;
                number = groups.size();
            }
            Node body = alternation();
            if (!more() || peek() != ')') {
                throw new IllegalArgumentException("unclosed group");
            }
            at++;
            flags = saved;
            Group group = new Group(body, kind, number, start, at);
            if (slot >= 0) {
                groups.set(slot, group);
            }
            return group;
        }

        private static int inlineFlag(char f) {
            return switch (f) {
                case 'i' -> Pattern.CASE_INSENSITIVE;
                case 'd' -> Pattern.UNIX_LINES;
                case 'm' -> Pattern.MULTILINE;
                case 's' -> Pattern.DOTALL;
                case 'u' -> Pattern.UNICODE_CASE;
                case 'U' -> Pattern.UNICODE_CHARACTER_CLASS;
                default -> throw new IllegalArgumentException("flag " + f + " is not followed");
            };
        }

        private Node escape() {
            char c = s.charAt(at++);
            if (c >= '1' && c <= '9') {
                int number = c - '0';
                while (more() && Character.isDigit(peek()) && number * 10 + (peek() - '0') <= groups.size()) {
                    number = number * 10 + (s.charAt(at++) - '0');
                }
                return new BackRef();
            }
            switch (c) {
                case 'k' -> {
                    at = s.indexOf('>', at) + 1;
                    return new BackRef();
                }
                case 'A' -> {
                    return new Anchor('^');
                }
                case 'z', 'Z' -> {
                    return new Anchor('$');
                }
                case 'b', 'B', 'G' -> {
                    if (c == 'b' && lookingAt("{")) {
                        at = s.indexOf('}', at) + 1;
                    }
                    return new Anchor('b');
                }
                case 'Q' -> {
                    int end = s.indexOf("\\E", at);
                    String quoted = s.substring(at, end < 0 ? s.length() : end);
                    at = end < 0 ? s.length() : end + 2;
                    List<Node> items = new ArrayList<>();
                    quoted.chars().forEach(q -> items.add(literal(q)));
                    return new Group(new Seq(List.copyOf(items)), GroupKind.PLAIN, 0, at, at);
                }
                case 'R' -> {
                    return new Repeat(new Chars(CharSet.VERTICAL_SPACE), 1, 2, false, at - 2, at);
                }
                case 'X' -> {
                    return new Chars(CharSet.ANY);
                }
                default -> {
                    CharSet set = classEscape(c);
                    return set != null ? new Chars(set) : literal(characterEscape(c));
                }
            }
        }

        /** The set of a class escape ({@code \d}, {@code \w}, {@code \p{...}}, ...), or {@code null}. */
        private CharSet classEscape(char c) {
            boolean unicode = flag(Pattern.UNICODE_CHARACTER_CLASS);
            switch (c) {
                case 'd', 'w', 's' -> {
                    return unicode ? CharSet.ANY : c == 'd' ? CharSet.DIGIT : c == 'w' ? CharSet.WORD : CharSet.SPACE;
                }
                case 'D', 'W', 'S' -> {
                    return unicode ? CharSet.ANY
                            : (c == 'D' ? CharSet.DIGIT : c == 'W' ? CharSet.WORD : CharSet.SPACE).complement();
                }
                case 'h' -> {
                    return CharSet.HORIZONTAL_SPACE;
                }
                case 'H' -> {
                    return CharSet.HORIZONTAL_SPACE.complement();
                }
                case 'v' -> {
                    return CharSet.VERTICAL_SPACE;
                }
                case 'V' -> {
                    return CharSet.VERTICAL_SPACE.complement();
                }
                case 'p', 'P', 'N' -> {
                    if (more() && peek() == '{') {
                        at = s.indexOf('}', at) + 1;
                    } else if (c != 'N') {
                        at++;
                    }
                    return CharSet.ANY;
                }
                default -> {
                    return null;
                }
            }
        }

        /** The character a character escape stands for ({@code \t}, {@code \x41}, {@code \.}). */
        private int characterEscape(char c) {
            switch (c) {
                case 't' -> {
                    return '\t';
                }
                case 'n' -> {
                    return '\n';
                }
                case 'r' -> {
                    return '\r';
                }
                case 'f' -> {
                    return '\f';
                }
                case 'a' -> {
                    return 0x07;
                }
                case 'e' -> {
                    return 0x1B;
                }
                case 'c' -> {
                    return s.charAt(at++) ^ 64;
                }
                case 'u' -> {
                    int value = Integer.parseInt(s.substring(at, at + 4), 16);
                    at += 4;
                    return value;
                }
                case 'x' -> {
                    int value;
                    if (more() && peek() == '{') {
                        int close = s.indexOf('}', at);
                        value = Integer.parseInt(s.substring(at + 1, close), 16);
                        at = close + 1;
                    } else {
                        value = Integer.parseInt(s.substring(at, at + 2), 16);
                        at += 2;
                    }
                    return value > 0xFFFF ? Character.highSurrogate(value) : value;
                }
                case '0' -> {
                    int value = 0;
                    int digits = 0;
                    while (more() && peek() >= '0' && peek() <= '7' && digits < 3
                            && value * 8 + (peek() - '0') <= 0377) {
                        value = value * 8 + (s.charAt(at++) - '0');
                        digits++;
                    }
                    return value;
                }
                default -> {
                    if (Character.isLetterOrDigit(c)) {
                        throw new IllegalArgumentException("escape \\" + c + " is not followed");
                    }
                    return c;
                }
            }
        }

        /** A class, {@code at} just after its {@code [}. */
        private CharSet characterClass() {
            boolean negated = false;
            if (more() && peek() == '^') {
                negated = true;
                at++;
            }
            CharSet set = classUnion(true);
            while (lookingAt("&&")) {
                at += 2;
                set = set.intersect(classUnion(false));
            }
            if (!more() || peek() != ']') {
                throw new IllegalArgumentException("unclosed class");
            }
            at++;
            if (flag(Pattern.CASE_INSENSITIVE)) {
                set = set.caseFolded(flag(Pattern.UNICODE_CASE));
            }
            return negated ? set.complement() : set;
        }

        private CharSet classUnion(boolean atStart) {
            CharSet set = CharSet.NONE;
            boolean first = atStart;
            while (more()) {
                char c = peek();
                if ((c == ']' && !first) || lookingAt("&&")) {
                    break;
                }
                first = false;
                at++;
                if (c == '[') {
                    set = set.union(characterClass());
                    continue;
                }
                int low = c;
                if (c == '\\') {
                    char e = s.charAt(at++);
                    CharSet escaped = classEscape(e);
                    if (escaped != null) {
                        set = set.union(escaped);
                        continue;
                    }
                    if (e == 'Q') {
                        int end = s.indexOf("\\E", at);
                        String quoted = s.substring(at, end < 0 ? s.length() : end);
                        at = end < 0 ? s.length() : end + 2;
                        set = set.union(CharSet.of(quoted));
                        continue;
                    }
                    low = characterEscape(e);
                }
                if (lookingAt("-") && at + 1 < s.length() && s.charAt(at + 1) != ']' && s.charAt(at + 1) != '[') {
                    at++;
                    char h = s.charAt(at++);
                    int high = h == '\\' ? characterEscape(s.charAt(at++)) : h;
                    set = set.union(CharSet.range(low, high));
                } else {
                    set = set.union(CharSet.range(low, low));
                }
            }
            return set;
        }
    }
}

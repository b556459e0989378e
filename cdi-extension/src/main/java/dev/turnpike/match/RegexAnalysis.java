package dev.turnpike.match;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every string a {@link Pattern} can {@code find()} a match in must contain: for each
 * top-level alternative, the literal the match must start the string with (when the alternative
 * is anchored by {@code ^} or {@code \A}) and the literal runs the match must contain.
 *
 * <p>The analysis is conservative: anything it does not fully understand (inline flags, flags
 * given at compile time, classes, escapes for classes of characters, back references,
 * optional or repeated parts) only ends a literal run, so the literals it reports are always
 * present in a matching string. A pattern it cannot say anything about is {@linkplain
 * #opaque() opaque}.
 */
public final class RegexAnalysis {

    /**
     * One top-level alternative.
     *
     * @param prefix   the literal a matching string starts with, or {@code null} when the
     *                 alternative is not anchored at the start (or starts with no literal)
     * @param literals literal runs every match of the alternative contains, longest first
     */
    public record Branch(String prefix, List<String> literals) {

        /** Whether the branch names no literal at all, so it may match any string. */
        boolean unconstrained() {
            return prefix == null && literals.isEmpty();
        }
    }

    private final List<Branch> branches;
    private final boolean nestedQuantifier;

    private RegexAnalysis(List<Branch> branches, boolean nestedQuantifier) {
        this.branches = branches;
        this.nestedQuantifier = nestedQuantifier;
    }

    /** Analyses a compiled pattern. */
    public static RegexAnalysis of(Pattern pattern) {
        if (pattern.flags() != 0) {
            return new RegexAnalysis(List.of(), false);
        }
        Parser parser = new Parser(pattern.pattern());
        Node root;
        try {
            root = parser.parseAlternation();
            if (parser.more()) {
                return new RegexAnalysis(List.of(), false);
            }
        } catch (RuntimeException e) {
            // syntax this reader does not follow: say nothing rather than something wrong
            return new RegexAnalysis(List.of(), false);
        }
        boolean nested = nestedQuantifier(root, false);
        if (parser.inlineFlags) {
            return new RegexAnalysis(List.of(), nested);
        }
        List<Node> alternatives = root instanceof Alt alt ? alt.branches() : List.of(root);
        List<Branch> branches = new ArrayList<>(alternatives.size());
        for (Node alternative : alternatives) {
            branches.add(branch(alternative));
        }
        return new RegexAnalysis(List.copyOf(branches), nested);
    }

    /** The top-level alternatives; empty when the pattern is opaque. */
    public List<Branch> branches() {
        return branches;
    }

    /** Whether some string may match without containing any literal this analysis knows of. */
    public boolean opaque() {
        return branches.isEmpty() || branches.stream().anyMatch(Branch::unconstrained);
    }

    /**
     * Whether a repeated part contains another repeated part ({@code (a+)+}, {@code (.*)*}): the
     * shape that makes backtracking take exponential time on a crafted input.
     */
    public boolean nestedQuantifier() {
        return nestedQuantifier;
    }

    // --- from the syntax tree to literals ---

    private static final char BREAK = '\uFFFF';
    private static final char START = '\uFFFE';

    private static Branch branch(Node alternative) {
        StringBuilder tokens = new StringBuilder();
        flatten(alternative, tokens, true);
        String prefix = null;
        List<String> literals = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean anchored = tokens.length() > 0 && tokens.charAt(0) == START;
        for (int i = anchored ? 1 : 0; i <= tokens.length(); i++) {
            char c = i < tokens.length() ? tokens.charAt(i) : BREAK;
            if (c == BREAK || c == START) {
                if (run.length() > 0) {
                    if (anchored && prefix == null) {
                        prefix = run.toString();
                    }
                    literals.add(run.toString());
                    run.setLength(0);
                }
                anchored = false;
            } else {
                run.append(c);
            }
        }
        literals.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Branch(prefix, List.copyOf(literals));
    }

    /**
     * Writes the literal characters a match must consume, in order, with {@link #BREAK} where
     * something not literal (or not certain) stands between them and {@link #START} for an
     * anchor at the very start.
     */
    private static void flatten(Node node, StringBuilder out, boolean atStart) {
        if (node instanceof Lit lit) {
            out.append(lit.c() == BREAK || lit.c() == START ? BREAK : lit.c());
        } else if (node instanceof Seq seq) {
            for (Node item : seq.items()) {
                flatten(item, out, atStart && out.length() == 0);
            }
        } else if (node instanceof Group group && group.consuming()) {
            flatten(group.body(), out, atStart);
        } else if (node instanceof Quant quant && quant.min() >= 1) {
            flatten(quant.body(), out, atStart);
            out.append(BREAK);
        } else if (node instanceof Start && atStart && out.length() == 0) {
            out.append(START);
        } else {
            out.append(BREAK);
        }
    }

    private static boolean nestedQuantifier(Node node, boolean insideRepeat) {
        if (node instanceof Quant quant) {
            boolean repeats = quant.max() < 0 || quant.max() > 1;
            if (repeats && insideRepeat) {
                return true;
            }
            return nestedQuantifier(quant.body(), insideRepeat || repeats);
        }
        if (node instanceof Seq seq) {
            return seq.items().stream().anyMatch(item -> nestedQuantifier(item, insideRepeat));
        }
        if (node instanceof Alt alt) {
            return alt.branches().stream().anyMatch(item -> nestedQuantifier(item, insideRepeat));
        }
        if (node instanceof Group group) {
            return nestedQuantifier(group.body(), insideRepeat);
        }
        return false;
    }

    // --- the syntax tree ---

    private sealed interface Node permits Lit, Seq, Alt, Group, Quant, Start, Other {
    }

    /** One literal UTF-16 unit. */
    private record Lit(char c) implements Node {
    }

    private record Seq(List<Node> items) implements Node {
    }

    private record Alt(List<Node> branches) implements Node {
    }

    /** A group; lookarounds do not consume what they test. */
    private record Group(Node body, boolean consuming) implements Node {
    }

    /** A repeated part; {@code max} is -1 when unbounded. */
    private record Quant(Node body, int min, int max) implements Node {
    }

    /** {@code ^} or {@code \A}. */
    private record Start() implements Node {
    }

    /** Anything else: a class, {@code .}, a back reference, a boundary, ... */
    private record Other() implements Node {
    }

    /** A recursive-descent reader of Java's pattern syntax, for patterns that compiled. */
    private static final class Parser {
        private final String source;
        private int at;
        boolean inlineFlags;

        Parser(String source) {
            this.source = source;
        }

        private boolean more() {
            return at < source.length();
        }

        private char peek() {
            return source.charAt(at);
        }

        private boolean lookingAt(String text) {
            return source.startsWith(text, at);
        }

        Node parseAlternation() {
            List<Node> branches = new ArrayList<>();
            branches.add(parseSequence());
            while (more() && peek() == '|') {
                at++;
                branches.add(parseSequence());
            }
            return branches.size() == 1 ? branches.get(0) : new Alt(List.copyOf(branches));
        }

        private Node parseSequence() {
            List<Node> items = new ArrayList<>();
            while (more() && peek() != '|' && peek() != ')') {
                Node atom = parseAtom();
                items.add(quantified(atom));
            }
            return items.size() == 1 ? items.get(0) : new Seq(List.copyOf(items));
        }

        private Node quantified(Node atom) {
            Node node = atom;
            while (more()) {
                char c = peek();
                int min;
                int max;
                if (c == '*') {
                    at++;
                    min = 0;
                    max = -1;
                } else if (c == '+') {
                    at++;
                    min = 1;
                    max = -1;
                } else if (c == '?') {
                    at++;
                    min = 0;
                    max = 1;
                } else if (c == '{') {
                    int close = source.indexOf('}', at);
                    String[] bounds = source.substring(at + 1, close).split(",", -1);
                    at = close + 1;
                    min = Integer.parseInt(bounds[0].trim());
                    max = bounds.length == 1 ? min : bounds[1].isBlank() ? -1 : Integer.parseInt(bounds[1].trim());
                } else {
                    return node;
                }
                if (more() && (peek() == '?' || peek() == '+')) {
                    at++;
                }
                node = new Quant(node, min, max);
            }
            return node;
        }

        private Node parseAtom() {
            char c = source.charAt(at++);
            switch (c) {
                case '(' -> {
                    return group();
                }
                case '[' -> {
                    skipClass();
                    return new Other();
                }
                case '.', '$' -> {
                    return new Other();
                }
                case '^' -> {
                    return new Start();
                }
                case '\\' -> {
                    return escape();
                }
                default -> {
                    return new Lit(c);
                }
            }
        }

        private Node group() {
            boolean consuming = true;
            if (lookingAt("?")) {
                if (lookingAt("?:") || lookingAt("?>")) {
                    at += 2;
                } else if (lookingAt("?=") || lookingAt("?!")) {
                    at += 2;
                    consuming = false;
                } else if (lookingAt("?<=") || lookingAt("?<!")) {
                    at += 3;
                    consuming = false;
                } else if (lookingAt("?<")) {
                    at = source.indexOf('>', at) + 1;
                } else {
                    inlineFlags = true;
                    at++;
                    while (more() && peek() != ')' && peek() != ':') {
                        at++;
                    }
                    if (more() && peek() == ')') {
                        at++;
                        return new Other();
                    }
                    at++;
                }
            }
            Node body = parseAlternation();
            if (more() && peek() == ')') {
                at++;
            }
            return new Group(body, consuming);
        }

        /** Skips a character class, nested classes included; {@code at} is just after its {@code [}. */
        private void skipClass() {
            int depth = 1;
            if (more() && peek() == '^') {
                at++;
            }
            if (more() && peek() == ']') {
                at++;
            }
            while (more() && depth > 0) {
                char c = source.charAt(at++);
                if (c == '\\') {
                    skipEscapeInClass();
                } else if (c == '[') {
                    depth++;
                    if (more() && peek() == '^') {
                        at++;
                    }
                } else if (c == ']') {
                    depth--;
                }
            }
        }

        private void skipEscapeInClass() {
            if (!more()) {
                return;
            }
            char c = source.charAt(at++);
            if (c == 'Q') {
                int end = source.indexOf("\\E", at);
                at = end < 0 ? source.length() : end + 2;
            } else if ((c == 'p' || c == 'P' || c == 'x' || c == 'N') && more() && peek() == '{') {
                at = source.indexOf('}', at) + 1;
            }
        }

        private Node escape() {
            char c = source.charAt(at++);
            switch (c) {
                case 'Q' -> {
                    int end = source.indexOf("\\E", at);
                    String quoted = source.substring(at, end < 0 ? source.length() : end);
                    at = end < 0 ? source.length() : end + 2;
                    List<Node> items = new ArrayList<>();
                    for (char q : quoted.toCharArray()) {
                        items.add(new Lit(q));
                    }
                    return items.size() == 1 ? items.get(0) : new Group(new Seq(List.copyOf(items)), true);
                }
                case 't' -> {
                    return new Lit('\t');
                }
                case 'n' -> {
                    return new Lit('\n');
                }
                case 'r' -> {
                    return new Lit('\r');
                }
                case 'f' -> {
                    return new Lit('\f');
                }
                case 'a' -> {
                    return new Lit('\u0007');
                }
                case 'e' -> {
                    return new Lit('\u001B');
                }
                case 'u' -> {
                    char value = (char) Integer.parseInt(source.substring(at, at + 4), 16);
                    at += 4;
                    return new Lit(value);
                }
                case 'x' -> {
                    return hex();
                }
                case 'c' -> {
                    return new Lit((char) (source.charAt(at++) ^ 64));
                }
                case 'A' -> {
                    return new Start();
                }
                case 'p', 'P', 'N', 'b' -> {
                    if (more() && peek() == '{') {
                        at = source.indexOf('}', at) + 1;
                    } else if (c == 'p' || c == 'P') {
                        at++;
                    }
                    return new Other();
                }
                case 'k' -> {
                    at = source.indexOf('>', at) + 1;
                    return new Other();
                }
                default -> {
                    if (Character.isDigit(c)) {
                        while (more() && Character.isDigit(peek())) {
                            at++;
                        }
                        return new Other();
                    }
                    if (Character.isLetter(c)) {
                        return new Other();
                    }
                    return new Lit(c);
                }
            }
        }

        private Node hex() {
            int value;
            if (more() && peek() == '{') {
                int close = source.indexOf('}', at);
                value = Integer.parseInt(source.substring(at + 1, close), 16);
                at = close + 1;
            } else {
                value = Integer.parseInt(source.substring(at, at + 2), 16);
                at += 2;
            }
            return Character.isBmpCodePoint(value) ? new Lit((char) value) : new Other();
        }
    }
}

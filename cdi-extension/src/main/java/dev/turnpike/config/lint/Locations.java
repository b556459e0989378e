package dev.turnpike.config.lint;

import dev.turnpike.config.lint.Regex.Node;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a substituted target can start with or contain, judged from the groups of the rule's
 * regexp. A pattern the {@link Regex} reader does not follow counts as "every group can capture
 * anything".
 */
final class Locations {

    /** The two-character starts browsers read as "another host": {@code //}, {@code /\}, {@code \\}, {@code \/}. */
    private static final List<CharSet> TWO_SLASHES = List.of(CharSet.SLASHES, CharSet.SLASHES);

    private static final Node ANYTHING = new Regex.Repeat(new Regex.Chars(CharSet.ANY), 0, -1, false, 0, 0);

    private final Regex regex;
    private final TargetParts target;

    Locations(Pattern pattern, TargetParts target) {
        this.regex = Regex.parse(pattern);
        this.target = target;
    }

    private Node group(int number) {
        Node node = regex == null ? null : regex.group(number);
        return node == null ? ANYTHING : node;
    }

    private boolean optional(int number) {
        return regex == null || regex.optional(number);
    }

    /** The pattern text of a group, for messages. */
    String groupText(int number) {
        return regex == null ? "group " + number : regex.text(number);
    }

    /**
     * The first group through which the substituted target can start with two slashes or
     * backslashes, or -1. A target whose literal start already has them is a deliberate
     * scheme-relative target and gives -1.
     */
    int slashesFromGroup() {
        BitSet literalOnly = new BitSet();
        literalOnly.set(0);
        literalOnly = advance(literalOnly, target.literalStart());
        if (literalOnly.get(TWO_SLASHES.size())) {
            return -1;
        }
        BitSet positions = new BitSet();
        positions.set(0);
        int culprit = -1;
        for (Object part : target.parts()) {
            if (part instanceof String text) {
                positions = advance(positions, text);
            } else {
                int number = (Integer) part;
                BitSet after = new BitSet();
                for (int p = positions.nextSetBit(0); p >= 0; p = positions.nextSetBit(p + 1)) {
                    after.or(Regex.reach(group(number), TWO_SLASHES, p));
                }
                if (culprit < 0 && !positions.get(TWO_SLASHES.size()) && after.get(TWO_SLASHES.size())) {
                    culprit = number;
                }
                if (optional(number)) {
                    after.or(positions);
                }
                positions = after;
            }
            if (positions.isEmpty()) {
                return -1;
            }
        }
        return positions.get(TWO_SLASHES.size()) ? culprit : -1;
    }

    private static BitSet advance(BitSet positions, String text) {
        BitSet out = new BitSet();
        for (int p = positions.nextSetBit(0); p >= 0; p = positions.nextSetBit(p + 1)) {
            int at = p;
            for (int i = 0; i < text.length() && at < TWO_SLASHES.size() && at >= 0; i++) {
                at = TWO_SLASHES.get(at).contains(text.charAt(i)) ? at + 1 : -1;
            }
            if (at >= 0) {
                out.set(at);
            }
        }
        return out;
    }

    /**
     * The group that starts the target when it can supply a scheme ({@code letters:}) there, or
     * -1: the target begins with a group that can start with a letter and contain a colon (or is
     * followed by one).
     */
    int schemeFromGroup() {
        List<Object> parts = target.parts();
        if (parts.isEmpty() || !(parts.get(0) instanceof Integer number)) {
            return -1;
        }
        Node group = group(number);
        boolean letterFirst = Regex.reach(group, List.of(CharSet.ASCII_LETTERS), 0).get(1);
        boolean colonNext = parts.size() > 1 && parts.get(1) instanceof String text && text.startsWith(":");
        return letterFirst && (colonNext || Regex.mayContain(group, CharSet.of(":"))) ? number : -1;
    }

    /** The groups the target uses that can capture a CR or LF. */
    List<Integer> groupsWithLineBreaks() {
        return target.groups().stream().filter(number -> Regex.mayContain(group(number), CharSet.CR_LF)).toList();
    }
}

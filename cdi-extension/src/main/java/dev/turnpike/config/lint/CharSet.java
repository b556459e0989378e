package dev.turnpike.config.lint;

import java.util.BitSet;

/**
 * A set of UTF-16 units, the alphabet the lint's regexp reasoning works in. A supplementary
 * character counts as its high surrogate, which is enough to tell whether two parts of a
 * pattern can read the same character.
 */
final class CharSet {

    private static final int SIZE = 0x10000;

    static final CharSet ANY = range(0, SIZE - 1);
    static final CharSet NONE = new CharSet(new BitSet());
    static final CharSet DIGIT = range('0', '9');
    static final CharSet WORD = range('a', 'z').union(range('A', 'Z')).union(DIGIT).union(of("_"));
    static final CharSet SPACE = of(" \t\n\u000B\f\r");
    static final CharSet HORIZONTAL_SPACE = of(" \t\u00A0\u1680\u180E\u202F\u205F\u3000").union(range(0x2000, 0x200A));
    static final CharSet VERTICAL_SPACE = of("\n\u000B\f\r\u0085\u2028\u2029");
    /** What {@code .} does not match without {@code DOTALL}. */
    static final CharSet LINE_TERMINATORS = of("\n\r\u0085\u2028\u2029");
    static final CharSet CR_LF = of("\r\n");
    static final CharSet SLASHES = of("/\\");
    static final CharSet ASCII_LETTERS = range('a', 'z').union(range('A', 'Z'));

    private final BitSet bits;

    private CharSet(BitSet bits) {
        this.bits = bits;
    }

    static CharSet of(String chars) {
        BitSet bits = new BitSet(SIZE);
        chars.chars().forEach(bits::set);
        return new CharSet(bits);
    }

    static CharSet range(int from, int to) {
        BitSet bits = new BitSet(SIZE);
        if (from <= to) {
            bits.set(from, to + 1);
        }
        return new CharSet(bits);
    }

    CharSet union(CharSet other) {
        BitSet bits = (BitSet) this.bits.clone();
        bits.or(other.bits);
        return new CharSet(bits);
    }

    CharSet intersect(CharSet other) {
        BitSet bits = (BitSet) this.bits.clone();
        bits.and(other.bits);
        return new CharSet(bits);
    }

    CharSet complement() {
        BitSet bits = (BitSet) this.bits.clone();
        bits.flip(0, SIZE);
        return new CharSet(bits);
    }

    /** This set with the other case of every letter in it ({@code CASE_INSENSITIVE}). */
    CharSet caseFolded(boolean unicode) {
        BitSet bits = (BitSet) this.bits.clone();
        for (int c = this.bits.nextSetBit(0); c >= 0; c = this.bits.nextSetBit(c + 1)) {
            if (unicode || c < 0x80) {
                bits.set(Character.toLowerCase(c) & 0xFFFF);
                bits.set(Character.toUpperCase(c) & 0xFFFF);
            }
        }
        return new CharSet(bits);
    }

    /** The one character of a one-character set, or -1. */
    int single() {
        return bits.cardinality() == 1 ? bits.nextSetBit(0) : -1;
    }

    boolean isEmpty() {
        return bits.isEmpty();
    }

    boolean contains(char c) {
        return bits.get(c);
    }

    boolean intersects(CharSet other) {
        return bits.intersects(other.bits);
    }

    /** A character of the set to show in a message, a printable ASCII one when there is one. */
    String sample() {
        int printable = bits.nextSetBit('!');
        int c = printable >= 0 && printable < 0x7F ? printable : bits.nextSetBit(0);
        if (c < 0) {
            return "";
        }
        if (c < 0x20 || c >= 0x7F) {
            return String.format("\\u%04X", c);
        }
        return String.valueOf((char) c);
    }
}

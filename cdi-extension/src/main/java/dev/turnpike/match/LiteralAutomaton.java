package dev.turnpike.match;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;

/**
 * Finds, in one pass over a string, which of many literals it contains (Aho–Corasick) and which
 * of many literals it starts with. Each literal carries the ids of the things it stands for;
 * an id is reported once per occurrence of its literal, so callers sort and remove duplicates.
 *
 * <p>Immutable once built, and shared by every thread.
 */
final class LiteralAutomaton {

    private static final int[] NONE = new int[0];

    /** Per node: the characters of its outgoing edges, sorted, and the nodes they lead to. */
    private final char[][] edgeChars;
    private final int[][] edgeTargets;
    /** Per node: the longest proper suffix of its path that is also a path in the trie. */
    private final int[] failure;
    /** Per node: the nearest node along the failure chain (itself excluded) that ends a floating literal, or -1. */
    private final int[] nextOutput;
    /** Per node: ids of literals that end here and may occur anywhere. */
    private final int[][] floating;
    /** Per node: ids of literals that end here and must start the string. */
    private final int[][] anchored;
    private final boolean anyFloating;

    private LiteralAutomaton(char[][] edgeChars, int[][] edgeTargets, int[] failure, int[] nextOutput,
                             int[][] floating, int[][] anchored, boolean anyFloating) {
        this.edgeChars = edgeChars;
        this.edgeTargets = edgeTargets;
        this.failure = failure;
        this.nextOutput = nextOutput;
        this.floating = floating;
        this.anchored = anchored;
        this.anyFloating = anyFloating;
    }

    /** Collects literals and their ids, then builds the automaton. */
    static final class Builder {
        private final List<StringBuilder> chars = new ArrayList<>();
        private final List<List<Integer>> targets = new ArrayList<>();
        private final List<List<Integer>> floatingIds = new ArrayList<>();
        private final List<List<Integer>> anchoredIds = new ArrayList<>();

        Builder() {
            newNode();
        }

        private int newNode() {
            chars.add(new StringBuilder(1));
            targets.add(new ArrayList<>(1));
            floatingIds.add(new ArrayList<>(0));
            anchoredIds.add(new ArrayList<>(0));
            return chars.size() - 1;
        }

        /** Adds a non-empty literal standing for {@code id}; {@code atStart} when it must begin the string. */
        Builder add(String literal, boolean atStart, int id) {
            if (literal.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
            int node = 0;
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                int edge = chars.get(node).indexOf(String.valueOf(c));
                if (edge < 0) {
                    int child = newNode();
                    chars.get(node).append(c);
                    targets.get(node).add(child);
                    node = child;
                } else {
                    node = targets.get(node).get(edge);
                }
            }
            (atStart ? anchoredIds : floatingIds).get(node).add(id);
            return this;
        }

        LiteralAutomaton build() {
            int size = chars.size();
            char[][] edgeChars = new char[size][];
            int[][] edgeTargets = new int[size][];
            int[][] floating = new int[size][];
            int[][] anchored = new int[size][];
            boolean anyFloating = false;
            for (int node = 0; node < size; node++) {
                char[] cs = chars.get(node).toString().toCharArray();
                List<Integer> ts = targets.get(node);
                Integer[] order = new Integer[cs.length];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Character.compare(cs[a], cs[b]));
                edgeChars[node] = new char[cs.length];
                edgeTargets[node] = new int[cs.length];
                for (int i = 0; i < order.length; i++) {
                    edgeChars[node][i] = cs[order[i]];
                    edgeTargets[node][i] = ts.get(order[i]);
                }
                floating[node] = ids(floatingIds.get(node));
                anchored[node] = ids(anchoredIds.get(node));
                anyFloating |= floating[node].length > 0;
            }
            int[] failure = new int[size];
            int[] nextOutput = new int[size];
            Arrays.fill(nextOutput, -1);
            Queue<Integer> queue = new ArrayDeque<>();
            for (int child : edgeTargets[0]) {
                failure[child] = 0;
                queue.add(child);
            }
            while (!queue.isEmpty()) {
                int node = queue.remove();
                for (int i = 0; i < edgeChars[node].length; i++) {
                    char c = edgeChars[node][i];
                    int child = edgeTargets[node][i];
                    int f = failure[node];
                    int next = step(edgeChars, edgeTargets, f, c);
                    while (next < 0 && f != 0) {
                        f = failure[f];
                        next = step(edgeChars, edgeTargets, f, c);
                    }
                    failure[child] = next < 0 || next == child ? 0 : next;
                    int fail = failure[child];
                    nextOutput[child] = floating[fail].length > 0 ? fail : nextOutput[fail];
                    queue.add(child);
                }
            }
            return new LiteralAutomaton(edgeChars, edgeTargets, failure, nextOutput, floating, anchored, anyFloating);
        }

        private static int[] ids(List<Integer> ids) {
            return ids.isEmpty() ? NONE : ids.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static int step(char[][] edgeChars, int[][] edgeTargets, int node, char c) {
        char[] cs = edgeChars[node];
        int i = Arrays.binarySearch(cs, c);
        return i < 0 ? -1 : edgeTargets[node][i];
    }

    /** Adds to {@code out} the ids of every literal found in {@code text}: anchored ones only at its start. */
    void find(String text, IntBuffer out) {
        int node = 0;
        for (int i = 0; i < text.length(); i++) {
            node = step(edgeChars, edgeTargets, node, text.charAt(i));
            if (node < 0) {
                break;
            }
            out.addAll(anchored[node]);
        }
        if (!anyFloating) {
            return;
        }
        node = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int next = step(edgeChars, edgeTargets, node, c);
            while (next < 0 && node != 0) {
                node = failure[node];
                next = step(edgeChars, edgeTargets, node, c);
            }
            node = next < 0 ? 0 : next;
            out.addAll(floating[node]);
            for (int o = nextOutput[node]; o >= 0; o = nextOutput[o]) {
                out.addAll(floating[o]);
            }
        }
    }

    int nodes() {
        return failure.length;
    }
}

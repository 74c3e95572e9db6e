package io.docflow.evidence;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each of many patterns first occurs in a text, found in one pass (Aho-Corasick), so that looking for the
 * quotes of two thousand statement lines in two million characters costs one read of the text, not two thousand.
 */
final class FirstOccurrences {

    private static final int ROOT = 0;

    private final Map<Long, Integer> next = new HashMap<>();
    private final List<String> patterns;
    private int[] fail;
    private int[] patternEndingAt;
    private int[] nextPatternEndingBelow;
    private int nodes = 1;

    private FirstOccurrences(List<String> patterns) {
        this.patterns = patterns;
    }

    /** The offset of each pattern's first occurrence in {@code text}; patterns that do not occur are absent. */
    static Map<String, Integer> in(String text, Iterable<String> patterns) {
        Set<String> distinct = new LinkedHashSet<>();
        patterns.forEach(pattern -> {
            if (!pattern.isEmpty()) {
                distinct.add(pattern);
            }
        });
        if (distinct.isEmpty()) {
            return Map.of();
        }
        FirstOccurrences automaton = new FirstOccurrences(List.copyOf(distinct));
        automaton.build();
        return automaton.scan(text);
    }

    private void build() {
        int capacity = 1 + patterns.stream().mapToInt(String::length).sum();
        int[] parent = new int[capacity];
        char[] via = new char[capacity];
        int[] depth = new int[capacity];
        patternEndingAt = new int[capacity];
        Arrays.fill(patternEndingAt, -1);
        for (int p = 0; p < patterns.size(); p++) {
            int node = ROOT;
            for (char c : patterns.get(p).toCharArray()) {
                Integer child = next.get(key(node, c));
                if (child == null) {
                    child = nodes++;
                    next.put(key(node, c), child);
                    parent[child] = node;
                    via[child] = c;
                    depth[child] = depth[node] + 1;
                }
                node = child;
            }
            patternEndingAt[node] = p;
        }
        fail = new int[nodes];
        nextPatternEndingBelow = new int[nodes];
        nextPatternEndingBelow[ROOT] = -1;
        for (int node : byDepth(depth)) {
            if (node == ROOT) {
                continue;
            }
            fail[node] = parent[node] == ROOT ? ROOT : step(fail[parent[node]], via[node]);
            int suffix = fail[node];
            nextPatternEndingBelow[node] = patternEndingAt[suffix] >= 0 ? suffix : nextPatternEndingBelow[suffix];
        }
    }

    private Map<String, Integer> scan(String text) {
        int[] first = new int[patterns.size()];
        Arrays.fill(first, -1);
        int missing = patterns.size();
        int state = ROOT;
        for (int i = 0; i < text.length() && missing > 0; i++) {
            state = step(state, text.charAt(i));
            for (int node = patternEndingAt[state] >= 0 ? state : nextPatternEndingBelow[state]; node > ROOT;
                    node = nextPatternEndingBelow[node]) {
                int p = patternEndingAt[node];
                if (first[p] < 0) {
                    first[p] = i + 1 - patterns.get(p).length();
                    missing--;
                }
            }
        }
        Map<String, Integer> found = new HashMap<>();
        for (int p = 0; p < patterns.size(); p++) {
            if (first[p] >= 0) {
                found.put(patterns.get(p), first[p]);
            }
        }
        return found;
    }

    private int step(int state, char c) {
        while (true) {
            Integer child = next.get(key(state, c));
            if (child != null) {
                return child;
            }
            if (state == ROOT) {
                return ROOT;
            }
            state = fail[state];
        }
    }

    private int[] byDepth(int[] depth) {
        Integer[] order = new Integer[nodes];
        for (int node = 0; node < nodes; node++) {
            order[node] = node;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(depth[a], depth[b]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static long key(int node, char c) {
        return ((long) node << 16) | c;
    }
}

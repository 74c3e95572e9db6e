package io.docflow.evidence;

import java.util.List;

/** The pages of a stored text, from the offsets where each begins; a text without page marks has none. */
final class Pages {

    private final List<Integer> starts;

    Pages(List<Integer> starts, int textLength) {
        this.starts = starts.stream().map(start -> Math.max(0, Math.min(start, textLength))).sorted().toList();
    }

    List<Integer> starts() {
        return starts;
    }

    int count() {
        return starts.size();
    }

    boolean has(Integer page) {
        return page != null && page >= 1 && page <= count();
    }

    /** The page (from 1) holding {@code offset}; text before the first page mark counts as page 1; null without marks. */
    Integer pageOf(int offset) {
        if (starts.isEmpty()) {
            return null;
        }
        int low = 0;
        int high = starts.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (starts.get(middle) <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low + 1;
    }
}

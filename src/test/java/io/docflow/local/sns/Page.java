package io.docflow.local.sns;

import java.util.List;

/** One page of a List* answer: SNS pages by NextToken, here simply the index of the page's first item. */
record Page<T>(List<T> items, String nextToken) {

    static <T> Page<T> of(List<T> all, String nextToken, int size) {
        int from = start(nextToken, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }

    private static int start(String nextToken, int count) {
        if (nextToken == null || nextToken.isEmpty()) {
            return 0;
        }
        try {
            int from = Integer.parseInt(nextToken);
            if (from >= 0 && from <= count) {
                return from;
            }
        } catch (NumberFormatException e) {
            // reported below, as any other token this server did not hand out
        }
        throw SnsFault.invalidParameter("Invalid parameter: NextToken");
    }
}

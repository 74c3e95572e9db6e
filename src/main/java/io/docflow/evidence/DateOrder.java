package io.docflow.evidence;

import java.util.Arrays;
import java.util.Optional;

/** How a numeric date such as 01/03/2024 is read: declared with {@code "x-docflow-date-order"}, else either way. */
enum DateOrder {
    EITHER("either"),
    DAY_FIRST("day-first"),
    MONTH_FIRST("month-first");

    private final String keyword;

    DateOrder(String keyword) {
        this.keyword = keyword;
    }

    String keyword() {
        return keyword;
    }

    static Optional<DateOrder> fromKeyword(String keyword) {
        return Arrays.stream(values()).filter(order -> order.keyword.equals(keyword)).findFirst();
    }
}

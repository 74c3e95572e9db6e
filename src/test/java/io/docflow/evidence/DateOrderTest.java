package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DateOrderTest {

    @Test
    void theSchemaKeywordsNameTheOrders() {
        assertThat(DateOrder.fromKeyword("either")).contains(DateOrder.EITHER);
        assertThat(DateOrder.fromKeyword("day-first")).contains(DateOrder.DAY_FIRST);
        assertThat(DateOrder.fromKeyword("month-first")).contains(DateOrder.MONTH_FIRST);
        assertThat(DateOrder.MONTH_FIRST.keyword()).isEqualTo("month-first");
    }

    @Test
    void anythingElseNamesNoOrder() {
        assertThat(DateOrder.fromKeyword("DAY_FIRST")).isEmpty();
        assertThat(DateOrder.fromKeyword("Day-First")).isEmpty();
        assertThat(DateOrder.fromKeyword("")).isEmpty();
        assertThat(DateOrder.fromKeyword(null)).isEmpty();
    }
}

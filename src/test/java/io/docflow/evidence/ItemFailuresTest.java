package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ItemFailuresTest {

    private final ItemFailures failures = new ItemFailures();

    @Test
    void noFailuresIsEmptyAndDescribesNothing() {
        assertThat(failures.isEmpty()).isTrue();
        assertThat(failures.count()).isZero();
        assertThat(failures.fields()).isEmpty();
        assertThat(failures.describe()).isEmpty();
    }

    @Test
    void aFewFailuresAreAllDescribedInOrder() {
        failures.add("item 0: 2 x 3.00 != 7.00", List.of("/lineItems/0/quantity", "/lineItems/0/amount"));
        failures.add("item 2: 1 x 5.00 != 4.00", List.of("/lineItems/2/amount"));

        assertThat(failures.isEmpty()).isFalse();
        assertThat(failures.count()).isEqualTo(2);
        assertThat(failures.describe()).isEqualTo("item 0: 2 x 3.00 != 7.00; item 2: 1 x 5.00 != 4.00");
        assertThat(failures.fields()).containsExactly("/lineItems/0/quantity", "/lineItems/0/amount", "/lineItems/2/amount");
    }

    @Test
    void pastFiveFailuresTheRestAreCountedButTheirFieldsStillNamed() {
        for (int item = 0; item < 8; item++) {
            failures.add("item " + item, List.of("/lineItems/" + item + "/amount"));
        }

        assertThat(failures.count()).isEqualTo(8);
        assertThat(failures.describe()).isEqualTo("item 0; item 1; item 2; item 3; item 4; and 3 more");
        assertThat(failures.fields()).hasSize(8).endsWith("/lineItems/7/amount");
    }

    @Test
    void exactlyFiveFailuresHaveNoMore() {
        for (int item = 0; item < 5; item++) {
            failures.add("item " + item, List.of());
        }

        assertThat(failures.describe()).isEqualTo("item 0; item 1; item 2; item 3; item 4");
    }
}

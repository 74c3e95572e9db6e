package io.docflow.evidence;

import static io.docflow.evidence.TestRules.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountRuleTest {

    private static final String COUNT = "{'id': 'count', 'check': 'count', 'list': '/transactions', 'equals': '/transactionCount'}";

    @Test
    void asManyItemsAsStatedPasses() {
        RuleResult result = evaluate(COUNT, "{'transactionCount': 2, 'transactions': [{'amount': 1}, {'amount': 2}]}");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(result.message()).isEqualTo("transactions has 2 items, transactionCount states 2");
    }

    @Test
    void fewerItemsThanStatedFails() {
        RuleResult result = evaluate(COUNT, "{'transactionCount': 3, 'transactions': [{'amount': 1}, {'amount': 2}]}");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(result.message()).isEqualTo("transactions has 2 items, transactionCount states 3");
        assertThat(evaluate(COUNT, "{'transactionCount': 3}").message()).isEqualTo("transactions has 0 items, transactionCount states 3");
    }

    @Test
    void withoutAStatedCountTheRuleIsSkipped() {
        assertThat(evaluate(COUNT, "{'transactions': []}").outcome()).isEqualTo(RuleOutcome.SKIPPED);
        assertThat(evaluate(COUNT, "{'transactionCount': 2.5}").message()).isEqualTo("transactionCount 2.5 is not a count");
    }
}

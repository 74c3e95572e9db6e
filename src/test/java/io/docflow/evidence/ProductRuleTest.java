package io.docflow.evidence;

import static io.docflow.evidence.TestRules.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductRuleTest {

    private static final String LINE = """
            {'id': 'invoice.line-amount', 'check': 'product', 'forEach': '/lineItems',
             'factors': ['/quantity', '/unitPrice'], 'equals': '/amount'}""";

    @Test
    void itemsWhoseQuantityTimesPriceIsTheirAmountPass() {
        RuleResult result = evaluate(LINE, """
                {'lineItems': [{'quantity': 3, 'unitPrice': 12.5, 'amount': 37.5}, {'quantity': 1.5, 'unitPrice': 9.99, 'amount': 14.99},
                               {'description': 'delivery', 'amount': 5}]}""");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(result.message()).isEqualTo("2 of 3 items checked, all agree");
        assertThat(result.description()).isEqualTo("for each lineItems item: quantity × unitPrice = amount");
    }

    @Test
    void anItemThatDisagreesFailsWithItsNumbersAndOnlyItsFields() {
        RuleResult result = evaluate(LINE, """
                {'lineItems': [{'quantity': 3, 'unitPrice': 12.5, 'amount': 37.5}, {'quantity': 2, 'unitPrice': 12.5, 'amount': 37.5}]}""");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(result.message()).isEqualTo(
                "1 of 2 checked items disagree: lineItems/1: quantity 2 × unitPrice 12.5 = 25.00 != amount 37.50");
        assertThat(result.fields()).containsExactly("/lineItems/1/quantity", "/lineItems/1/unitPrice", "/lineItems/1/amount");
    }

    @Test
    void withoutACheckableItemTheRuleIsSkipped() {
        assertThat(evaluate(LINE, "{'lineItems': [{'amount': 5}]}").message())
                .isEqualTo("no item of lineItems states all of quantity, unitPrice, amount");
        assertThat(evaluate(LINE, "{}").outcome()).isEqualTo(RuleOutcome.SKIPPED);
    }
}

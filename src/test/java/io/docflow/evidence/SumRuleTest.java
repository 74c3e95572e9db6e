package io.docflow.evidence;

import static io.docflow.evidence.TestRules.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SumRuleTest {

    private static final String TOTAL = """
            {'id': 'invoice.total', 'check': 'sum', 'add': ['/subtotal', '/tax', '/shipping'], 'subtract': ['/discount'],
             'optional': ['/tax', '/shipping', '/discount'], 'equals': '/total', 'tolerance': 0.01}""";
    private static final String ITEMS = "{'id': 'invoice.subtotal', 'check': 'sum', 'add': ['/lineItems/*/amount'], 'equals': '/subtotal'}";

    @Test
    void partsThatAddUpPass() {
        RuleResult result = evaluate(TOTAL, "{'subtotal': 617.96, 'tax': 30.90, 'shipping': 45.00, 'total': 693.86}");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(result.message()).isEqualTo(
                "subtotal 617.96 + tax 30.90 + shipping 45.00 = 693.86 = total 693.86 (absent: discount)");
        assertThat(result.description()).isEqualTo("subtotal + tax + shipping - discount = total");
    }

    @Test
    void aTotalThatNeedsAnAbsentShippingChargeFailsNamingTheFieldsAndTheDifference() {
        RuleResult result = evaluate(TOTAL, "{'subtotal': 617.96, 'tax': 30.90, 'total': 693.86}");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(result.message()).isEqualTo(
                "subtotal 617.96 + tax 30.90 = 648.86 != total 693.86 (difference 45.00; absent: shipping, discount)");
        assertThat(result.fields()).contains("/subtotal", "/tax", "/total", "/shipping");
    }

    @Test
    void subtractedTermsAndTheToleranceCount() {
        assertThat(evaluate(TOTAL, "{'subtotal': 100, 'discount': 10, 'tax': 18, 'total': 108.005}").outcome())
                .isEqualTo(RuleOutcome.PASSED);
        assertThat(evaluate(TOTAL, "{'subtotal': 100, 'discount': 10, 'tax': 18, 'total': 108.02}").message())
                .isEqualTo("subtotal 100.00 + tax 18.00 - discount 10.00 = 108.00 != total 108.02 (difference 0.02; absent: shipping)");
    }

    @Test
    void anAbsentRequiredTermSkipsTheRule() {
        RuleResult result = evaluate(TOTAL, "{'tax': 30.90, 'total': 693.86}");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.SKIPPED);
        assertThat(result.message()).isEqualTo("subtotal absent");
        assertThat(evaluate(TOTAL, "{'subtotal': 1}").message()).isEqualTo("total absent");
    }

    @Test
    void aWildcardSumsAListAndSaysHowManyItemsLackTheValue() {
        RuleResult passed = evaluate(ITEMS, "{'subtotal': 47.49, 'lineItems': [{'amount': 37.50}, {'amount': 9.99}]}");
        RuleResult failed = evaluate(ITEMS, "{'subtotal': 47.49, 'lineItems': [{'amount': 37.50}, {'description': 'x'}]}");

        assertThat(passed.outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(passed.fields()).containsExactly("/lineItems/0/amount", "/lineItems/1/amount", "/subtotal");
        assertThat(failed.outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(failed.message()).isEqualTo(
                "lineItems/*/amount (sum of 1) 37.50 = 37.50 != subtotal 47.49 (difference 9.99; 1 of 2 items without amount)");
        assertThat(evaluate(ITEMS, "{'subtotal': 1, 'lineItems': []}").outcome()).isEqualTo(RuleOutcome.SKIPPED);
    }

    @Test
    void aValueThatIsNotANumberSkipsTheRuleSayingWhich() {
        RuleResult result = evaluate(TOTAL, "{'subtotal': 'lots', 'total': 5}");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.SKIPPED);
        assertThat(result.message()).isEqualTo("not a number: subtotal \"lots\"");
    }

    @Test
    void numbersWrittenAsTextAreRead() {
        assertThat(evaluate(TOTAL, "{'subtotal': '617.96', 'tax': 30.9, 'shipping': '45', 'total': 693.86}").outcome())
                .isEqualTo(RuleOutcome.PASSED);
    }
}

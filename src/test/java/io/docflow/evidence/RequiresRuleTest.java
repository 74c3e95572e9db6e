package io.docflow.evidence;

import static io.docflow.evidence.TestRules.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequiresRuleTest {

    private static final String TAX_BASE = "{'id': 'tax-base', 'check': 'requires', 'if': '/tax', 'then': ['/subtotal', '/currency']}";

    @Test
    void presentWithWhatItRequiresPasses() {
        RuleResult result = evaluate(TAX_BASE, "{'tax': 5, 'subtotal': 50, 'currency': 'EUR'}");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(result.description()).isEqualTo("if tax is present, so is subtotal, currency");
    }

    @Test
    void presentWithoutWhatItRequiresFailsNamingWhatIsMissing() {
        RuleResult result = evaluate(TAX_BASE, "{'tax': 5, 'currency': ' '}");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(result.message()).isEqualTo("tax is present but subtotal, currency are absent");
    }

    @Test
    void absentTheRuleIsSkipped() {
        assertThat(evaluate(TAX_BASE, "{'tax': null, 'subtotal': 50}").outcome()).isEqualTo(RuleOutcome.SKIPPED);
    }
}

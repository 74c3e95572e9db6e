package io.docflow.evidence;

import static io.docflow.evidence.Json.shippedSchema;
import static io.docflow.evidence.TestRules.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PatternRuleTest {

    @Test
    void aValueMatchingWhatItMustNotFailsWithTheRulesDescription() {
        String rule = "{'id': 'vendor', 'check': 'pattern', 'description': 'a name, not a heading', 'field': '/vendorName', 'mustNotMatch': '(?i)^invoice'}";

        RuleResult result = evaluate(rule, "{'vendorName': 'INVOICE #398'}");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(result.message()).isEqualTo("vendorName \"INVOICE #398\" refused: a name, not a heading");
        assertThat(evaluate(rule, "{'vendorName': 'ACME Ltd'}").outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(evaluate(rule, "{}").outcome()).isEqualTo(RuleOutcome.SKIPPED);
    }

    @Test
    void aValueNotMatchingWhatItMustFails() {
        String rule = "{'id': 'currency', 'check': 'pattern', 'field': '/currency', 'matches': '^[A-Z]{3}$'}";

        assertThat(evaluate(rule, "{'currency': 'EUR'}").outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(evaluate(rule, "{'currency': 'euro'}").message())
                .isEqualTo("currency \"euro\" refused: currency matches /^[A-Z]{3}$/");
    }

    @Test
    void theShippedHeadingPatternCatchesHeadingsAndLetsNamesThrough() {
        JsonNode invoice = shippedSchema("invoice");
        Rule heading = RuleParser.parse("invoice.schema.json", invoice, new FieldSchemas("invoice.schema.json", invoice)).stream()
                .filter(rule -> rule.id().equals("invoice.vendor-not-heading")).findFirst().orElseThrow();

        for (String heading1 : List.of("INVOICE #398", "Invoice", "TAX INVOICE No. INV-2024-17", "Receipt 12", "Credit note: CN/17")) {
            assertThat(heading.evaluate(Json.json("{'vendorName': '" + heading1 + "'}")).outcome()).as(heading1).isEqualTo(RuleOutcome.FAILED);
        }
        for (String name : List.of("ACME Widgets Ltd", "Invoice Solutions GmbH", "Billing Partners Inc.", "Store #12")) {
            assertThat(heading.evaluate(Json.json("{'vendorName': '" + name + "'}")).outcome()).as(name).isEqualTo(RuleOutcome.PASSED);
        }
    }
}

package io.docflow.evidence;

import static io.docflow.evidence.Json.json;
import static io.docflow.evidence.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class MaskingTest {

    private static final String CARD = "{'id': 'card', 'check': 'checksum', 'field': '/cardNumber', 'algorithm': 'luhn'}";
    private static final JsonNode FIELDS = json("{'cardNumber': '4111 1111 1111 1111', 'total': 12.5}");
    private final Masking masking = Masking.of(FIELDS, List.of(rule(CARD)));

    @Test
    void theCardNumberFieldKeepsOnlyItsLastFourDigitsAndTheFieldsGivenAreNotChanged() {
        JsonNode masked = masking.fields(FIELDS);

        assertThat(masked.get("cardNumber").asText()).isEqualTo("**** **** **** 1111");
        assertThat(masked.get("total").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(FIELDS.get("cardNumber").asText()).isEqualTo("4111 1111 1111 1111");
    }

    @Test
    void theCardIsMaskedInTheEvidenceQuoteReasonAndNoteButOtherNumbersStay() {
        FieldEvidence evidence = new FieldEvidence("/cardNumber", TextNode.valueOf("4111 1111 1111 1111"),
                "Card 4111-1111-1111-1111, ref 5555 5555 5555 4444", 1, null, null, null, null, null, false,
                "4111111111111111 is not in the text", "note 4111 1111 1111 1111", 0.9);

        FieldEvidence masked = masking.evidence(evidence);

        assertThat(masked.value().asText()).isEqualTo("**** **** **** 1111");
        assertThat(masked.quote()).isEqualTo("Card ****-****-****-1111, ref 5555 5555 5555 4444");
        assertThat(masked.reason()).isEqualTo("************1111 is not in the text");
        assertThat(masked.note()).isEqualTo("note **** **** **** 1111");
        assertThat(masked.modelConfidence()).isEqualTo(0.9);
    }

    @Test
    void anotherFieldsValueIsNotMaskedButItsQuoteIs() {
        FieldEvidence evidence = new FieldEvidence("/total", json("12.5"), "4111111111111111 total 12.50", 1, 1, 23, 28, 0, 28,
                true, null, null, null);

        FieldEvidence masked = masking.evidence(evidence);

        assertThat(masked.value()).isEqualTo(json("12.5"));
        assertThat(masked.quote()).isEqualTo("************1111 total 12.50");
    }

    @Test
    void aCardFollowedByAnAmountAfterOneSpaceIsStillMasked() {
        FieldEvidence evidence = new FieldEvidence("/total", json("12.5"), "4111111111111111 12.50", 1, 1, 17, 22, 0, 22, true,
                null, null, null);

        assertThat(masking.evidence(evidence).quote()).isEqualTo("************1111 12.50");
    }

    @Test
    void ruleMessagesAndReviewReasonsAreMasked() {
        RuleResult result = new RuleResult("card", "luhn", List.of("/cardNumber"), RuleOutcome.FAILED,
                "4111 1111 1111 1111 fails");
        ReviewDecision decision = new ReviewDecision(true, List.of("rule card failed: 4111 1111 1111 1111 fails"));

        assertThat(masking.result(result).message()).isEqualTo("**** **** **** 1111 fails");
        assertThat(masking.decision(decision).reasons()).containsExactly("rule card failed: **** **** **** 1111 fails");
    }

    @Test
    void withoutAMaskingRuleNothingIsMasked() {
        Masking none = Masking.of(FIELDS, List.of(rule(
                "{'id': 'card', 'check': 'checksum', 'field': '/cardNumber', 'algorithm': 'luhn', 'mask': false}")));
        RuleResult result = new RuleResult("card", "luhn", List.of(), RuleOutcome.FAILED, "4111 1111 1111 1111");

        assertThat(none.fields(FIELDS)).isSameAs(FIELDS);
        assertThat(none.result(result)).isSameAs(result);
    }

    @Test
    void aValueTooShortForACardIsMaskedInTheFieldsOnly() {
        JsonNode fields = json("{'cardNumber': '**** 1234'}");
        Masking shortCard = Masking.of(fields, List.of(rule(CARD)));
        RuleResult result = new RuleResult("card", "luhn", List.of(), RuleOutcome.SKIPPED, "ends 1234 and 9999 9999 9999 1234");

        assertThat(shortCard.fields(fields).get("cardNumber").asText()).isEqualTo("**** 1234");
        assertThat(shortCard.result(result)).isSameAs(result);
    }

    @Test
    void anAbsentCardNumberLeavesTheFieldsAlone() {
        JsonNode fields = json("{'cardNumber': null}");

        assertThat(Masking.of(fields, List.of(rule(CARD))).fields(fields)).isSameAs(fields);
    }
}

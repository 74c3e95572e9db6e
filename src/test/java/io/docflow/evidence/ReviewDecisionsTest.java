package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReviewDecisionsTest {

    private static final DocumentConfidence DOCUMENT_OK = new DocumentConfidence(0.9, 0.8, List.of());

    private static FieldEvidence grounded(String field) {
        return new FieldEvidence(field, null, "q", 1, null, 0, 1, 0, 1, true, null, null, null);
    }

    private static FieldEvidence ungrounded(String field, String reason) {
        return new FieldEvidence(field, null, "q", null, null, null, null, null, null, false, reason, null, null);
    }

    private static FieldConfidence confidence(String field, double confidence, double threshold) {
        return new FieldConfidence(field, confidence, threshold, List.of());
    }

    private static RuleResult rule(String id, RuleOutcome outcome, String message) {
        return new RuleResult(id, "a rule", List.of("/total"), outcome, message);
    }

    @Test
    void nothingWrongNeedsNoReview() {
        ReviewDecision decision = ReviewDecisions.decide(List.of(), List.of(rule("r", RuleOutcome.PASSED, "ok")),
                List.of(grounded("/total")), List.of(confidence("/total", 0.9, 0.8)), DOCUMENT_OK);

        assertThat(decision.needsReview()).isFalse();
        assertThat(decision.reasons()).isEmpty();
    }

    @Test
    void schemaErrorsAreOneReasonShowingTheFirstAndCountingTheRest() {
        assertThat(ReviewDecisions.decide(List.of("/total: must be a number", "/date: bad", "/x: bad"), List.of(), List.of(),
                List.of(), DOCUMENT_OK).reasons()).containsExactly("schema: /total: must be a number (and 2 more)");
        assertThat(ReviewDecisions.decide(List.of("/total: must be a number"), List.of(), List.of(), List.of(), DOCUMENT_OK)
                .reasons()).containsExactly("schema: /total: must be a number");
    }

    @Test
    void everyFailedRuleIsAReasonWithItsMessageButSkippedAndPassedOnesAreNot() {
        ReviewDecision decision = ReviewDecisions.decide(List.of(), List.of(
                rule("invoice.total", RuleOutcome.FAILED, "648.86 != 693.86"),
                rule("invoice.dates", RuleOutcome.SKIPPED, "absent"),
                rule("invoice.iban", RuleOutcome.FAILED, "bad checksum")), List.of(), List.of(), DOCUMENT_OK);

        assertThat(decision.needsReview()).isTrue();
        assertThat(decision.reasons()).containsExactly("rule invoice.total failed: 648.86 != 693.86",
                "rule invoice.iban failed: bad checksum");
    }

    @Test
    void aValueBelowItsThresholdIsAReasonThatSaysWhyItIsUngrounded() {
        ReviewDecision decision = ReviewDecisions.decide(List.of(), List.of(),
                List.of(grounded("/vendorName"), ungrounded("/total", "the quote is not in the text"), grounded("/date")),
                List.of(confidence("/vendorName", 0.42, 0.8), confidence("/total", 0.36, 0.95), confidence("/date", 0.9, 0.8)),
                DOCUMENT_OK);

        assertThat(decision.reasons()).containsExactly("vendorName: confidence 0.42 below 0.8",
                "total: ungrounded (the quote is not in the text), confidence 0.36 below 0.95");
    }

    @Test
    void pastTwentyValuesTheRestAreCounted() {
        List<FieldEvidence> evidence = new ArrayList<>();
        List<FieldConfidence> confidences = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            evidence.add(grounded("/lineItems/" + i + "/amount"));
            confidences.add(confidence("/lineItems/" + i + "/amount", 0.5, 0.8));
        }

        List<String> reasons = ReviewDecisions.decide(List.of(), List.of(), evidence, confidences, DOCUMENT_OK).reasons();

        assertThat(reasons).hasSize(21);
        assertThat(reasons.get(19)).isEqualTo("lineItems/19/amount: confidence 0.50 below 0.8");
        assertThat(reasons.get(20)).isEqualTo("and 3 more values below their thresholds");
    }

    @Test
    void aDocumentBelowItsThresholdIsTheLastReason() {
        ReviewDecision decision = ReviewDecisions.decide(List.of("bad"), List.of(), List.of(), List.of(),
                new DocumentConfidence(0.375, 0.8, List.of()));

        assertThat(decision.reasons()).containsExactly("schema: bad", "document: confidence 0.375 below 0.8");
    }
}

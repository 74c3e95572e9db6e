package io.docflow.evidence;

import static io.docflow.evidence.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Text answers give no evidence: their values are looked for by themselves in the text. */
class UnquotedValuesTest {

    private static final FieldReview REVIEW = FieldReview.forClass("form.schema.json", json("""
            {'type': 'object', 'properties': {
              'applicant': {'type': 'string'}, 'amount': {'type': 'number'},
              'signedOn': {'type': 'string', 'format': 'date'}, 'signed': {'type': 'boolean'}}}"""));
    private static final String TEXT = "Application\fApplicant: Dana Smith\nAmount: 1.234,50 EUR\nSigned 3 March 2026 [x]";

    private FieldEvidence lookedUp(String field, String fields) {
        ReviewedFields reviewed = REVIEW.review(ReviewInput.of(TEXT, List.of(0, 12), json(fields), List.of())
                .withUnquotedValuesLookedUp(true));
        return reviewed.evidence().stream().filter(value -> value.field().equals(field)).findFirst().orElseThrow();
    }

    @Test
    void aValueInTheTextIsGroundedWhereItFirstOccursWithANoteSayingNoQuoteWasGiven() {
        FieldEvidence amount = lookedUp("/amount", "{'amount': 1234.5}");
        FieldEvidence date = lookedUp("/signedOn", "{'signedOn': '2026-03-03'}");
        FieldEvidence name = lookedUp("/applicant", "{'applicant': 'dana smith'}");

        assertThat(amount.grounded()).isTrue();
        assertThat(TEXT.substring(amount.start(), amount.end())).isEqualTo("1.234,50");
        assertThat(amount.page()).isEqualTo(2);
        assertThat(amount.quote()).isNull();
        assertThat(amount.note()).startsWith(UnquotedValues.NOTE);
        assertThat(TEXT.substring(date.start(), date.end())).isEqualTo("3 March 2026");
        assertThat(TEXT.substring(name.start(), name.end())).isEqualTo("Dana Smith");
    }

    @Test
    void aValueNotInTheTextIsUngroundedAndTheDocumentNeedsReview() {
        ReviewedFields reviewed = REVIEW.review(ReviewInput.of(TEXT, List.of(0, 12), json("{'amount': 54}"), List.of())
                .withUnquotedValuesLookedUp(true));

        assertThat(reviewed.evidence().get(0).grounded()).isFalse();
        assertThat(reviewed.evidence().get(0).reason()).isEqualTo("no quote given (text answer), and the value is not in the text");
        assertThat(reviewed.decision().needsReview()).isTrue();
    }

    @Test
    void aYesNoValueCannotBeGroundedWithoutAQuote() {
        FieldEvidence signed = lookedUp("/signed", "{'signed': true}");

        assertThat(signed.grounded()).isFalse();
        assertThat(signed.reason()).isEqualTo("no quote given (text answer), and only a quote can ground this value");
    }

    @Test
    void withoutTheLookUpAValueWithoutEvidenceStaysUngrounded() {
        ReviewedFields reviewed = REVIEW.review(ReviewInput.of(TEXT, List.of(0, 12), json("{'amount': 1234.5}"), List.of()));

        assertThat(reviewed.evidence().get(0).grounded()).isFalse();
        assertThat(reviewed.evidence().get(0).reason()).isEqualTo("no evidence given for this value");
    }
}

package io.docflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.evidence.EvidenceClaim;
import io.docflow.evidence.FieldReview;
import io.docflow.evidence.ReviewInput;
import io.docflow.evidence.ReviewedFields;
import org.junit.jupiter.api.Test;

class ConfidenceBandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "Receipt\nSubtotal 10.00\nTax 1.00\nTotal 11.00\n";

    private static ReviewedFields review(String fields, double modelConfidence, String rules) throws Exception {
        JsonNode schema = JSON.readTree("""
                {"type": "object", "properties": {"subtotal": {"type": "number"}, "tax": {"type": "number"},
                 "total": {"type": "number"}}, "x-docflow-rules": %s}""".formatted(rules));
        List<EvidenceClaim> claims = List.of(new EvidenceClaim("/subtotal", "Subtotal 10.00", 1, modelConfidence),
                new EvidenceClaim("/tax", "Tax 1.00", 1, modelConfidence),
                new EvidenceClaim("/total", "Total 11.00", 1, modelConfidence));
        return FieldReview.forClass("t.schema.json", schema).review(ReviewInput.of(TEXT, List.of(0), JSON.readTree(fields), claims));
    }

    private static final String SUM = """
            [{"id": "t.total", "check": "sum", "add": ["/subtotal", "/tax"], "equals": "/total"}]""";

    @Test
    void nothingReviewedIsNone() {
        assertThat(ConfidenceBand.of(null)).isEqualTo(ConfidenceBand.NONE);
        assertThat(ConfidenceBand.NONE.label()).isEqualTo("none");
    }

    @Test
    void figuresThatAddUpWithASureModelAreHigh() throws Exception {
        ReviewedFields sure = review("{\"subtotal\": 10.00, \"tax\": 1.00, \"total\": 11.00}", 0.95, SUM);

        assertThat(sure.decision().needsReview()).isFalse();
        assertThat(ConfidenceBand.of(sure)).isEqualTo(ConfidenceBand.HIGH);
        assertThat(ConfidenceBand.of(sure).label()).isEqualTo("high");
    }

    @Test
    void belowNinetyPercentWithNothingToReviewIsMedium() throws Exception {
        ReviewedFields unsure = review("{\"subtotal\": 10.00, \"tax\": 1.00, \"total\": 11.00}", 0.8, "[]");

        assertThat(unsure.decision().needsReview()).isFalse();
        assertThat(unsure.documentConfidence().confidence()).isLessThan(0.9);
        assertThat(ConfidenceBand.of(unsure)).isEqualTo(ConfidenceBand.MEDIUM);
    }

    @Test
    void figuresThatDoNotAddUpAreLowWhateverTheModelSaid() throws Exception {
        ReviewedFields wrong = review("{\"subtotal\": 10.00, \"tax\": 1.00, \"total\": 12.00}", 0.99, SUM);

        assertThat(wrong.decision().needsReview()).isTrue();
        assertThat(ConfidenceBand.of(wrong)).isEqualTo(ConfidenceBand.LOW);
    }
}

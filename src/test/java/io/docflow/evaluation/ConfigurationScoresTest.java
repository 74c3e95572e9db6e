package io.docflow.evaluation;

import static io.docflow.evaluation.ScoredDocuments.result;
import static io.docflow.evaluation.ScoredDocuments.score;
import static io.docflow.evaluation.ScoredDocuments.truth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigurationScoresTest {

    private static final GroundTruth INVOICE = truth("inv.pdf", "invoice",
            "{\"invoiceNumber\":\"INV-1\",\"total\":110.00,\"lineItems\":[{\"description\":\"Paper\",\"amount\":100},{\"description\":\"Ink\",\"amount\":10}]}");
    private static final GroundTruth RECEIPT = truth("rec.png", "receipt", "{\"total\":19.49}");

    /** Invoice: number right, total wrong, one of two items found (its description and amount right). */
    private static DocumentEvaluation invoice() {
        return score(INVOICE, result("NEEDS_REVIEW", "invoice",
                "{\"invoiceNumber\":\"INV-1\",\"total\":111.00,\"lineItems\":[{\"description\":\"Paper\",\"amount\":100}]}",
                "[{\"field\":\"/invoiceNumber\",\"confidence\":0.95,\"grounded\":true},"
                        + "{\"field\":\"/total\",\"confidence\":0.35,\"grounded\":false},"
                        + "{\"field\":\"/lineItems/0/amount\",\"confidence\":0.85,\"grounded\":true}]",
                400, 1000, 100, "0.0004"));
    }

    /** Receipt classed as an invoice: its total is missing for receipt and extra for invoice. */
    private static DocumentEvaluation misclassified() {
        return score(RECEIPT, result("COMPLETED", "invoice", "{\"total\":19.49}", "[]", 200, 600, 50, "0.0002"));
    }

    @Test
    void countsEveryValueOnceForTheClassItBelongsTo() {
        ConfigurationScores scores = new ConfigurationScores("A", List.of(invoice(), misclassified()));

        assertThat(scores.classification().accuracy()).isEqualTo(0.5);
        // invoice: number, 2 item fields right (3 TP); total wrong (FP + FN); Ink's 2 fields missing (2 FN); receipt's total extra (FP)
        assertThat(scores.fields().forClass("invoice")).isEqualTo(new Counts(3, 2, 3));
        assertThat(scores.fields().forClass("receipt")).isEqualTo(new Counts(0, 0, 1));
        assertThat(scores.fields().overall().f1()).isCloseTo(6.0 / (6 + 2 + 4), within(1e-9));
        assertThat(scores.fullyCorrectShare()).isZero();
        assertThat(scores.listCompleteness()).isEqualTo(0.5);
        assertThat(scores.statuses()).containsEntry("NEEDS_REVIEW", 1).containsEntry("COMPLETED", 1);
    }

    @Test
    void pairsEachConfidenceWithWhetherItsValueWasRight() {
        ConfigurationScores scores = new ConfigurationScores("A", List.of(invoice()));

        ConfigurationScores.Grounding grounding = scores.grounding();
        assertThat(grounding).isEqualTo(new ConfigurationScores.Grounding(2, 2, 1, 0));
        ReliabilityTable table = scores.calibration();
        assertThat(table.bins().get(3).count()).isEqualTo(1);
        assertThat(table.bins().get(3).accuracy()).isZero();
        assertThat(table.bins().get(9).accuracy()).isEqualTo(1.0);
        // |0 - 0.35| + |1 - 0.85| + |1 - 0.95|, each weighing a third
        assertThat(table.expectedCalibrationError()).isCloseTo((0.35 + 0.15 + 0.05) / 3, within(1e-9));
    }

    @Test
    void reviewCatchCountsDocumentsWithAnErrorThatWentToReview() {
        ConfigurationScores.ReviewCatch review = new ConfigurationScores("A", List.of(invoice(), misclassified())).reviewCatch();

        assertThat(review).isEqualTo(new ConfigurationScores.ReviewCatch(2, 2, 1, 1));
        assertThat(review.caughtShare()).isEqualTo(0.5);
        assertThat(review.needlessReviews()).isZero();
    }

    @Test
    void costIsTheMeanPerDocumentAndUnknownWhenAModelHasNoPrice() {
        ConfigurationScores scores = new ConfigurationScores("A", List.of(invoice(), misclassified()));

        ConfigurationScores.Cost cost = scores.cost();
        assertThat(cost.inputTokens()).isEqualTo(800);
        assertThat(cost.modelCalls()).isEqualTo(2);
        assertThat(cost.costUsd()).isEqualByComparingTo(new BigDecimal("0.0003"));
        assertThat(cost.p50Millis()).isEqualTo(200);
        assertThat(cost.p95Millis()).isEqualTo(400);
        assertThat(scores.costByClass()).containsOnlyKeys("invoice", "receipt");

        DocumentEvaluation unpriced = score(RECEIPT, result("COMPLETED", "receipt", "{\"total\":19.49}", "[]", 100, 1, 1, "null"));
        assertThat(new ConfigurationScores("B", List.of(invoice(), unpriced)).cost().costUsd()).isNull();
    }

    @Test
    void percentileIsTheNearestRank() {
        assertThat(ConfigurationScores.percentile(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 95)).isEqualTo(10);
        assertThat(ConfigurationScores.percentile(List.of(1L, 2L, 3L, 4L), 50)).isEqualTo(2);
        assertThat(ConfigurationScores.percentile(List.of(), 50)).isZero();
    }
}

package io.docflow.evaluation;

import static io.docflow.evaluation.ScoredDocuments.result;
import static io.docflow.evaluation.ScoredDocuments.score;
import static io.docflow.evaluation.ScoredDocuments.truth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigurationComparisonTest {

    /** {@code n} receipts; A reads the total of the first {@code rightInA}, B of the first {@code rightInB}. */
    private static ConfigurationScores receipts(String label, int n, int right) {
        List<DocumentEvaluation> documents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GroundTruth truth = truth("r" + i + ".pdf", "receipt", "{\"total\":" + (10 + i) + "}");
            String total = i < right ? Integer.toString(10 + i) : "1";
            documents.add(score(truth, result("COMPLETED", "receipt", "{\"total\":" + total + "}", "[]", 100, 100, 10, "0.001")));
        }
        return new ConfigurationScores(label, documents);
    }

    @Test
    void deltasAreBMinusAAndTheTestsSeeTheSameDocuments() {
        ConfigurationComparison comparison = new ConfigurationComparison(receipts("A", 40, 20), receipts("B", 40, 36));

        assertThat(comparison.pairedDocuments()).isEqualTo(40);
        ConfigurationComparison.Delta f1 = comparison.deltas().stream().filter(d -> d.metric().equals("field F1")).findFirst().orElseThrow();
        assertThat(f1.a()).isEqualTo(0.5);
        assertThat(f1.b()).isEqualTo(0.9);
        assertThat(f1.delta()).isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-9));
        // 16 documents right in B only, none in A only: McNemar exact, p = 2 * 0.5^16
        McNemar.Result full = comparison.fullyCorrectTest();
        assertThat(full.onlyA()).isZero();
        assertThat(full.onlyB()).isEqualTo(16);
        assertThat(full.pValue()).isLessThan(0.001);
        assertThat(comparison.fieldF1Test().significantAt(ConfigurationComparison.ALPHA)).isTrue();
        assertThat(comparison.classAccuracyTest().pValue()).isEqualTo(1.0);
        assertThat(comparison.disagreements()).hasSize(16);
        assertThat(comparison.disagreements().get(0).summary()).isEqualTo("A class right, values not, B right");
    }

    @Test
    void theSameAnswersDifferInNothing() {
        ConfigurationComparison comparison = new ConfigurationComparison(receipts("A", 30, 20), receipts("B", 30, 20));

        assertThat(comparison.deltas()).allSatisfy(d -> assertThat(d.delta()).satisfiesAnyOf(
                v -> assertThat(v).isZero(), v -> assertThat(v).isNaN()));
        assertThat(comparison.fieldF1Test().significantAt(ConfigurationComparison.ALPHA)).isFalse();
        assertThat(comparison.disagreements()).isEmpty();
    }

    @Test
    void configurationsWithoutACommonDocumentCannotBeCompared() {
        ConfigurationScores a = receipts("A", 2, 1);
        ConfigurationScores other = new ConfigurationScores("B", List.of(score(truth("elsewhere.pdf", "receipt", "{\"total\":1}"),
                result("COMPLETED", "receipt", "{\"total\":1}", "[]", 1, 1, 1, "0"))));

        assertThatThrownBy(() -> new ConfigurationComparison(a, other)).hasMessageContaining("share no document");
    }
}

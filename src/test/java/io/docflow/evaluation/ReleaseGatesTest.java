package io.docflow.evaluation;

import static io.docflow.evaluation.ScoredDocuments.result;
import static io.docflow.evaluation.ScoredDocuments.score;
import static io.docflow.evaluation.ScoredDocuments.truth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReleaseGatesTest {

    private static final ConfigurationScores HALF_RIGHT = new ConfigurationScores("A", List.of(
            score(truth("a.pdf", "receipt", "{\"total\":1}"), result("COMPLETED", "receipt", "{\"total\":1}", "[]", 1, 1, 1, "0")),
            score(truth("b.pdf", "receipt", "{\"total\":2}"), result("COMPLETED", "invoice", "{\"total\":2}", "[]", 1, 1, 1, "0"))));

    @Test
    void aFigureBelowItsMinimumFailsWithBothNumbers() {
        ReleaseGates gates = ReleaseGates.fromOptions(Map.of("min-class-accuracy", "0.6", "min-field-f1", "40%"));

        assertThat(gates.failures(HALF_RIGHT)).containsExactly("class accuracy 0.500 is below the minimum 0.600");
    }

    @Test
    void aFigureThatCouldNotBeMeasuredMissesItsGate() {
        ReleaseGates gates = ReleaseGates.fromOptions(Map.of("min-list-completeness", "0.9"));

        assertThat(gates.failures(HALF_RIGHT)).containsExactly("list completeness (not measured) is below the minimum 0.900");
    }

    @Test
    void noThresholdsPassEverything() {
        assertThat(ReleaseGates.NONE.failures(HALF_RIGHT)).isEmpty();
        assertThat(ReleaseGates.NONE.thresholds()).isEmpty();
    }

    @Test
    void thresholdsOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> ReleaseGates.fromOptions(Map.of("min-field-f1", "92")))
                .hasMessageContaining("--min-field-f1 must be between 0 and 1");
        assertThatThrownBy(() -> ReleaseGates.fromOptions(Map.of("min-field-f1", "high")))
                .hasMessageContaining("must be a fraction");
    }
}

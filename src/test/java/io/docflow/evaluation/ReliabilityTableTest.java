package io.docflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import io.docflow.evaluation.ReliabilityTable.Prediction;
import org.junit.jupiter.api.Test;

class ReliabilityTableTest {

    @Test
    void binsAndExpectedCalibrationErrorFromKnownPredictions() {
        // bin [0.9, 1]: confidences 0.9, 1.0, 0.95, 0.95 → mean 0.95; 3 of 4 right → 0.75; gap 0.2
        // bin [0.2, 0.3): 0.25, 0.25 → mean 0.25; 1 of 2 right → 0.5; gap 0.25
        // ECE = 4/6 · 0.2 + 2/6 · 0.25 = 0.216667
        ReliabilityTable table = ReliabilityTable.of(List.of(new Prediction(0.9, true), new Prediction(1.0, true),
                new Prediction(0.95, false), new Prediction(0.95, true), new Prediction(0.25, false),
                new Prediction(0.25, true)));

        assertThat(table.bins()).hasSize(10);
        ReliabilityTable.Bin top = table.bins().get(9);
        assertThat(top.count()).isEqualTo(4);
        assertThat(top.meanConfidence()).isCloseTo(0.95, within(1e-12));
        assertThat(top.accuracy()).isEqualTo(0.75);
        assertThat(table.bins().get(2).count()).isEqualTo(2);
        assertThat(table.bins().get(2).accuracy()).isEqualTo(0.5);
        assertThat(table.bins().get(5).count()).isZero();
        assertThat(table.bins().get(5).accuracy()).isNaN();
        assertThat(table.expectedCalibrationError()).isCloseTo(4.0 / 6 * 0.2 + 2.0 / 6 * 0.25, within(1e-12));
    }

    @Test
    void aCalibratedModelHasNoErrorAndConfidencesOutsideZeroToOneAreRefused() {
        ReliabilityTable table = ReliabilityTable.of(List.of(new Prediction(0.5, true), new Prediction(0.5, false),
                new Prediction(1.0, true)), 2);
        assertThat(table.expectedCalibrationError()).isCloseTo(0, within(1e-12));
        assertThat(ReliabilityTable.of(List.of()).expectedCalibrationError()).isNaN();
        assertThatThrownBy(() -> new Prediction(1.2, true)).hasMessageContaining("1.2");
    }
}

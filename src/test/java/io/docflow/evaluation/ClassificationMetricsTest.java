package io.docflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.docflow.evaluation.ClassificationMetrics.Outcome;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    private static List<Outcome> times(int n, String expected, String predicted) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outcomes.add(new Outcome(expected, predicted));
        }
        return outcomes;
    }

    @Test
    void accuracyConfusionAndPerClassCountsFromKnownOutcomes() {
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.addAll(times(3, "invoice", "invoice"));
        outcomes.addAll(times(1, "invoice", "receipt"));
        outcomes.addAll(times(2, "receipt", "receipt"));
        outcomes.addAll(times(1, "receipt", "invoice"));
        outcomes.addAll(times(1, "other", null));

        ClassificationMetrics metrics = new ClassificationMetrics(outcomes);

        assertThat(metrics.accuracy()).isEqualTo(5.0 / 8);
        assertThat(metrics.labels()).containsExactly("(none)", "invoice", "other", "receipt");
        assertThat(metrics.confusion("invoice", "receipt")).isEqualTo(1);
        assertThat(metrics.confusion("other", ClassificationMetrics.NO_CLASS)).isEqualTo(1);
        assertThat(metrics.confusion("receipt", "other")).isZero();
        assertThat(metrics.counts("invoice")).isEqualTo(new Counts(3, 1, 1));
        assertThat(metrics.counts("invoice").precision()).isEqualTo(0.75);
        assertThat(metrics.counts("receipt")).isEqualTo(new Counts(2, 1, 1));
        assertThat(metrics.counts("receipt").recall()).isEqualTo(2.0 / 3);
        assertThat(metrics.counts("other").recall()).isZero();
        assertThat(metrics.counts("other").precision()).isNaN();
    }

    @Test
    void noDocumentsHaveNoAccuracy() {
        assertThat(new ClassificationMetrics(List.of()).accuracy()).isNaN();
    }
}

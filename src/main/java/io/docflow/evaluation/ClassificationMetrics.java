package io.docflow.evaluation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Classification over a set of documents from (expected, predicted) pairs. A document with no class (its job failed
 * before classifying) is predicted {@link #NO_CLASS}, so it counts as wrong, not as left out. For a class c:
 * TP = expected c and predicted c; FP = predicted c, expected another; FN = expected c, predicted another (or none).
 * Precision and recall of a class never predicted or never expected are undefined (NaN).
 */
public final class ClassificationMetrics {

    public static final String NO_CLASS = "(none)";

    public record Outcome(String expected, String predicted) {

        public Outcome {
            predicted = predicted == null || predicted.isBlank() ? NO_CLASS : predicted;
        }

        public boolean correct() {
            return expected.equals(predicted);
        }
    }

    private final List<Outcome> outcomes;
    private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    private final Set<String> labels = new TreeSet<>();

    public ClassificationMetrics(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
        for (Outcome outcome : outcomes) {
            labels.add(outcome.expected());
            labels.add(outcome.predicted());
            confusion.computeIfAbsent(outcome.expected(), e -> new TreeMap<>()).merge(outcome.predicted(), 1, Integer::sum);
        }
    }

    /** Correct / all documents; NaN for no documents. */
    public double accuracy() {
        return outcomes.isEmpty() ? Double.NaN
                : (double) outcomes.stream().filter(Outcome::correct).count() / outcomes.size();
    }

    /** Every class seen as expected or predicted, sorted: the rows and columns of the confusion matrix. */
    public Set<String> labels() {
        return Collections.unmodifiableSet(labels);
    }

    /** How many documents of class {@code expected} were given class {@code predicted}. */
    public int confusion(String expected, String predicted) {
        return confusion.getOrDefault(expected, Map.of()).getOrDefault(predicted, 0);
    }

    public Counts counts(String documentClass) {
        int tp = confusion(documentClass, documentClass);
        int predicted = 0;
        int expected = 0;
        for (String label : labels) {
            predicted += confusion(label, documentClass);
            expected += confusion(documentClass, label);
        }
        return new Counts(tp, predicted - tp, expected - tp);
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }
}

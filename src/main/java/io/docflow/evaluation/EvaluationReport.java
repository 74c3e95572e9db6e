package io.docflow.evaluation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One evaluation run: the set, each configuration's scores (the first is the one the gates judge; a naive
 * baseline, when run, is last), the comparisons of the first with each other, and the gates' failures.
 */
public record EvaluationReport(String setName, Path setRoot, Instant startedAt, long wallMillis, List<ConfigurationScores> configurations,
                               ReleaseGates gates) {

    public EvaluationReport {
        if (configurations.isEmpty()) {
            throw new IllegalArgumentException("An evaluation report needs at least one configuration");
        }
        configurations = List.copyOf(configurations);
    }

    /** The configuration the gates judge: the first one (A). */
    public ConfigurationScores primary() {
        return configurations.get(0);
    }

    /** A against each other configuration (B, the baseline). */
    public List<ConfigurationComparison> comparisons() {
        List<ConfigurationComparison> comparisons = new ArrayList<>();
        for (int i = 1; i < configurations.size(); i++) {
            comparisons.add(new ConfigurationComparison(primary(), configurations.get(i)));
        }
        return comparisons;
    }

    /** A document as the reports name it: its path within the set, with forward slashes. */
    public String documentName(DocumentEvaluation document) {
        Path path = document.truth().document();
        if (setRoot != null && path.isAbsolute() == setRoot.isAbsolute() && path.startsWith(setRoot)) {
            path = setRoot.relativize(path);
        }
        return path.toString().replace('\\', '/');
    }

    public List<String> gateFailures() {
        return gates.failures(primary());
    }
}

package io.docflow.evaluation;

import java.util.List;

/** Ground truth that cannot be used; every problem found, each as "file: JSON pointer: what is wrong". */
public class GroundTruthException extends RuntimeException {

    private final List<String> problems;

    public GroundTruthException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in the ground truth:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

package io.docflow.evaluation;

/**
 * One list of one document: how many items were expected, extracted, and paired by the alignment. Completeness is
 * found / expected, found being the expected items paired with an extracted one (whatever their fields' verdicts);
 * a list expected empty is complete (1) and its extracted items show as {@link #extra()}.
 */
public record ListCompleteness(String field, int expected, int extracted, int found) {

    public double completeness() {
        return expected == 0 ? 1 : (double) found / expected;
    }

    public int extra() {
        return extracted - found;
    }
}

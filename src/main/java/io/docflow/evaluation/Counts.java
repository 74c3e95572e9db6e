package io.docflow.evaluation;

/**
 * True positives, false positives and false negatives, and the scores they give. A score whose denominator is 0 is
 * undefined and returned as NaN (reports show it as null), never as 0 or 1: a field never expected nor extracted has
 * no precision.
 */
public record Counts(int truePositives, int falsePositives, int falseNegatives) {

    public static final Counts NONE = new Counts(0, 0, 0);

    public Counts plus(Counts other) {
        return new Counts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }

    /** TP / (TP + FP). */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** TP / (TP + FN). */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** 2TP / (2TP + FP + FN): the harmonic mean of precision and recall, defined whenever either is. */
    public double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}

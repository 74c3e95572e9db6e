package io.docflow.evaluation;

/**
 * What one expected or extracted value counts as. A wrong value is both a false positive (a value that should not
 * have been given) and a false negative (the right value was not given), as in entity-level F1.
 */
public enum Verdict {
    /** Expected and extracted, and the field's matcher accepts the extracted value: 1 TP. */
    CORRECT(1, 0, 0),
    /** Expected and extracted, and the matcher rejects it: 1 FP and 1 FN. */
    WRONG(0, 1, 1),
    /** Expected, not extracted (absent, null, empty text, or its list item left unpaired): 1 FN. */
    MISSING(0, 0, 1),
    /** Extracted, not expected (or its list item left unpaired): 1 FP. */
    EXTRA(0, 1, 0);

    private final Counts counts;

    Verdict(int truePositives, int falsePositives, int falseNegatives) {
        this.counts = new Counts(truePositives, falsePositives, falseNegatives);
    }

    public Counts counts() {
        return counts;
    }
}

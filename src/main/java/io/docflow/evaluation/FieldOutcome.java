package io.docflow.evaluation;

/**
 * One value's verdict. {@code field} names the field across documents and list items ({@code /lineItems/*}{@code /amount});
 * {@code pointer} is where the value is ({@code /lineItems/3/amount}, the expected item's index unless only extracted);
 * {@code extractedPointer} is where the extracted value is in the result's fields (list items may be paired with
 * another index), null when nothing was extracted.
 */
public record FieldOutcome(String field, String pointer, String extractedPointer, Verdict verdict) {

    public FieldOutcome(String field, String pointer, Verdict verdict) {
        this(field, pointer, verdict == Verdict.MISSING ? null : pointer, verdict);
    }
}

package io.docflow.evaluation;

/**
 * One value's verdict. {@code field} names the field across documents and list items ({@code /lineItems/*}{@code /amount});
 * {@code pointer} is where the value is ({@code /lineItems/3/amount}, the expected item's index unless only extracted).
 */
public record FieldOutcome(String field, String pointer, Verdict verdict) {
}

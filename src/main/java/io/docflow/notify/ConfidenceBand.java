package io.docflow.notify;

import java.util.Locale;

import io.docflow.evidence.ReviewedFields;

/**
 * The announcement's filterable summary of how far the extracted fields can be trusted: {@code low} when the
 * review asks for a person (a failed rule, an ungrounded or doubtful value, the document below its threshold),
 * {@code high} when the document's confidence is at least 0.9 and nothing asks for review, else
 * {@code medium}; {@code none} when no fields were reviewed (a failed job, a document without text).
 */
public enum ConfidenceBand {
    HIGH, MEDIUM, LOW, NONE;

    static final double HIGH_FROM = 0.9;

    public static ConfidenceBand of(ReviewedFields review) {
        if (review == null) {
            return NONE;
        }
        if (review.decision().needsReview()) {
            return LOW;
        }
        return review.documentConfidence().confidence() >= HIGH_FROM ? ConfidenceBand.HIGH : MEDIUM;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

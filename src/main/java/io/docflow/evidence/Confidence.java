package io.docflow.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Confidence per value and per document, from signals that were checked rather than believed.
 *
 * <p>A value's confidence starts at the model's own estimate ({@value #NO_ESTIMATE} when it gave none: an answer
 * the model gave without saying how sure it was). Each rule touching the value that passed halves the remaining
 * doubt ({@code c = 1 - (1 - c) / 2}): a total that adds up with its parts is more likely read right. Then each problem
 * multiplies it by a fixed factor: ungrounded × {@value #UNGROUNDED} (the text does not show it), each failed rule
 * touching it × {@value #FAILED_RULE}, a schema error at it × {@value #SCHEMA_ERROR}, and a repaired answer ×
 * {@value #REPAIRED} (the model needed a second attempt at the document).
 *
 * <p>The document's confidence is the mean of the values' starting estimates, × the share of values grounded, ×
 * {@value #FAILED_RULE} per failed rule, × {@value #SCHEMA_ERROR} when the fields break the schema and ×
 * {@value #REPAIRED} when repaired.
 *
 * <p>Why this shape: every signal moves the result one way only (a problem never raises it, a passed check never
 * lowers it), so a reviewer can predict it; the steps are listed with each result, so it can be explained line by
 * line; and the factors are few round numbers to tune against reviewed documents, not a fitted model. Being found in
 * the text weighs most because it is the one check of the value itself: an ungrounded value stays at or below
 * {@value #UNGROUNDED} whatever else passed.
 */
final class Confidence {

    static final double NO_ESTIMATE = 0.9;
    static final double UNGROUNDED = 0.4;
    static final double FAILED_RULE = 0.6;
    static final double SCHEMA_ERROR = 0.5;
    static final double REPAIRED = 0.9;

    private Confidence() {
    }

    static FieldConfidence field(FieldEvidence evidence, List<RuleResult> touching, boolean schemaError,
            boolean repaired, double threshold) {
        List<String> because = new ArrayList<>();
        double confidence = start(evidence);
        because.add(evidence.modelConfidence() == null
                ? "no estimate from the model: " + format(confidence)
                : "model's estimate " + format(confidence));
        for (RuleResult rule : touching) {
            if (rule.passed()) {
                confidence = 1 - (1 - confidence) / 2;
                because.add("rule " + rule.ruleId() + " passed, doubt halved: " + format(confidence));
            }
        }
        if (!evidence.grounded()) {
            confidence *= UNGROUNDED;
            because.add("ungrounded × " + UNGROUNDED + " = " + format(confidence));
        }
        for (RuleResult rule : touching) {
            if (rule.failed()) {
                confidence *= FAILED_RULE;
                because.add("rule " + rule.ruleId() + " failed × " + FAILED_RULE + " = " + format(confidence));
            }
        }
        if (schemaError) {
            confidence *= SCHEMA_ERROR;
            because.add("schema error × " + SCHEMA_ERROR + " = " + format(confidence));
        }
        if (repaired) {
            confidence *= REPAIRED;
            because.add("repaired answer × " + REPAIRED + " = " + format(confidence));
        }
        return new FieldConfidence(evidence.field(), round(confidence), threshold, because);
    }

    static DocumentConfidence document(List<FieldEvidence> evidence, List<RuleResult> rules, boolean schemaValid,
            boolean repaired, double threshold) {
        List<String> because = new ArrayList<>();
        double confidence = evidence.stream().mapToDouble(Confidence::start).average().orElse(NO_ESTIMATE);
        because.add(evidence.isEmpty() ? "no values: " + format(confidence) : "mean of the model's estimates " + format(confidence));
        long grounded = evidence.stream().filter(FieldEvidence::grounded).count();
        if (grounded < evidence.size()) {
            confidence *= (double) grounded / evidence.size();
            because.add(grounded + " of " + evidence.size() + " values grounded = " + format(confidence));
        }
        for (RuleResult rule : rules) {
            if (rule.failed()) {
                confidence *= FAILED_RULE;
                because.add("rule " + rule.ruleId() + " failed × " + FAILED_RULE + " = " + format(confidence));
            }
        }
        if (!schemaValid) {
            confidence *= SCHEMA_ERROR;
            because.add("schema invalid × " + SCHEMA_ERROR + " = " + format(confidence));
        }
        if (repaired) {
            confidence *= REPAIRED;
            because.add("repaired answer × " + REPAIRED + " = " + format(confidence));
        }
        return new DocumentConfidence(round(confidence), threshold, because);
    }

    private static double start(FieldEvidence evidence) {
        return evidence.modelConfidence() == null ? NO_ESTIMATE : evidence.modelConfidence();
    }

    static double round(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }

    /** 0.9 as 0.90, 0.375 as 0.375: at least two decimals, at most three. */
    static String format(double confidence) {
        BigDecimal value = BigDecimal.valueOf(round(confidence)).stripTrailingZeros();
        return value.setScale(Math.max(2, value.scale())).toPlainString();
    }

    /** A threshold as declared: 0.8, 0.95. */
    static String formatThreshold(double threshold) {
        return BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString();
    }
}

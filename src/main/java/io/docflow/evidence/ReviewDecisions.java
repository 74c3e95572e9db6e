package io.docflow.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Review is needed when the fields break the schema, a rule failed, a value's confidence is below its threshold, or
 * the document's is below the document threshold. Every one of these is a reason; values are listed up to
 * {@value #LISTED_VALUES}, then counted.
 */
final class ReviewDecisions {

    static final int LISTED_VALUES = 20;

    private ReviewDecisions() {
    }

    static ReviewDecision decide(List<String> schemaErrors, List<RuleResult> rules, List<FieldEvidence> evidence,
            List<FieldConfidence> confidences, DocumentConfidence document) {
        List<String> reasons = new ArrayList<>();
        if (!schemaErrors.isEmpty()) {
            reasons.add("schema: " + schemaErrors.get(0)
                    + (schemaErrors.size() > 1 ? " (and " + (schemaErrors.size() - 1) + " more)" : ""));
        }
        rules.stream().filter(RuleResult::failed)
                .forEach(rule -> reasons.add("rule " + rule.ruleId() + " failed: " + rule.message()));
        int belowThreshold = 0;
        for (int i = 0; i < confidences.size(); i++) {
            FieldConfidence confidence = confidences.get(i);
            if (!confidence.belowThreshold()) {
                continue;
            }
            if (++belowThreshold <= LISTED_VALUES) {
                FieldEvidence value = evidence.get(i);
                String shown = "confidence " + Confidence.format(confidence.confidence()) + " below "
                        + Confidence.formatThreshold(confidence.threshold());
                reasons.add(Pointers.display(confidence.field()) + ": "
                        + (value.grounded() ? shown : "ungrounded (" + value.reason() + "), " + shown));
            }
        }
        if (belowThreshold > LISTED_VALUES) {
            reasons.add("and " + (belowThreshold - LISTED_VALUES) + " more values below their thresholds");
        }
        if (document.belowThreshold()) {
            reasons.add("document: confidence " + Confidence.format(document.confidence()) + " below "
                    + Confidence.formatThreshold(document.threshold()));
        }
        return new ReviewDecision(!reasons.isEmpty(), reasons);
    }
}

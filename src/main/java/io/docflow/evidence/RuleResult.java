package io.docflow.evidence;

import java.util.List;

/**
 * One rule's verdict on the extracted fields.
 *
 * @param ruleId      the rule's {@code id} in the class schema
 * @param description what the rule checks
 * @param fields      the pointers it looked at (on failure, those that disagree)
 * @param message     the numbers, dates or values behind the verdict, e.g.
 *                    {@code subtotal 617.96 + tax 30.90 = 648.86 != total 693.86 (difference 45.00; absent: shipping)}
 */
public record RuleResult(String ruleId, String description, List<String> fields, RuleOutcome outcome, String message) {

    public RuleResult {
        fields = List.copyOf(fields);
    }

    boolean failed() {
        return outcome == RuleOutcome.FAILED;
    }

    boolean passed() {
        return outcome == RuleOutcome.PASSED;
    }
}

package io.docflow.evidence;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** If {@code if} is present, every field in {@code then} must be too; without {@code if} the rule is skipped. */
record RequiresRule(String id, String description, String condition, List<String> then) implements Rule {

    static String describe(String condition, List<String> then) {
        return "if " + Pointers.display(condition) + " is present, so is " + Presence.names(then);
    }

    @Override
    public RuleResult evaluate(JsonNode fields) {
        List<String> involved = new ArrayList<>(List.of(condition));
        involved.addAll(then);
        if (Presence.stated(fields, condition).isEmpty()) {
            return result(involved, RuleOutcome.SKIPPED, Pointers.display(condition) + " absent");
        }
        List<String> missing = then.stream().filter(pointer -> Presence.stated(fields, pointer).isEmpty()).toList();
        if (!missing.isEmpty()) {
            return result(involved, RuleOutcome.FAILED,
                    Pointers.display(condition) + " is present but " + Presence.names(missing) + (missing.size() == 1 ? " is" : " are") + " absent");
        }
        return result(involved, RuleOutcome.PASSED, Pointers.display(condition) + " and " + Presence.names(then) + " are present");
    }
}

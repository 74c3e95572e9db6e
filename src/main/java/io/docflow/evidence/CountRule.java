package io.docflow.evidence;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The list at {@code list} has as many items as the field {@code equals} states (a statement's "42 transactions").
 * Without a stated count the rule is skipped; an absent list has no items.
 */
record CountRule(String id, String description, String list, String equals) implements Rule {

    static String describe(String list, String equals) {
        return "the number of " + Pointers.display(list) + " items = " + Pointers.display(equals);
    }

    @Override
    public RuleResult evaluate(JsonNode fields) {
        List<String> involved = List.of(list, equals);
        JsonNode stated = Pointers.at(fields, equals);
        if (!Presence.states(stated)) {
            return result(involved, RuleOutcome.SKIPPED, Pointers.display(equals) + " absent");
        }
        Optional<BigDecimal> count = Amounts.of(stated);
        if (count.isEmpty() || count.get().stripTrailingZeros().scale() > 0) {
            return result(involved, RuleOutcome.SKIPPED, Pointers.display(equals) + " " + stated + " is not a count");
        }
        JsonNode items = Pointers.at(fields, list);
        int found = items != null && items.isArray() ? items.size() : 0;
        boolean agrees = count.get().compareTo(BigDecimal.valueOf(found)) == 0;
        return result(involved, agrees ? RuleOutcome.PASSED : RuleOutcome.FAILED, Pointers.display(list) + " has "
                + found + " items, " + Pointers.display(equals) + " states " + count.get().toPlainString());
    }

    Optional<Integer> statedCount(JsonNode fields) {
        return Amounts.of(Pointers.at(fields, equals))
                .filter(count -> count.stripTrailingZeros().scale() <= 0)
                .map(BigDecimal::intValue);
    }
}

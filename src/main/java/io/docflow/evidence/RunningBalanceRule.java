package io.docflow.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each item's {@code balance} is the balance before it plus its {@code amount} (signed), within {@code tolerance};
 * the first item's balance before is {@code opening} when given. A missing or misread line shows as a break in the
 * chain at that line. Statements listed newest first are read in that order too: the order with fewer breaks
 * counts. Skipped when no item states a balance.
 */
record RunningBalanceRule(String id, String description, String list, String amount, String balance, String opening,
        BigDecimal tolerance) implements Rule {

    static String describe(String list, String amount, String balance) {
        return "each " + Pointers.display(list) + " " + Pointers.display(balance) + " = the balance before + its "
                + Pointers.display(amount);
    }

    @Override
    public RuleResult evaluate(JsonNode fields) {
        JsonNode items = Pointers.at(fields, list);
        if (items == null || !items.isArray() || items.isEmpty()) {
            return result(List.of(list), RuleOutcome.SKIPPED, Pointers.display(list) + " absent");
        }
        Optional<BigDecimal> start = opening == null ? Optional.empty() : Amounts.of(Pointers.at(fields, opening));
        Walk oldestFirst = walk(items, start, false);
        if (oldestFirst.checked == 0) {
            return result(List.of(list), RuleOutcome.SKIPPED, "no item of " + Pointers.display(list) + " states both "
                    + Pointers.display(amount) + " and " + Pointers.display(balance));
        }
        Walk newestFirst = oldestFirst.breaks.isEmpty() ? oldestFirst : walk(items, start, true);
        Walk chosen = newestFirst.breaks.count() < oldestFirst.breaks.count() ? newestFirst : oldestFirst;
        String order = chosen == oldestFirst ? "" : " (listed newest first)";
        if (!chosen.breaks.isEmpty()) {
            return result(chosen.breaks.fields(), RuleOutcome.FAILED, chosen.breaks.count() + " of " + chosen.checked
                    + " balances do not follow" + order + ": " + chosen.breaks.describe());
        }
        return result(chosen.checkedFields, RuleOutcome.PASSED,
                chosen.checked + " balances checked, each follows from the one before" + order);
    }

    private Walk walk(JsonNode items, Optional<BigDecimal> opening, boolean newestFirst) {
        Walk walk = new Walk();
        BigDecimal before = opening.orElse(null);
        String beforeName = opening.isPresent() ? Pointers.display(this.opening) : null;
        for (int step = 0; step < items.size(); step++) {
            int index = newestFirst ? items.size() - 1 - step : step;
            String item = Pointers.child(list, index);
            Optional<BigDecimal> change = Amounts.of(Pointers.at(items.get(index), amount));
            Optional<BigDecimal> after = Amounts.of(Pointers.at(items.get(index), balance));
            if (before != null && change.isPresent() && after.isPresent()) {
                walk.checked++;
                List<String> itemFields = List.of(item + amount, item + balance);
                walk.checkedFields.addAll(itemFields);
                BigDecimal expected = before.add(change.get());
                if (expected.subtract(after.get()).abs().compareTo(tolerance) > 0) {
                    Function<BigDecimal, String> format = Amounts.formatter(before, change.get(), expected, after.get());
                    walk.breaks.add(Pointers.display(item) + ": " + beforeName + " " + format.apply(before) + " + "
                            + Pointers.display(amount) + " " + format.apply(change.get()) + " = " + format.apply(expected)
                            + " != " + Pointers.display(balance) + " " + format.apply(after.get()), itemFields);
                }
            }
            if (after.isPresent()) {
                before = after.get();
                beforeName = "balance before";
            } else if (before != null && change.isPresent()) {
                before = before.add(change.get());
            } else {
                before = null;
            }
        }
        return walk;
    }

    private static final class Walk {
        private final ItemFailures breaks = new ItemFailures();
        private final List<String> checkedFields = new ArrayList<>();
        private int checked;
    }
}

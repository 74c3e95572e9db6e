package io.docflow.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * For each item of {@code forEach}, the product of its {@code factors} equals its {@code equals} within
 * {@code tolerance} (quantity × unitPrice = amount). Items lacking an input are not checked; without any checkable
 * item the rule is skipped. Pointers in {@code factors} and {@code equals} are relative to the item.
 */
record ProductRule(String id, String description, String forEach, List<String> factors, String equals,
        BigDecimal tolerance) implements Rule {

    static String describe(String forEach, List<String> factors, String equals) {
        return "for each " + Pointers.display(forEach) + " item: "
                + String.join(" × ", factors.stream().map(Pointers::display).toList()) + " = " + Pointers.display(equals);
    }

    @Override
    public RuleResult evaluate(JsonNode fields) {
        JsonNode list = Pointers.at(fields, forEach);
        if (list == null || !list.isArray() || list.isEmpty()) {
            return result(List.of(forEach), RuleOutcome.SKIPPED, Pointers.display(forEach) + " absent");
        }
        ItemFailures failures = new ItemFailures();
        List<String> checkedFields = new ArrayList<>();
        int checked = 0;
        for (int index = 0; index < list.size(); index++) {
            String item = Pointers.child(forEach, index);
            List<BigDecimal> values = new ArrayList<>();
            for (String factor : factors) {
                number(list.get(index), factor).ifPresent(values::add);
            }
            Optional<BigDecimal> stated = number(list.get(index), equals);
            if (values.size() < factors.size() || stated.isEmpty()) {
                continue;
            }
            checked++;
            List<String> itemFields = new ArrayList<>(factors.stream().map(factor -> item + factor).toList());
            itemFields.add(item + equals);
            checkedFields.addAll(itemFields);
            BigDecimal product = values.stream().reduce(BigDecimal.ONE, BigDecimal::multiply);
            if (product.subtract(stated.get()).abs().compareTo(tolerance) > 0) {
                failures.add(describeItem(item, values, product, stated.get()), itemFields);
            }
        }
        if (checked == 0) {
            return result(List.of(forEach), RuleOutcome.SKIPPED,
                    "no item of " + Pointers.display(forEach) + " states all of " + names());
        }
        if (!failures.isEmpty()) {
            return result(failures.fields(), RuleOutcome.FAILED, failures.count() + " of " + checked
                    + " checked items disagree: " + failures.describe());
        }
        return result(checkedFields, RuleOutcome.PASSED, checked + " of " + list.size() + " items checked, all agree");
    }

    private String describeItem(String item, List<BigDecimal> values, BigDecimal product, BigDecimal stated) {
        List<BigDecimal> shown = new ArrayList<>(values);
        shown.add(product);
        shown.add(stated);
        Function<BigDecimal, String> format = Amounts.formatter(shown);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            terms.add(Pointers.display(factors.get(i)) + " " + values.get(i).stripTrailingZeros().toPlainString());
        }
        return Pointers.display(item) + ": " + String.join(" × ", terms) + " = " + format.apply(product) + " != "
                + Pointers.display(equals) + " " + format.apply(stated);
    }

    private String names() {
        List<String> all = new ArrayList<>(factors);
        all.add(equals);
        return Presence.names(all);
    }

    private static Optional<BigDecimal> number(JsonNode item, String relative) {
        return Amounts.of(Pointers.at(item, relative));
    }
}

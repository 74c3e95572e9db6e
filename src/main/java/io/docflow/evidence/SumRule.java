package io.docflow.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code add} minus {@code subtract} equals {@code equals}, within {@code tolerance}. A term with {@code *} sums
 * over a list ({@code /lineItems/*}{@code /amount}). Terms named in {@code optional} count as 0 when absent (and the
 * message says so: a total that needs an absent shipping charge to add up fails and names it); any other absent
 * input skips the rule.
 */
record SumRule(String id, String description, List<String> add, List<String> subtract, String equals,
        Set<String> optional, BigDecimal tolerance) implements Rule {

    static String describe(List<String> add, List<String> subtract, String equals) {
        StringBuilder text = new StringBuilder(String.join(" + ", add.stream().map(Pointers::display).toList()));
        subtract.forEach(term -> text.append(" - ").append(Pointers.display(term)));
        return text.append(" = ").append(Pointers.display(equals)).toString();
    }

    @Override
    public RuleResult evaluate(JsonNode fields) {
        Terms terms = new Terms(fields);
        add.forEach(term -> terms.read(term, false));
        subtract.forEach(term -> terms.read(term, true));
        List<Pointers.Located> expected = Presence.stated(fields, equals);
        List<String> involved = new ArrayList<>(terms.involved);
        involved.add(equals);
        if (expected.isEmpty()) {
            terms.absentRequired.add(equals);
        } else if (Amounts.of(expected.get(0).value()).isEmpty()) {
            terms.notNumbers.add(Pointers.display(equals) + " " + expected.get(0).value());
        }
        if (!terms.notNumbers.isEmpty()) {
            return result(involved, RuleOutcome.SKIPPED, "not a number: " + String.join(", ", terms.notNumbers));
        }
        if (!terms.absentRequired.isEmpty()) {
            return result(involved, RuleOutcome.SKIPPED, Presence.names(terms.absentRequired) + " absent");
        }
        BigDecimal stated = Amounts.of(expected.get(0).value()).orElseThrow();
        BigDecimal difference = stated.subtract(terms.total);
        List<BigDecimal> shown = new ArrayList<>(terms.values);
        shown.add(stated);
        shown.add(terms.total);
        Function<BigDecimal, String> format = Amounts.formatter(shown);
        boolean agrees = difference.abs().compareTo(tolerance) <= 0;
        String sum = terms.expression(format) + " = " + format.apply(terms.total) + (agrees ? " = " : " != ")
                + Pointers.display(equals) + " " + format.apply(stated);
        List<String> remarks = new ArrayList<>();
        if (!agrees) {
            remarks.add("difference " + format.apply(difference));
        }
        if (!terms.absentOptional.isEmpty()) {
            remarks.add("absent: " + Presence.names(terms.absentOptional));
        }
        remarks.addAll(terms.itemsWithout);
        String message = remarks.isEmpty() ? sum : sum + " (" + String.join("; ", remarks) + ")";
        return result(involved, agrees ? RuleOutcome.PASSED : RuleOutcome.FAILED, message);
    }

    /** The terms' values as read, with what is absent or unreadable. */
    private final class Terms {
        private final JsonNode fields;
        private final List<String> involved = new ArrayList<>();
        private final List<String> absentRequired = new ArrayList<>();
        private final List<String> absentOptional = new ArrayList<>();
        private final List<String> notNumbers = new ArrayList<>();
        private final List<String> itemsWithout = new ArrayList<>();
        private final List<BigDecimal> values = new ArrayList<>();
        private final List<String> parts = new ArrayList<>();
        private final List<Boolean> negated = new ArrayList<>();
        private BigDecimal total = BigDecimal.ZERO;

        Terms(JsonNode fields) {
            this.fields = fields;
        }

        void read(String term, boolean negate) {
            List<Pointers.Located> found = Presence.stated(fields, term);
            if (found.isEmpty()) {
                (optional.contains(term) ? absentOptional : absentRequired).add(term);
                involved.add(term);
                return;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Pointers.Located value : found) {
                involved.add(value.pointer());
                var number = Amounts.of(value.value());
                if (number.isEmpty()) {
                    notNumbers.add(Pointers.display(value.pointer()) + " " + value.value());
                } else {
                    sum = sum.add(number.get());
                }
            }
            String list = Pointers.listOf(term);
            if (list != null) {
                int items = Pointers.at(fields, list).size();
                if (found.size() < items) {
                    itemsWithout.add((items - found.size()) + " of " + items + " items without "
                            + Pointers.display(term.substring(term.lastIndexOf('/') + 1)));
                }
            }
            values.add(sum);
            parts.add(Pointers.display(term) + (list == null ? "" : " (sum of " + found.size() + ")"));
            negated.add(negate);
            total = negate ? total.subtract(sum) : total.add(sum);
        }

        String expression(Function<BigDecimal, String> format) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0 || negated.get(i)) {
                    text.append(negated.get(i) ? (i > 0 ? " - " : "-") : " + ");
                }
                text.append(parts.get(i)).append(' ').append(format.apply(values.get(i)));
            }
            return text.length() == 0 ? "0" : text.toString();
        }
    }
}

package io.docflow.evidence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The values at {@code fields} come in this order: each is at most (or with {@code strict}, less than) the next.
 * Dates (YYYY-MM-DD) compare as dates, numbers as numbers. A pointer with {@code *} stands for all its values, each of
 * which must sit between its neighbours in the chain (not in order among themselves). Absent values drop out of the
 * chain; with fewer than two left the rule is skipped.
 */
record OrderRule(String id, String description, List<String> fields, boolean strict) implements Rule {

    static String describe(List<String> fields, boolean strict) {
        return String.join(strict ? " < " : " <= ", fields.stream().map(Pointers::display).toList());
    }

    @Override
    public RuleResult evaluate(JsonNode document) {
        List<List<Pointers.Located>> stated = fields.stream().map(pointer -> Presence.stated(document, pointer)).toList();
        // numbers only if every value is a JSON number; anything else is read as a date
        boolean dates = stated.stream().flatMap(List::stream).anyMatch(found -> !found.value().isNumber());
        List<List<Value>> chain = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<String> involved = new ArrayList<>();
        for (List<Pointers.Located> values : stated) {
            List<Value> group = new ArrayList<>();
            for (Pointers.Located found : values) {
                involved.add(found.pointer());
                Optional<Value> value = Value.of(found, dates);
                if (value.isPresent()) {
                    group.add(value.get());
                } else {
                    unreadable.add(Pointers.display(found.pointer()) + " " + found.value() + " is not "
                            + (dates ? "a YYYY-MM-DD date" : "a number"));
                }
            }
            if (!group.isEmpty()) {
                chain.add(group);
            }
        }
        if (!unreadable.isEmpty()) {
            return result(involved, RuleOutcome.FAILED, String.join("; ", unreadable));
        }
        if (chain.size() < 2) {
            return result(involved.isEmpty() ? fields : involved, RuleOutcome.SKIPPED,
                    "needs two of " + Presence.names(fields) + (involved.isEmpty() ? "" : "; present: " + Presence.names(involved)));
        }
        ItemFailures failures = new ItemFailures();
        for (int i = 0; i + 1 < chain.size(); i++) {
            for (Value earlier : chain.get(i)) {
                for (Value later : chain.get(i + 1)) {
                    int order = earlier.compareTo(later);
                    if (order > 0 || strict && order == 0) {
                        failures.add(later.shown() + " is " + (order == 0 ? "the same as " : "before ") + earlier.shown(),
                                List.of(earlier.pointer(), later.pointer()));
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            return result(failures.fields(), RuleOutcome.FAILED, failures.describe());
        }
        List<String> links = chain.stream().map(OrderRule::summary).toList();
        return result(involved, RuleOutcome.PASSED, String.join(strict ? " < " : " <= ", links));
    }

    private static String summary(List<Value> group) {
        if (group.size() == 1) {
            return group.get(0).shown();
        }
        Value first = group.stream().min(Value::compareTo).orElseThrow();
        Value last = group.stream().max(Value::compareTo).orElseThrow();
        return group.size() + " values from " + first.written() + " to " + last.written();
    }

    /** A value of the chain, a date or a number, and where it is. */
    private record Value(String pointer, LocalDate date, BigDecimal number) {

        static Optional<Value> of(Pointers.Located found, boolean asDate) {
            if (asDate) {
                return Optional.ofNullable(ValueInQuote.isoDate(found.value())).map(date -> new Value(found.pointer(), date, null));
            }
            return Amounts.of(found.value()).map(number -> new Value(found.pointer(), null, number));
        }

        int compareTo(Value other) {
            return date != null ? date.compareTo(other.date) : number.compareTo(other.number);
        }

        String written() {
            return date != null ? date.toString() : Amounts.format(number);
        }

        String shown() {
            return Pointers.display(pointer) + " " + written();
        }
    }
}

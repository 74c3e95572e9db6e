package io.docflow.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value at {@code field} (each value, with {@code *}) matches {@code matches} and does not match
 * {@code mustNotMatch} (Java regular expressions, searched anywhere in the value unless anchored). Catches values of
 * the wrong kind cheaply, e.g. a heading ("INVOICE #398") taken for the vendor's name.
 */
record PatternRule(String id, String description, String field, Pattern matches, Pattern mustNotMatch) implements Rule {

    static String describe(String field, Pattern matches, Pattern mustNotMatch) {
        List<String> parts = new ArrayList<>();
        if (matches != null) {
            parts.add("matches /" + matches.pattern() + "/");
        }
        if (mustNotMatch != null) {
            parts.add("does not match /" + mustNotMatch.pattern() + "/");
        }
        return Pointers.display(field) + " " + String.join(" and ", parts);
    }

    @Override
    public RuleResult evaluate(JsonNode fields) {
        List<Pointers.Located> values = Presence.stated(fields, field);
        if (values.isEmpty()) {
            return result(List.of(field), RuleOutcome.SKIPPED, Pointers.display(field) + " absent");
        }
        ItemFailures failures = new ItemFailures();
        for (Pointers.Located value : values) {
            String text = value.value().asText();
            boolean refused = matches != null && !matches.matcher(text).find()
                    || mustNotMatch != null && mustNotMatch.matcher(text).find();
            if (refused) {
                failures.add(Pointers.display(value.pointer()) + " \"" + text + "\"", List.of(value.pointer()));
            }
        }
        List<String> checked = values.stream().map(Pointers.Located::pointer).toList();
        if (!failures.isEmpty()) {
            return result(failures.fields(), RuleOutcome.FAILED, failures.describe() + " refused: " + description);
        }
        return result(checked, RuleOutcome.PASSED, values.size() == 1
                ? Pointers.display(checked.get(0)) + " \"" + values.get(0).value().asText() + "\" is as expected"
                : values.size() + " values are as expected");
    }
}

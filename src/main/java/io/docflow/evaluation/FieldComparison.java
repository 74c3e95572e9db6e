package io.docflow.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Compares a document's expected fields with its extracted ones (both in the result's {@code fields} shape): one
 * {@link FieldOutcome} per value expected or extracted, and one {@link ListCompleteness} per list. Absent, null and
 * empty-text values count as not given; a field neither expected nor extracted is not counted. Lists are aligned item
 * by item with an {@link OptimalAssignment} on the items' similarity (for records, the mean of their fields' matcher
 * similarities over the fields either side gives), so order does not matter; paired items are compared field by
 * field, unpaired expected items count every value MISSING, unpaired extracted ones every value EXTRA.
 */
public final class FieldComparison {

    private final FieldMatchers matchers;
    private final List<FieldOutcome> outcomes = new ArrayList<>();
    private final List<ListCompleteness> lists = new ArrayList<>();
    private final Map<String, ValueMatcher> matcherByField = new HashMap<>();

    private FieldComparison(FieldMatchers matchers) {
        this.matchers = matchers;
    }

    public record Result(List<FieldOutcome> outcomes, List<ListCompleteness> lists) {

        public Counts counts() {
            return outcomes.stream().map(o -> o.verdict().counts()).reduce(Counts.NONE, Counts::plus);
        }
    }

    public static Result compare(JsonNode expected, JsonNode extracted, FieldMatchers matchers) {
        FieldComparison comparison = new FieldComparison(matchers);
        comparison.value("", "", "", expected, extracted);
        return new Result(List.copyOf(comparison.outcomes), List.copyOf(comparison.lists));
    }

    /** When the class is wrong the fields answer another schema: every expected value is MISSING. */
    public static List<FieldOutcome> allMissing(JsonNode expected) {
        FieldComparison comparison = new FieldComparison(FieldMatchers.of(null));
        comparison.every("", "", expected, Verdict.MISSING);
        return List.copyOf(comparison.outcomes);
    }

    /** ... and every extracted value is EXTRA, counted against the class it was (wrongly) given. */
    public static List<FieldOutcome> allExtra(JsonNode extracted) {
        FieldComparison comparison = new FieldComparison(FieldMatchers.of(null));
        comparison.every("", "", extracted, Verdict.EXTRA);
        return List.copyOf(comparison.outcomes);
    }

    private void value(String field, String pointer, String extractedPointer, JsonNode expected, JsonNode extracted) {
        boolean hasExpected = given(expected);
        boolean hasExtracted = given(extracted);
        if (!hasExpected && !hasExtracted) {
            return;
        }
        if (isList(expected) || isList(extracted)) {
            list(field, pointer, extractedPointer, listOrEmpty(expected), listOrEmpty(extracted));
        } else if (isRecord(expected) && isRecord(extracted)) {
            Set<String> names = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            extracted.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String step = "/" + escape(name);
                value(field + step, pointer + step, extractedPointer + step, expected.path(name), extracted.path(name));
            }
        } else if (!hasExtracted) {
            every(field, pointer, expected, Verdict.MISSING);
        } else if (!hasExpected) {
            every(field, extractedPointer, extracted, Verdict.EXTRA);
        } else if (isRecord(expected) || isRecord(extracted)) {
            every(field, pointer, expected, Verdict.MISSING);
            every(field, extractedPointer, extracted, Verdict.EXTRA);
        } else {
            boolean right = matcher(field).matches(expected, extracted);
            outcomes.add(new FieldOutcome(field, pointer, extractedPointer, right ? Verdict.CORRECT : Verdict.WRONG));
        }
    }

    private void list(String field, String pointer, String extractedPointer, JsonNode expected, JsonNode extracted) {
        String itemField = field + "/*";
        double[][] score = new double[expected.size()][extracted.size()];
        for (int e = 0; e < expected.size(); e++) {
            for (int a = 0; a < extracted.size(); a++) {
                score[e][a] = similarity(itemField, expected.get(e), extracted.get(a));
            }
        }
        int[] pairing = OptimalAssignment.maximise(score);
        boolean[] paired = new boolean[extracted.size()];
        int found = 0;
        for (int e = 0; e < expected.size(); e++) {
            String itemPointer = pointer + "/" + e;
            if (pairing[e] >= 0) {
                found++;
                paired[pairing[e]] = true;
                value(itemField, itemPointer, extractedPointer + "/" + pairing[e], expected.get(e), extracted.get(pairing[e]));
            } else {
                every(itemField, itemPointer, expected.get(e), Verdict.MISSING);
            }
        }
        for (int a = 0; a < extracted.size(); a++) {
            if (!paired[a]) {
                every(itemField, extractedPointer + "/" + a, extracted.get(a), Verdict.EXTRA);
            }
        }
        lists.add(new ListCompleteness(field, expected.size(), extracted.size(), found));
    }

    /** How alike two items are; 0 pairs nothing. Records: mean similarity over the fields either side gives. */
    private double similarity(String itemField, JsonNode expected, JsonNode extracted) {
        if (!given(expected) || !given(extracted)) {
            return 0;
        }
        if (isRecord(expected) && isRecord(extracted)) {
            double sum = 0;
            int counted = 0;
            for (var members = expected.fields(); members.hasNext(); ) {
                var member = members.next();
                JsonNode a = extracted.path(member.getKey());
                if (given(member.getValue()) || given(a)) {
                    counted++;
                    sum += similarity(child(itemField, member.getKey()), member.getValue(), a);
                }
            }
            for (var members = extracted.fields(); members.hasNext(); ) {
                var member = members.next();
                if (!expected.has(member.getKey()) && given(member.getValue())) {
                    counted++;
                }
            }
            return counted == 0 ? 0 : sum / counted;
        }
        if (isList(expected) || isList(extracted) || isRecord(expected) || isRecord(extracted)) {
            return expected.equals(extracted) ? 1 : 0;
        }
        return matcher(itemField).similarity(expected, extracted);
    }

    private final Map<String, Map<String, String>> children = new HashMap<>();

    private String child(String field, String name) {
        return children.computeIfAbsent(field, f -> new HashMap<>()).computeIfAbsent(name, n -> field + "/" + escape(n));
    }

    private ValueMatcher matcher(String field) {
        return matcherByField.computeIfAbsent(field, matchers::at);
    }

    private void every(String field, String pointer, JsonNode value, Verdict verdict) {
        if (!given(value)) {
            return;
        }
        if (isList(value)) {
            for (int i = 0; i < value.size(); i++) {
                every(field + "/*", pointer + "/" + i, value.get(i), verdict);
            }
        } else if (isRecord(value)) {
            value.fields().forEachRemaining(member -> {
                String step = "/" + escape(member.getKey());
                every(field + step, pointer + step, member.getValue(), verdict);
            });
        } else {
            outcomes.add(new FieldOutcome(field, pointer, verdict));
        }
    }

    private static boolean given(JsonNode value) {
        return value != null && !value.isMissingNode() && !value.isNull()
                && !(value.isTextual() && value.asText().isBlank());
    }

    private static boolean isList(JsonNode value) {
        return value != null && value.isArray();
    }

    private static boolean isRecord(JsonNode value) {
        return value != null && value.isObject();
    }

    private static JsonNode listOrEmpty(JsonNode value) {
        return isList(value) ? value : given(value) ? singleton(value) : MissingNode.getInstance();
    }

    private static JsonNode singleton(JsonNode value) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(value);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}

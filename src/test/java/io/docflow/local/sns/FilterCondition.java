package io.docflow.local.sns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a filter policy key's array: an exact value, or an operator object ({@code prefix}, {@code suffix},
 * {@code equals-ignore-case}, {@code anything-but}, {@code numeric}, {@code exists}). It is tested against all the
 * message's values for that key (several for a {@code String.Array} or a JSON array), or null when the key is absent.
 */
final class FilterCondition {

    private static final Set<String> LOWER_BOUNDS = Set.of(">", ">=");
    private static final Set<String> UPPER_BOUNDS = Set.of("<", "<=");

    private final Predicate<List<JsonNode>> test;

    private FilterCondition(Predicate<List<JsonNode>> test) {
        this.test = test;
    }

    boolean matches(List<JsonNode> values) {
        return test.test(values);
    }

    /** @throws IllegalArgumentException with SNS's reason when {@code spec} is not a valid condition */
    static FilterCondition parse(String key, JsonNode spec) {
        if (spec.isValueNode()) {
            return anyValue(value -> same(value, spec));
        }
        if (!spec.isObject() || spec.size() != 1) {
            throw invalid(key, "Match value must be String, number, true, false, null or an object with one operator");
        }
        Map.Entry<String, JsonNode> operator = spec.fields().next();
        JsonNode operand = operator.getValue();
        return switch (operator.getKey()) {
            case "prefix" -> text(key, operator, String::startsWith);
            case "suffix" -> text(key, operator, String::endsWith);
            case "equals-ignore-case" -> text(key, operator, String::equalsIgnoreCase);
            case "anything-but" -> anythingBut(key, operand);
            case "numeric" -> numeric(key, operand);
            case "exists" -> exists(key, operand);
            default -> throw invalid(key, "Unrecognized match type " + operator.getKey());
        };
    }

    private static FilterCondition anyValue(Predicate<JsonNode> test) {
        return new FilterCondition(values -> values != null && values.stream().anyMatch(test));
    }

    private static boolean same(JsonNode value, JsonNode expected) {
        if (value.isNumber() && expected.isNumber()) {
            return value.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return value.equals(expected);
    }

    private static FilterCondition text(String key, Map.Entry<String, JsonNode> operator, BiPredicate<String, String> test) {
        if (!operator.getValue().isTextual()) {
            throw invalid(key, operator.getKey() + " match pattern must be a string");
        }
        String operand = operator.getValue().textValue();
        return anyValue(value -> value.isTextual() && test.test(value.textValue(), operand));
    }

    /** Matches a present key with a value outside the listed ones (or not starting with a prefix). */
    private static FilterCondition anythingBut(String key, JsonNode operand) {
        if (operand.isObject() && operand.size() == 1 && operand.path("prefix").isTextual()) {
            String prefix = operand.get("prefix").textValue();
            return anyValue(value -> !value.isTextual() || !value.textValue().startsWith(prefix));
        }
        List<JsonNode> excluded = new ArrayList<>();
        if (operand.isArray() && !operand.isEmpty()) {
            operand.forEach(excluded::add);
        } else {
            excluded.add(operand);
        }
        if (!excluded.stream().allMatch(value -> value.isTextual() || value.isNumber())) {
            throw invalid(key, "Inside anything but list, only strings and numbers are allowed, or a prefix object");
        }
        return anyValue(value -> excluded.stream().noneMatch(no -> same(value, no)));
    }

    /** {@code ["=", 5]} or a range of one or two bounds: {@code [">", 0, "<=", 5]}. */
    private static FilterCondition numeric(String key, JsonNode operand) {
        if (!operand.isArray() || (operand.size() != 2 && operand.size() != 4)) {
            throw invalid(key, "Value of numeric must be an array of one or two operator and number pairs");
        }
        List<Predicate<BigDecimal>> bounds = new ArrayList<>();
        for (int i = 0; i < operand.size(); i += 2) {
            String op = operand.get(i).asText();
            if (!operand.get(i + 1).isNumber()) {
                throw invalid(key, "Value of " + op + " must be numeric");
            }
            bounds.add(bound(key, op, operand.get(i + 1).decimalValue()));
        }
        if (operand.size() == 4 && (!LOWER_BOUNDS.contains(operand.get(0).asText())
                || !UPPER_BOUNDS.contains(operand.get(2).asText())
                || operand.get(1).decimalValue().compareTo(operand.get(3).decimalValue()) >= 0)) {
            throw invalid(key, "Bad numeric range: a range is a lower bound (> or >=) then a higher upper bound (< or <=)");
        }
        return anyValue(value -> value.isNumber() && bounds.stream().allMatch(b -> b.test(value.decimalValue())));
    }

    private static Predicate<BigDecimal> bound(String key, String op, BigDecimal limit) {
        return switch (op) {
            case "=" -> value -> value.compareTo(limit) == 0;
            case "<" -> value -> value.compareTo(limit) < 0;
            case "<=" -> value -> value.compareTo(limit) <= 0;
            case ">" -> value -> value.compareTo(limit) > 0;
            case ">=" -> value -> value.compareTo(limit) >= 0;
            default -> throw invalid(key, "Unrecognized numeric range operator: " + op);
        };
    }

    private static FilterCondition exists(String key, JsonNode operand) {
        if (!operand.isBoolean()) {
            throw invalid(key, "exists match pattern must be either true or false.");
        }
        boolean wanted = operand.booleanValue();
        return new FilterCondition(values -> (values != null) == wanted);
    }

    private static IllegalArgumentException invalid(String key, String reason) {
        return new IllegalArgumentException(reason + " (key \"" + key + "\")");
    }
}

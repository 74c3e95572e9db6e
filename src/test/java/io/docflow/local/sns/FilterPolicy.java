package io.docflow.local.sns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A subscription's filter policy, evaluated as SNS does: every key must match (AND), and a key matches when any of
 * its conditions matches any of the message's values for it (OR). In scope {@code MessageAttributes} the keys are
 * message attribute names; in scope {@code MessageBody} they are fields of the JSON message, nested as in the body.
 */
final class FilterPolicy {

    enum Scope {
        MessageAttributes, MessageBody;

        static Scope of(String name) {
            for (Scope scope : values()) {
                if (scope.name().equals(name)) {
                    return scope;
                }
            }
            throw new IllegalArgumentException("FilterPolicyScope must be MessageAttributes or MessageBody");
        }
    }

    /** A key's conditions, or (message body only) the rules for the object below the key. */
    private record Rule(List<FilterCondition> conditions, Map<String, Rule> nested) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scope scope;
    private final Map<String, Rule> rules;

    private FilterPolicy(Scope scope, Map<String, Rule> rules) {
        this.scope = scope;
        this.rules = rules;
    }

    /** @throws IllegalArgumentException with the reason SNS would give for rejecting {@code json} */
    static FilterPolicy parse(String json, Scope scope) {
        JsonNode policy;
        try {
            policy = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("failed to parse JSON. " + e.getOriginalMessage());
        }
        if (policy == null || !policy.isObject() || policy.isEmpty()) {
            throw new IllegalArgumentException("Filter policy must be a non-empty JSON object");
        }
        return new FilterPolicy(scope, rules(policy, scope == Scope.MessageBody));
    }

    boolean matches(Map<String, MessageAttribute> attributes, String message) {
        if (scope == Scope.MessageAttributes) {
            return rules.entrySet().stream()
                    .allMatch(rule -> anyMatch(rule.getValue(), attributeValues(attributes.get(rule.getKey()))));
        }
        JsonNode body = parseOrNull(message);
        return body != null && body.isObject() && matchesObject(rules, body);
    }

    private static Map<String, Rule> rules(JsonNode object, boolean nested) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("$or")) {
                throw new IllegalArgumentException("$or is not supported by the local SNS");
            }
            if (value.isArray() && !value.isEmpty()) {
                List<FilterCondition> conditions = new ArrayList<>();
                value.forEach(spec -> conditions.add(FilterCondition.parse(key, spec)));
                rules.put(key, new Rule(conditions, null));
            } else if (nested && value.isObject() && !value.isEmpty()) {
                rules.put(key, new Rule(null, rules(value, true)));
            } else {
                throw new IllegalArgumentException("\"" + key + "\" must be a non-empty "
                        + (nested ? "object or array" : "array"));
            }
        });
        return rules;
    }

    /** Every rule holds for {@code object}, which is {@link MissingNode} below an absent key. */
    private static boolean matchesObject(Map<String, Rule> rules, JsonNode object) {
        return rules.entrySet().stream().allMatch(entry -> {
            JsonNode field = object.path(entry.getKey());
            Rule rule = entry.getValue();
            return rule.nested() != null
                    ? matchesObject(rule.nested(), field.isObject() ? field : MissingNode.getInstance())
                    : anyMatch(rule, bodyValues(field));
        });
    }

    private static boolean anyMatch(Rule rule, List<JsonNode> values) {
        return rule.conditions() != null && rule.conditions().stream().anyMatch(condition -> condition.matches(values));
    }

    /** A String attribute is text, a Number one numeric, a String.Array one its elements; Binary ones never match. */
    private static List<JsonNode> attributeValues(MessageAttribute attribute) {
        if (attribute == null) {
            return null;
        }
        if (attribute.isArray()) {
            return bodyValues(parseOrNull(attribute.stringValue()));
        }
        return switch (attribute.baseType()) {
            case "String" -> List.of(TextNode.valueOf(attribute.stringValue()));
            case "Number" -> List.of(DecimalNode.valueOf(new BigDecimal(attribute.stringValue().trim())));
            default -> List.of();
        };
    }

    private static List<JsonNode> bodyValues(JsonNode field) {
        if (field == null || field.isMissingNode()) {
            return null;
        }
        if (field.isArray()) {
            List<JsonNode> values = new ArrayList<>();
            field.forEach(element -> {
                if (element.isValueNode()) {
                    values.add(element);
                }
            });
            return values;
        }
        return field.isValueNode() ? List.of(field) : List.of();
    }

    private static JsonNode parseOrNull(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

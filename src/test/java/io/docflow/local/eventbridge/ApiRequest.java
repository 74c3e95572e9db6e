package io.docflow.local.eventbridge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON body of one EventBridge call, with the checks AWS applies to its members before anything else. */
final class ApiRequest {

    private final JsonNode body;

    ApiRequest(JsonNode body) {
        this.body = body;
    }

    JsonNode body() {
        return body;
    }

    /** A string member, or null when absent. */
    String text(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiError.of("SerializationException", "Member " + member + " must be a string");
        }
        return node.asText();
    }

    String required(String member) {
        String value = text(member);
        if (value == null) {
            throw ApiError.validation("1 validation error detected: Value null at '" + memberName(member)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    /** A required string member that must match {@code pattern} and be at most {@code maxLength} long. */
    String required(String member, Pattern pattern, int maxLength) {
        String value = required(member);
        if (value.isEmpty() || value.length() > maxLength || !pattern.matcher(value).matches()) {
            throw ApiError.validation("1 validation error detected: Value '" + value + "' at '" + memberName(member)
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern
                    + " and have length between 1 and " + maxLength);
        }
        return value;
    }

    List<JsonNode> list(String member) {
        JsonNode node = body.get(member);
        List<JsonNode> items = new ArrayList<>();
        if (node != null && !node.isNull()) {
            if (!node.isArray()) {
                throw ApiError.of("SerializationException", "Member " + member + " must be a list");
            }
            node.forEach(items::add);
        }
        return items;
    }

    /** A list member that must hold between {@code min} and {@code max} items. */
    List<JsonNode> list(String member, int min, int max) {
        List<JsonNode> items = list(member);
        if (items.size() < min || items.size() > max) {
            throw ApiError.validation("1 validation error detected: Value at '" + memberName(member)
                    + "' failed to satisfy constraint: Member must have length between " + min + " and " + max);
        }
        return items;
    }

    /** AWS names members in validation messages in lower camel case. */
    private static String memberName(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}

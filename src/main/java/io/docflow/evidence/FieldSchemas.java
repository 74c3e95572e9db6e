package io.docflow.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** What a class schema says about the value at a pointer: its subschema, how to match it, how to read its dates. */
final class FieldSchemas {

    static final String MATCH = "x-docflow-match";
    static final String DATE_ORDER = "x-docflow-date-order";

    private final String source;
    private final JsonNode root;

    FieldSchemas(String source, JsonNode root) {
        this.source = source;
        this.root = root == null ? MissingNode.getInstance() : root;
        checkKeywords(this.root, "");
    }

    String source() {
        return source;
    }

    /** The subschema of the value at {@code pointer}; an index or {@code *} steps into {@code items}. */
    JsonNode at(String pointer) {
        JsonNode node = root;
        for (String segment : Pointers.segments(pointer)) {
            if (node.path("properties").has(segment)) {
                node = node.path("properties").path(segment);
            } else if ((Pointers.isIndex(segment) || Pointers.ANY_ITEM.equals(segment)) && node.has("items")) {
                node = node.path("items");
            } else {
                return MissingNode.getInstance();
            }
        }
        return node;
    }

    boolean describes(String pointer) {
        return !at(pointer).isMissingNode();
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        for (JsonNode candidate : type) {
            if (!"null".equals(candidate.asText())) {
                return candidate.asText();
            }
        }
        return null;
    }

    MatchKind matchKind(String pointer, JsonNode value) {
        JsonNode schema = at(pointer);
        if (schema.has(MATCH)) {
            return MatchKind.fromKeyword(schema.path(MATCH).asText()).orElseThrow();
        }
        String type = type(schema);
        if (type == null) {
            type = value.isNumber() ? "number" : value.isBoolean() ? "boolean" : "string";
        }
        return switch (type) {
            case "number", "integer" -> MatchKind.NUMBER;
            case "boolean" -> MatchKind.QUOTE;
            default -> "date".equals(schema.path("format").asText()) ? MatchKind.DATE : MatchKind.TEXT;
        };
    }

    /** The property's own {@code x-docflow-date-order}, else the schema's, else either way. */
    DateOrder dateOrder(String pointer) {
        JsonNode declared = at(pointer).path(DATE_ORDER);
        if (declared.isMissingNode()) {
            declared = root.path(DATE_ORDER);
        }
        return declared.isMissingNode() ? DateOrder.EITHER : DateOrder.fromKeyword(declared.asText()).orElseThrow();
    }

    private void checkKeywords(JsonNode schema, String at) {
        JsonNode match = schema.path(MATCH);
        if (!match.isMissingNode() && MatchKind.fromKeyword(match.asText()).isEmpty()) {
            throw new ReviewConfigurationException(source + ": " + MATCH + " of " + where(at) + " must be one of "
                    + MatchKind.keywords() + "; got " + match);
        }
        JsonNode order = schema.path(DATE_ORDER);
        if (!order.isMissingNode() && DateOrder.fromKeyword(order.asText()).isEmpty()) {
            throw new ReviewConfigurationException(source + ": " + DATE_ORDER + " of " + where(at)
                    + " must be day-first, month-first or either; got " + order);
        }
        schema.path("properties").fields().forEachRemaining(
                property -> checkKeywords(property.getValue(), Pointers.child(at, property.getKey())));
        if (schema.path("items").isObject()) {
            checkKeywords(schema.path("items"), at + "/" + Pointers.ANY_ITEM);
        }
    }

    private static String where(String pointer) {
        return pointer.isEmpty() ? "the schema" : pointer;
    }
}

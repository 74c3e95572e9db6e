package io.docflow.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The matcher for each field of a class, chosen by its schema (docs/evaluation.md, "Matchers"):
 * {@code x-docflow-evaluate} when a property names one; else {@code x-docflow-match} currency → normalised,
 * alphanumeric → alphanumeric, quote → fuzzy (values the model words itself); else by type: number and integer →
 * number with tolerance, boolean → exact, string with {@code format: date} → date, other strings → normalised.
 * A field the schema does not describe is compared exactly.
 */
public final class FieldMatchers {

    public static final String EVALUATE = "x-docflow-evaluate";

    private final JsonNode schema;

    private FieldMatchers(JsonNode schema) {
        this.schema = schema == null ? MissingNode.getInstance() : schema;
    }

    public static FieldMatchers of(JsonNode classSchema) {
        return new FieldMatchers(classSchema);
    }

    /** {@code field} is a pointer whose list indices are {@code *}, e.g. {@code /lineItems/*}{@code /amount}. */
    public ValueMatcher at(String field) {
        JsonNode property = subschema(field);
        if (property.isMissingNode()) {
            return new ExactMatcher();
        }
        if (property.has(EVALUATE)) {
            return named(property.path(EVALUATE).asText(), field);
        }
        switch (property.path("x-docflow-match").asText()) {
            case "currency":
                return NormalisedTextMatcher.normalised();
            case "alphanumeric":
                return NormalisedTextMatcher.alphanumeric();
            case "quote":
                return "boolean".equals(type(property)) ? new ExactMatcher() : new FuzzyTextMatcher();
            default:
                break;
        }
        String type = type(property);
        if ("number".equals(type) || "integer".equals(type)) {
            return new NumberMatcher();
        }
        if ("string".equals(type)) {
            return "date".equals(property.path("format").asText()) ? new DateMatcher() : NormalisedTextMatcher.normalised();
        }
        return new ExactMatcher();
    }

    private static ValueMatcher named(String name, String field) {
        return switch (name) {
            case "exact" -> new ExactMatcher();
            case "number" -> new NumberMatcher();
            case "date" -> new DateMatcher();
            case "normalised" -> NormalisedTextMatcher.normalised();
            case "alphanumeric" -> NormalisedTextMatcher.alphanumeric();
            case "fuzzy" -> new FuzzyTextMatcher();
            default -> throw new IllegalArgumentException(EVALUATE + " of " + field
                    + " must be exact, number, date, normalised, alphanumeric or fuzzy; got " + name);
        };
    }

    JsonNode subschema(String field) {
        JsonNode node = schema;
        for (String segment : field.substring(field.startsWith("/") ? 1 : 0).split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (node.path("properties").has(name)) {
                node = node.path("properties").path(name);
            } else if ("*".equals(segment) && node.has("items")) {
                node = node.path("items");
            } else {
                return MissingNode.getInstance();
            }
        }
        return node;
    }

    private static String type(JsonNode schema) {
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
}

package io.docflow.evidence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The confidences below which a document goes to review, from the class schema's {@code x-docflow-review}:
 * {@code {"document": 0.8, "field": 0.5, "fields": {"total": 0.95, "/lineItems/*}{@code /amount": 0.7}}}. A key of
 * {@code fields} is a property name or a pointer ({@code *} for any item) and covers the values at or under it; the
 * most specific key wins. Anything not declared takes the defaults, {@value #DEFAULT_DOCUMENT} for the document and
 * {@value #DEFAULT_FIELD} for a field.
 */
final class ReviewThresholds {

    static final String KEYWORD = "x-docflow-review";
    static final double DEFAULT_DOCUMENT = 0.7;
    static final double DEFAULT_FIELD = 0.5;

    private final double document;
    private final double field;
    private final Map<List<String>, Double> fields;

    private ReviewThresholds(double document, double field, Map<List<String>, Double> fields) {
        this.document = document;
        this.field = field;
        this.fields = fields;
    }

    static ReviewThresholds parse(String source, JsonNode schema, FieldSchemas schemas) {
        JsonNode declared = schema == null ? null : schema.get(KEYWORD);
        if (declared == null || declared.isNull()) {
            return new ReviewThresholds(DEFAULT_DOCUMENT, DEFAULT_FIELD, Map.of());
        }
        if (!declared.isObject()) {
            throw error(source, "must be an object such as {\"document\": 0.8, \"fields\": {\"total\": 0.95}}");
        }
        declared.fieldNames().forEachRemaining(name -> {
            if (!Set.of("document", "field", "fields").contains(name)) {
                throw error(source, "unknown member '" + name + "'; known: document, field, fields");
            }
        });
        Map<List<String>, Double> overrides = new LinkedHashMap<>();
        JsonNode perField = declared.path("fields");
        if (!perField.isMissingNode() && !perField.isObject()) {
            throw error(source, "'fields' must map field names or pointers to thresholds");
        }
        perField.fields().forEachRemaining(entry -> {
            String pointer = entry.getKey().startsWith("/") ? entry.getKey() : "/" + entry.getKey();
            if (!schemas.describes(pointer)) {
                throw error(source, "'fields' names " + entry.getKey() + ", which the schema does not describe");
            }
            overrides.put(Pointers.segments(pointer), threshold(source, "fields." + entry.getKey(), entry.getValue()));
        });
        return new ReviewThresholds(
                declared.has("document") ? threshold(source, "document", declared.get("document")) : DEFAULT_DOCUMENT,
                declared.has("field") ? threshold(source, "field", declared.get("field")) : DEFAULT_FIELD,
                overrides);
    }

    double document() {
        return document;
    }

    /** The threshold of the value at {@code pointer}: the most specific key covering it, else the field default. */
    double field(String pointer) {
        List<String> segments = Pointers.segments(pointer);
        double chosen = field;
        int specificity = -1;
        for (Map.Entry<List<String>, Double> override : fields.entrySet()) {
            List<String> key = override.getKey();
            if (covers(key, segments) && key.size() > specificity) {
                chosen = override.getValue();
                specificity = key.size();
            }
        }
        return chosen;
    }

    private static boolean covers(List<String> key, List<String> segments) {
        if (key.size() > segments.size()) {
            return false;
        }
        for (int i = 0; i < key.size(); i++) {
            if (!key.get(i).equals(segments.get(i)) && !(Pointers.ANY_ITEM.equals(key.get(i)) && Pointers.isIndex(segments.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static double threshold(String source, String name, JsonNode value) {
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
            throw error(source, "'" + name + "' must be a number from 0 to 1, got " + value);
        }
        return value.asDouble();
    }

    private static ReviewConfigurationException error(String source, String problem) {
        return new ReviewConfigurationException(source + ": " + KEYWORD + ": " + problem);
    }
}

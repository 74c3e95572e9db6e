package io.docflow.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one configuration made of one document, read from its result document (resultVersion 2) or, for a job that
 * ended without one, from its status alone. {@code documentClass} is null when the job never got a class.
 */
public record ObservedResult(String status, String reason, String documentClass, ObjectNode fields,
                             List<ValueConfidence> values, boolean needsReview, Usage usage, long processingMillis) {

    /** One extracted value's confidence and whether its quote was found in the text. */
    public record ValueConfidence(String pointer, double confidence, boolean grounded) {
    }

    /** Model calls and tokens of one document; {@code costUsd} is null when a model used has no price. */
    public record Usage(int modelCalls, long inputTokens, long outputTokens, BigDecimal costUsd) {

        public static final Usage NONE = new Usage(0, 0, 0, BigDecimal.ZERO);
    }

    public ObservedResult {
        fields = fields == null ? JsonNodeFactory.instance.objectNode() : fields;
        values = List.copyOf(values);
        usage = usage == null ? Usage.NONE : usage;
    }

    /** A job that ended with {@code status} and no result to read (or whose result could not be fetched). */
    public static ObservedResult withoutResult(String status, String reason, long processingMillis) {
        return new ObservedResult(status, reason, null, null, List.of(), false, Usage.NONE, processingMillis);
    }

    /** Reads a result document as the pipeline writes it (docs/architecture.md, "The result document"). */
    public static ObservedResult fromResult(JsonNode result) {
        String documentClass = text(result.path("classification").path("documentClass"));
        JsonNode fields = result.path("fields");
        List<ValueConfidence> values = new ArrayList<>();
        for (JsonNode entry : result.path("review").path("evidence")) {
            if (entry.hasNonNull("field") && entry.has("confidence")) {
                values.add(new ValueConfidence(entry.get("field").asText(), entry.get("confidence").asDouble(),
                        entry.path("grounded").asBoolean(false)));
            }
        }
        JsonNode costNode = result.path("costEstimateUsd");
        Usage usage = new Usage(result.path("models").path("calls").size(),
                result.path("usage").path("inputTokens").asLong(), result.path("usage").path("outputTokens").asLong(),
                costNode.isNumber() ? costNode.decimalValue() : null);
        return new ObservedResult(result.path("status").asText("UNKNOWN"), text(result.path("reason")), documentClass,
                fields.isObject() ? (ObjectNode) fields : null, values,
                result.path("review").path("needsReview").asBoolean(false)
                        || "NEEDS_REVIEW".equals(result.path("status").asText()),
                usage, result.path("timings").path("totalMillis").asLong());
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}

package io.docflow.local.bedrock;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Spoils a model reply the way real models sometimes do, for the output faults. */
final class MalformedOutput {

    static final String REFUSAL = "Sorry, I cannot help with that.";
    private static final List<String> CLASSIFICATION_FIELDS = List.of("documentClass", "confidence");

    private MalformedOutput() {
    }

    static String apply(Fault fault, String reply, String prompt) {
        return switch (fault) {
            case NON_JSON -> REFUSAL;
            case TRUNCATED_JSON -> reply.substring(0, Math.max(1, reply.length() / 2));
            case MISSING_FIELDS -> withoutRequiredFields(reply, prompt);
            default -> reply;
        };
    }

    /** The reply without the schema's required properties (or a classification's class and confidence). */
    private static String withoutRequiredFields(String reply, String prompt) {
        ObjectNode object;
        try {
            JsonNode node = Json.MAPPER.readTree(reply);
            if (node == null || !node.isObject()) {
                return "{}";
            }
            object = (ObjectNode) node;
        } catch (JsonProcessingException e) {
            return "{}";
        }
        List<String> required = DocumentModel.requiredProperties(prompt);
        int before = object.size();
        object.remove(required.isEmpty() ? CLASSIFICATION_FIELDS : required);
        return object.size() == before ? "{}" : object.toString();
    }
}

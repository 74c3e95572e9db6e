package io.docflow.local.bedrock;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
            case INVENTED_VALUE -> PromptTags.first(prompt, "schema").flatMap(MalformedOutput::object)
                    .flatMap(schema -> object(reply).map(fields -> {
                        invent(fields, schema, null);
                        return fields.toString();
                    }))
                    .orElse(reply);
            default -> reply;
        };
    }

    /**
     * A tool-use answer spoiled: a refusal in text instead of the tool call; the call cut off by the token limit (an
     * empty input); fields without the required properties of the tool's fields schema (or a classification without
     * its class and confidence), their evidence gone too; one value invented, with a made-up quote.
     */
    static Answer apply(Fault fault, Answer answer, ToolConfig tools) {
        if (answer.toolCall() == null) {
            return answer;
        }
        ObjectNode input = answer.toolCall().input().deepCopy();
        JsonNode fieldsSchema = DocumentModel.fieldsSchema(tools.chosen());
        return switch (fault) {
            case NON_JSON -> Answer.text(REFUSAL);
            case TRUNCATED_JSON -> new Answer("", new CallOutcome.ToolCall(answer.toolCall().name(),
                    Json.MAPPER.createObjectNode()), "max_tokens");
            case MISSING_FIELDS -> Answer.tool(answer.toolCall().name(), withoutRequired(input, fieldsSchema));
            case INVENTED_VALUE -> {
                if (fieldsSchema != null && input.path("fields").isObject()) {
                    invent((ObjectNode) input.get("fields"), fieldsSchema, input.withArrayProperty("evidence"));
                }
                yield Answer.tool(answer.toolCall().name(), input);
            }
            default -> answer;
        };
    }

    private static ObjectNode withoutRequired(ObjectNode input, JsonNode fieldsSchema) {
        if (fieldsSchema == null || !input.path("fields").isObject()) {
            input.remove(CLASSIFICATION_FIELDS);
            return input;
        }
        ObjectNode fields = (ObjectNode) input.get("fields");
        List<String> required = Json.MAPPER.convertValue(fieldsSchema.path("required"),
                Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
        int before = fields.size();
        fields.remove(required == null ? List.of() : required);
        if (fields.size() == before) {
            fields.removeAll();
        }
        ArrayNode evidence = input.withArrayProperty("evidence");
        for (int i = evidence.size() - 1; i >= 0; i--) {
            String pointer = evidence.get(i).path("field").asText();
            if (!fields.has(pointer.replaceFirst("^/", "").split("/", 2)[0])) {
                evidence.remove(i);
            }
        }
        return input;
    }

    /**
     * Sets the first plain string property of the schema (no enum, format or pattern) to
     * {@link Fault#INVENTED_VALUE_TEXT}, which no document states, with {@link Fault#INVENTED_QUOTE} as its only
     * evidence.
     */
    private static void invent(ObjectNode fields, JsonNode schema, ArrayNode evidence) {
        Optional<String> property = plainStringProperty(schema);
        if (property.isEmpty()) {
            return;
        }
        String name = property.get();
        fields.put(name, Fault.INVENTED_VALUE_TEXT);
        if (evidence != null) {
            String pointer = "/" + name;
            for (int i = evidence.size() - 1; i >= 0; i--) {
                if (pointer.equals(evidence.get(i).path("field").asText())) {
                    evidence.remove(i);
                }
            }
            evidence.addObject().put("field", pointer).put("quote", Fault.INVENTED_QUOTE)
                    .put("confidence", FieldExtractor.CONFIDENCE);
        }
    }

    private static Optional<String> plainStringProperty(JsonNode schema) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode p = property.getValue();
            if ("string".equals(SchemaTypes.type(p)) && !p.has("enum") && !p.has("format") && !p.has("pattern")) {
                return Optional.of(property.getKey());
            }
        }
        return Optional.empty();
    }

    /** The reply without the schema's required properties (or a classification's class and confidence). */
    private static String withoutRequiredFields(String reply, String prompt) {
        Optional<ObjectNode> parsed = object(reply);
        if (parsed.isEmpty()) {
            return "{}";
        }
        ObjectNode object = parsed.get();
        List<String> required = DocumentModel.requiredProperties(prompt);
        int before = object.size();
        object.remove(required.isEmpty() ? CLASSIFICATION_FIELDS : required);
        return object.size() == before ? "{}" : object.toString();
    }

    private static Optional<ObjectNode> object(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json.strip());
            return node != null && node.isObject() ? Optional.of((ObjectNode) node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}

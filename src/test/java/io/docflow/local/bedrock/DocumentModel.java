package io.docflow.local.bedrock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The local Bedrock's deterministic "model". It follows docflow's prompt contract: the last user message carries
 * {@code <task>classify|extract|repair</task>}, the {@code <classes>} or {@code <schema>} to use, and the text in
 * {@code <document>}; the reply is the JSON answer alone. Other prompts get a short fixed reply.
 * <p>
 * Asked with tools, it calls the forced tool (else the first) with the answer as the tool's input: for a
 * classification the class, confidence and reason; for an extraction or repair, when the tool's schema has
 * {@code fields}, the fields filled from that schema and an {@code evidence} entry per value quoting its line
 * (otherwise the tool's schema is the fields' schema, without evidence).
 */
public final class DocumentModel {

    static final String HELP = "This is the local test model. It answers prompts tagged "
            + "<task>classify</task>, <task>extract</task> or <task>repair</task>.";
    static final String UNREADABLE_SCHEMA = "I could not read the JSON Schema in the <schema> block.";
    private static final List<KeywordClassifier.DocumentClass> DEFAULT_CLASSES = KeywordClassifier.parseClasses("""
            invoice
            receipt
            contract
            resume
            letter
            bank-statement
            form
            report
            other""");

    private final KeywordClassifier classifier = new KeywordClassifier();
    private final FieldExtractor extractor = new FieldExtractor();

    /** The reply text to a prompt (the last user message). */
    public String reply(String prompt) {
        String task = PromptTags.first(prompt, "task").map(t -> t.strip().toLowerCase(Locale.ROOT)).orElse("");
        return switch (task) {
            case "classify" -> classify(prompt);
            // a repair is the extraction done again: the local model has nothing better to offer the second time
            case "extract", "repair" -> extract(prompt);
            default -> HELP;
        };
    }

    /** The answer to a prompt asked with {@code tools}: a call of the chosen tool. */
    Answer toolAnswer(String prompt, ToolConfig tools) {
        ToolConfig.Tool tool = tools.chosen();
        String task = PromptTags.first(prompt, "task").map(t -> t.strip().toLowerCase(Locale.ROOT)).orElse("");
        ObjectNode input = switch (task) {
            case "classify" -> classification(prompt, classesOf(tool));
            case "extract", "repair" -> fieldsInput(tool, document(prompt));
            default -> Json.MAPPER.createObjectNode();
        };
        return Answer.tool(tool.name(), input);
    }

    /** The schema of a tool's {@code fields}, or null when the tool's schema is not of that shape. */
    static JsonNode fieldsSchema(ToolConfig.Tool tool) {
        JsonNode fields = tool.inputSchema().path("properties").path("fields");
        return fields.isObject() ? fields : null;
    }

    private ObjectNode fieldsInput(ToolConfig.Tool tool, String document) {
        JsonNode fieldsSchema = fieldsSchema(tool);
        if (fieldsSchema == null) {
            return extractor.extract(tool.inputSchema(), document);
        }
        FieldExtractor.Extraction extraction = extractor.extractWithEvidence(fieldsSchema, document);
        ObjectNode input = Json.MAPPER.createObjectNode();
        input.set("fields", extraction.fields());
        input.set("evidence", extraction.evidenceJson());
        return input;
    }

    /** The classes a classification tool offers as the enum of its documentClass, for a prompt listing none. */
    private static List<KeywordClassifier.DocumentClass> classesOf(ToolConfig.Tool tool) {
        List<KeywordClassifier.DocumentClass> classes = new ArrayList<>();
        tool.inputSchema().path("properties").path("documentClass").path("enum")
                .forEach(name -> classes.add(new KeywordClassifier.DocumentClass(name.asText(), "")));
        return classes;
    }

    private String classify(String prompt) {
        return classification(prompt, List.of()).toString();
    }

    private ObjectNode classification(String prompt, List<KeywordClassifier.DocumentClass> offered) {
        List<KeywordClassifier.DocumentClass> classes = PromptTags.first(prompt, "classes")
                .map(KeywordClassifier::parseClasses)
                .filter(list -> !list.isEmpty())
                .orElse(offered.isEmpty() ? DEFAULT_CLASSES : offered);
        KeywordClassifier.Classification c = classifier.classify(classes, document(prompt));
        return Json.MAPPER.createObjectNode()
                .put("documentClass", c.documentClass())
                .put("confidence", c.confidence())
                .put("reason", c.reason());
    }

    private String extract(String prompt) {
        Optional<JsonNode> schema = PromptTags.first(prompt, "schema").flatMap(DocumentModel::parse);
        return schema.map(s -> extractor.extract(s, document(prompt)).toString()).orElse(UNREADABLE_SCHEMA);
    }

    private static String document(String prompt) {
        return PromptTags.outer(prompt, "document").orElse("");
    }

    /** Required property names of the prompt's schema, for the output fault that drops them. */
    static List<String> requiredProperties(String prompt) {
        return PromptTags.first(prompt, "schema").flatMap(DocumentModel::parse)
                .map(schema -> {
                    List<String> names = new ArrayList<>();
                    schema.path("required").forEach(n -> names.add(n.asText()));
                    return names;
                })
                .orElse(List.of());
    }

    private static Optional<JsonNode> parse(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json.strip());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}

package io.docflow.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * The tools docflow forces in tool-use requests. Classification: the class as an enum of the catalog's names, with
 * confidence and reason. Extraction and repair: {@code fields} (the class's JSON Schema as Bedrock takes it) and
 * {@code evidence}, one entry per leaf value, the shape shared with grounding (docs/architecture.md, "Model calls").
 */
@Component("modelTools")
public class ModelTools {

    public static final String CLASSIFICATION_TOOL = "record_classification";
    public static final String FIELDS_TOOL = "record_fields";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ModelTool classification;
    private final Map<String, ModelTool> extraction = new ConcurrentHashMap<>();

    public ModelTools(DocumentClassCatalog catalog) {
        this.classification = classificationTool(catalog);
    }

    public ModelTool classification() {
        return classification;
    }

    public ModelTool extraction(DocumentClass documentClass) {
        return extraction.computeIfAbsent(documentClass.name() + "@" + documentClass.version(),
                key -> extractionTool(documentClass));
    }

    private static ModelTool classificationTool(DocumentClassCatalog catalog) {
        ObjectNode schema = object();
        schema.putArray("required").add("documentClass").add("confidence").add("reason");
        ObjectNode properties = schema.putObject("properties");
        ObjectNode documentClass = properties.putObject("documentClass").put("type", "string")
                .put("description", "The one class from the list the document belongs to; other if none fits");
        ArrayNode names = documentClass.putArray("enum");
        catalog.all().forEach(c -> names.add(c.name()));
        properties.putObject("confidence").put("type", "number").put("minimum", 0).put("maximum", 1)
                .put("description", "How sure the classification is, from 0 to 1");
        properties.putObject("reason").put("type", "string")
                .put("description", "One short sentence naming the evidence");
        return new ModelTool(CLASSIFICATION_TOOL, "Records which class of document this is.", schema);
    }

    private static ModelTool extractionTool(DocumentClass documentClass) {
        ObjectNode schema = object();
        schema.putArray("required").add("fields").add("evidence");
        ObjectNode properties = schema.putObject("properties");
        properties.set("fields", forBedrock(documentClass.schema()));
        ObjectNode evidence = properties.putObject("evidence").put("type", "array")
                .put("description",
                        "One entry per value recorded in fields, including each property of each list item");
        ObjectNode entry = evidence.putObject("items").put("type", "object");
        entry.putArray("required").add("field").add("quote");
        ObjectNode entryProperties = entry.putObject("properties");
        entryProperties.putObject("field").put("type", "string")
                .put("description", "JSON Pointer into fields, e.g. /lineItems/2/amount");
        entryProperties.putObject("quote").put("type", "string")
                .put("description", "the exact text of the document the value was read from");
        entryProperties.putObject("page").put("type", "integer");
        entryProperties.putObject("confidence").put("type", "number").put("minimum", 0).put("maximum", 1);
        return new ModelTool(FIELDS_TOOL, "Records the fields of a document of class " + documentClass.name()
                + " with the evidence for each value.", schema);
    }

    /**
     * The class's schema without what is not JSON Schema for the model: docflow's own {@code x-docflow-*}
     * annotations, anywhere, and the root's {@code $schema} and {@code $id} (Bedrock refuses them in a tool's schema).
     */
    static ObjectNode forBedrock(JsonNode classSchema) {
        ObjectNode schema = (ObjectNode) withoutAnnotations(classSchema);
        schema.remove("$schema");
        schema.remove("$id");
        return schema;
    }

    private static JsonNode withoutAnnotations(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().startsWith("x-docflow-")) {
                    copy.set(field.getKey(), withoutAnnotations(field.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(item -> copy.add(withoutAnnotations(item)));
            return copy;
        }
        return node;
    }

    private static ObjectNode object() {
        return NODES.objectNode().put("type", "object");
    }
}

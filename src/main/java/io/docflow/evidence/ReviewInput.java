package io.docflow.evidence;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * What {@link FieldReview} reviews: the document's stored text and page starts ({@code ExtractedDocument.text()} and
 * {@code pageStarts()}), the extraction tool's answer ({@code fields} and {@code evidence}), what the schema
 * validator said about the fields, whether the answer needed a repair, and optionally the chunks' ranges of the text.
 *
 * @param evidence the model's list of {@code {"field": "/total", "quote": "...", "page": 2, "confidence": 0.8}}
 * @param schemaErrors {@code SchemaValidator.errors(...)} for the fields ({@code "$.total: string found, number expected"})
 */
public record ReviewInput(String text, List<Integer> pageStarts, JsonNode fields, JsonNode evidence,
        List<String> schemaErrors, boolean repaired, List<TextRange> chunks) {

    public ReviewInput {
        text = text == null ? "" : text;
        pageStarts = pageStarts == null ? List.of() : List.copyOf(pageStarts);
        fields = fields == null ? JsonNodeFactory.instance.objectNode() : fields;
        evidence = evidence == null ? JsonNodeFactory.instance.arrayNode() : evidence;
        schemaErrors = schemaErrors == null ? List.of() : List.copyOf(schemaErrors);
        chunks = chunks == null ? List.of() : List.copyOf(chunks);
    }

    /** Valid, not repaired, chunks not reported; see the {@code with} methods. */
    public static ReviewInput of(String text, List<Integer> pageStarts, JsonNode fields, JsonNode evidence) {
        return new ReviewInput(text, pageStarts, fields, evidence, List.of(), false, List.of());
    }

    public ReviewInput withSchemaErrors(List<String> errors) {
        return new ReviewInput(text, pageStarts, fields, evidence, errors, repaired, chunks);
    }

    public ReviewInput withRepaired(boolean wasRepaired) {
        return new ReviewInput(text, pageStarts, fields, evidence, schemaErrors, wasRepaired, chunks);
    }

    public ReviewInput withChunks(List<TextRange> ranges) {
        return new ReviewInput(text, pageStarts, fields, evidence, schemaErrors, repaired, ranges);
    }
}

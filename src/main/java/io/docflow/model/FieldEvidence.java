package io.docflow.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the model says it read one value: {@code field} is a JSON Pointer into the fields (e.g.
 * {@code /lineItems/2/amount}), {@code quote} the document's text it copied. Kept as the model gave it, for grounding;
 * {@code page} and {@code confidence} are null when not given.
 */
public record FieldEvidence(String field, String quote, Integer page, Double confidence) {

    /** The same evidence for the value at {@code pointer} (after a merge moved it). */
    public FieldEvidence at(String pointer) {
        return new FieldEvidence(pointer, quote, page, confidence);
    }

    /** The entries of a tool input's {@code evidence} array; an entry without a textual {@code field} says nothing. */
    static List<FieldEvidence> listOf(JsonNode evidence) {
        List<FieldEvidence> entries = new ArrayList<>();
        for (JsonNode entry : evidence) {
            JsonNode field = entry.path("field");
            if (!field.isTextual()) {
                continue;
            }
            JsonNode quote = entry.path("quote");
            JsonNode page = entry.path("page");
            JsonNode confidence = entry.path("confidence");
            entries.add(new FieldEvidence(field.asText(), quote.isTextual() ? quote.asText() : null,
                    page.canConvertToInt() && page.isIntegralNumber() ? page.asInt() : null,
                    confidence.isNumber() ? confidence.asDouble() : null));
        }
        return List.copyOf(entries);
    }
}

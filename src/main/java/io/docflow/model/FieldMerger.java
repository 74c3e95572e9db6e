package io.docflow.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * Merges the fields extracted from each chunk of a long document into one object, in chunk order
 * (docs/document-classes.md, "How chunk results merge"):
 * <ul>
 *   <li>a scalar keeps the first non-null value found (documents state their header facts early);</li>
 *   <li>arrays are concatenated, dropping exact duplicates (chunks overlap, so the same line item can be seen twice);</li>
 *   <li>objects merge field by field with the same rules.</li>
 * </ul>
 */
@Component("fieldMerger")
public class FieldMerger {

    public ObjectNode merge(List<JsonNode> partials) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        for (JsonNode partial : partials) {
            if (partial != null && partial.isObject()) {
                mergeInto(merged, (ObjectNode) partial);
            }
        }
        return merged;
    }

    private static void mergeInto(ObjectNode target, ObjectNode source) {
        source.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            JsonNode incoming = field.getValue();
            if (incoming == null || incoming.isNull()) {
                return;
            }
            if (existing == null || existing.isNull()) {
                target.set(field.getKey(), incoming.deepCopy());
            } else if (existing.isArray() && incoming.isArray()) {
                appendDistinct((ArrayNode) existing, (ArrayNode) incoming);
            } else if (existing.isObject() && incoming.isObject()) {
                mergeInto((ObjectNode) existing, (ObjectNode) incoming);
            }
        });
    }

    private static void appendDistinct(ArrayNode target, ArrayNode source) {
        Set<JsonNode> seen = new HashSet<>();
        target.forEach(seen::add);
        source.forEach(item -> {
            if (seen.add(item)) {
                target.add(item.deepCopy());
            }
        });
    }
}

package io.docflow.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.evidence.EvidenceClaim;
import org.springframework.stereotype.Component;

/**
 * Merges the fields extracted from each chunk of a long document into one object, in chunk order
 * (docs/document-classes.md, "How chunk results merge"):
 * <ul>
 *   <li>a scalar keeps the first non-null value found (documents state their header facts early);</li>
 *   <li>arrays are concatenated, dropping exact duplicates (chunks overlap, so the same line item can be seen twice);</li>
 *   <li>objects merge field by field with the same rules.</li>
 * </ul>
 * Evidence follows its value: a kept value's evidence has its pointer re-based to where the value now is (chunk 2's
 * {@code /lineItems/0} appended after five items is {@code /lineItems/5}); evidence of a value the merge did not keep
 * (a later scalar, a duplicate item) or pointing at no value goes with it.
 */
@Component("fieldMerger")
public class FieldMerger {

    public ObjectNode merge(List<JsonNode> partials) {
        List<ExtractedFields> answers = new ArrayList<>();
        for (JsonNode partial : partials) {
            if (partial != null && partial.isObject()) {
                answers.add(new ExtractedFields((ObjectNode) partial, List.of()));
            }
        }
        return mergeAnswers(answers).fields();
    }

    public ExtractedFields mergeAnswers(List<ExtractedFields> answers) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        List<EvidenceClaim> evidence = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ExtractedFields answer : answers) {
            if (answer == null || answer.fields() == null) {
                continue;
            }
            Map<String, String> kept = new HashMap<>();
            mergeInto(merged, answer.fields(), "", "", kept);
            answer.evidence().forEach(e -> rebased(e, kept).ifPresent(evidence::add));
            problems.addAll(answer.evidenceProblems());
        }
        return new ExtractedFields(merged, evidence, problems);
    }

    /** Merges {@code source} into {@code target}, noting in {@code kept} each source pointer whose value was kept. */
    private static void mergeInto(ObjectNode target, ObjectNode source, String targetPath, String sourcePath,
                                  Map<String, String> kept) {
        source.fields().forEachRemaining(field -> {
            String segment = "/" + escape(field.getKey());
            JsonNode existing = target.get(field.getKey());
            JsonNode incoming = field.getValue();
            if (incoming == null || incoming.isNull()) {
                return;
            }
            if (existing == null || existing.isNull()) {
                target.set(field.getKey(), incoming.deepCopy());
                kept.put(sourcePath + segment, targetPath + segment);
            } else if (existing.isArray() && incoming.isArray()) {
                appendDistinct((ArrayNode) existing, (ArrayNode) incoming, targetPath + segment,
                        sourcePath + segment, kept);
            } else if (existing.isObject() && incoming.isObject()) {
                mergeInto((ObjectNode) existing, (ObjectNode) incoming, targetPath + segment,
                        sourcePath + segment, kept);
            }
        });
    }

    private static void appendDistinct(ArrayNode target, ArrayNode source, String targetPath, String sourcePath,
                                       Map<String, String> kept) {
        Set<JsonNode> seen = new HashSet<>();
        target.forEach(seen::add);
        for (int i = 0; i < source.size(); i++) {
            JsonNode item = source.get(i);
            if (seen.add(item)) {
                kept.put(sourcePath + "/" + i, targetPath + "/" + target.size());
                target.add(item.deepCopy());
            }
        }
    }

    /** The evidence moved to where its value went, or nothing when its value was not kept. */
    private static Optional<EvidenceClaim> rebased(EvidenceClaim evidence, Map<String, String> kept) {
        String pointer = evidence.field();
        for (String prefix = pointer; !prefix.isEmpty(); prefix = parent(prefix)) {
            String target = kept.get(prefix);
            if (target != null) {
                return Optional.of(evidence.at(target + pointer.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }

    private static String parent(String pointer) {
        return pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
    }

    /** A JSON Pointer reference token (RFC 6901): {@code ~} and {@code /} escaped. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}

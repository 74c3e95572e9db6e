package io.docflow.jobs;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.docflow.model.ExtractedFields;

/**
 * The extract-fields stage's answer per chunk: the fields it found with the evidence the model gave for them (tool
 * use), or why its answer was unreadable. The chunks are extracted in parallel, so it is synchronized.
 */
public final class ChunkAnswers {

    private final Map<Integer, ExtractedFields> answers = Collections.synchronizedMap(new TreeMap<>());
    private final Map<Integer, String> unreadable = Collections.synchronizedMap(new TreeMap<>());

    public void answered(int chunk, ExtractedFields answer) {
        answers.put(chunk, answer);
    }

    public void unreadable(int chunk, String why) {
        unreadable.put(chunk, why);
    }

    /** The answers per chunk, fields with their evidence, in chunk order. */
    public List<ExtractedFields> inOrder() {
        synchronized (answers) {
            return List.copyOf(answers.values());
        }
    }

    /** The fields found per chunk, in chunk order. */
    public List<JsonNode> fieldsInOrder() {
        return inOrder().stream().<JsonNode>map(ExtractedFields::fields).toList();
    }

    /** Why each unreadable answer could not be read, by chunk index, in chunk order. */
    public Map<Integer, String> unreadable() {
        synchronized (unreadable) {
            return Collections.unmodifiableMap(new TreeMap<>(unreadable));
        }
    }

    /** Why the first chunk's answer was unreadable when no chunk's was readable; null when some chunk's was. */
    public String noneReadable() {
        Map<Integer, String> errors = unreadable();
        return errors.isEmpty() || !inOrder().isEmpty() ? null : errors.values().iterator().next();
    }
}

package io.docflow.review;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reviewed documents as a ground-truth manifest (docs/evaluation.md, "Ground truth"):
 * {@code {"truthVersion": 1, "documents": [{"document": "<source key>", "class": ..., "fields": {...}}]}}. The
 * document path is the source object's key, so the manifest reads against a folder holding the documents under their
 * keys. A key reviewed more than once (versions of one object) is listed once, with its latest review. Fields are
 * written as the result shows them: card numbers stay masked, as the truth format expects.
 */
public final class CorrectionsManifest {

    public static final int TRUTH_VERSION = 1;

    private final ObjectMapper mapper;
    private final Map<String, ObjectNode> byKey = new LinkedHashMap<>();

    public CorrectionsManifest(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Adds a reviewed document; a later call for the same key replaces the earlier one. */
    public CorrectionsManifest add(String key, String documentClass, JsonNode fields) {
        ObjectNode entry = mapper.createObjectNode();
        entry.put("document", key);
        entry.put("class", documentClass);
        entry.set("fields", fields != null && fields.isObject() ? fields.deepCopy() : mapper.createObjectNode());
        byKey.remove(key);
        byKey.put(key, entry);
        return this;
    }

    public int size() {
        return byKey.size();
    }

    public ObjectNode json() {
        ObjectNode manifest = mapper.createObjectNode();
        manifest.put("truthVersion", TRUTH_VERSION);
        ArrayNode documents = manifest.putArray("documents");
        byKey.values().forEach(documents::add);
        return manifest;
    }
}

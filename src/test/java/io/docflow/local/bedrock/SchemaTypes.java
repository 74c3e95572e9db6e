package io.docflow.local.bedrock;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the declared type of a JSON Schema property, also when written as {@code ["string", "null"]}. */
final class SchemaTypes {

    private SchemaTypes() {
    }

    /** The declared type, or null when the schema declares none. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        for (JsonNode t : type) {
            if (!"null".equals(t.asText())) {
                return t.asText();
            }
        }
        return null;
    }

    static boolean isArrayOfObjects(JsonNode schema) {
        JsonNode items = schema.path("items");
        return "array".equals(type(schema)) && ("object".equals(type(items)) || items.has("properties"));
    }
}

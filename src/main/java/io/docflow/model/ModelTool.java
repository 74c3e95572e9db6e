package io.docflow.model;

import com.fasterxml.jackson.databind.JsonNode;

/** The one tool a tool-use request offers and forces: Bedrock's toolSpec (name, description, input JSON Schema). */
public record ModelTool(String name, String description, JsonNode inputSchema) {
}

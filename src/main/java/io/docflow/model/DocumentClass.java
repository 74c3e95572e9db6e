package io.docflow.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A class of document docflow can recognise, read from its schema file: the description goes into the
 * classification prompt, the JSON Schema (draft 2020-12) drives extraction and validation.
 *
 * @param keyFields the fields copied into the DynamoDB job item for quick look-up
 */
public record DocumentClass(String name, String description, String version, JsonNode schema, List<String> keyFields) {
}

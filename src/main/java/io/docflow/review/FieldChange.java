package io.docflow.review;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One value a reviewer changed: its JSON pointer into the fields ({@code /total}, {@code /lineItems/2/amount}), the
 * value before (the model's; JSON null when it had none) and after (JSON null when the reviewer removed it).
 */
public record FieldChange(String field, JsonNode before, JsonNode after) {
}

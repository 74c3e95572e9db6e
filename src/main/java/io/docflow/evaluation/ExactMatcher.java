package io.docflow.evaluation;

import com.fasterxml.jackson.databind.JsonNode;

/** Equal JSON values (booleans, and anything the schema does not describe); a number never equals its text. */
public final class ExactMatcher implements ValueMatcher {

    @Override
    public boolean matches(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    @Override
    public String name() {
        return "exact";
    }
}

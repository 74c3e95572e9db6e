package io.docflow.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/** The same calendar day, both written as ISO dates (yyyy-MM-dd, as the schemas' {@code format: date} asks). */
public final class DateMatcher implements ValueMatcher {

    @Override
    public boolean matches(JsonNode expected, JsonNode actual) {
        LocalDate e = date(expected);
        return e != null && e.equals(date(actual));
    }

    static LocalDate date(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText().trim());
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    @Override
    public String name() {
        return "date";
    }
}

package io.docflow.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** The same calendar day, both written as ISO dates (yyyy-MM-dd, as the schemas' {@code format: date} asks). */
public final class DateMatcher implements ValueMatcher {

    /** Aligning 500 rows reads each date 500 times; each is parsed once (absent when not an ISO date). */
    private final Map<String, Optional<LocalDate>> parsed = new HashMap<>();

    @Override
    public boolean matches(JsonNode expected, JsonNode actual) {
        if (!expected.isTextual() || !actual.isTextual()) {
            return false;
        }
        Optional<LocalDate> e = cached(expected.asText());
        return e.isPresent() && e.equals(cached(actual.asText()));
    }

    private Optional<LocalDate> cached(String text) {
        if (parsed.size() > 50_000) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(text, t -> Optional.ofNullable(date(TextNode.valueOf(t))));
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

package io.docflow.evidence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** Looks for a field's value in the text its quote was found at, the way its {@link MatchKind} says. */
final class ValueInQuote {

    private ValueInQuote() {
    }

    static ValueMatch find(MatchKind kind, String text, int from, int to, JsonNode value, DateOrder order) {
        return switch (kind) {
            case NUMBER -> {
                Optional<BigDecimal> number = Amounts.of(value);
                yield number.isPresent()
                        ? NumberFinder.find(text, from, to, number.get())
                        : asText(text, from, to, value, "not a number");
            }
            case DATE -> {
                LocalDate date = isoDate(value);
                yield date != null
                        ? DateFinder.find(text, from, to, date, order)
                        : asText(text, from, to, value, "not a YYYY-MM-DD date");
            }
            case CURRENCY -> CurrencyFinder.find(text, from, to, value.asText());
            case ALPHANUMERIC -> TextFinder.findAlphanumeric(text, from, to, value.asText());
            case TEXT -> TextFinder.find(text, from, to, value.asText());
            case QUOTE -> ValueMatch.at(from, to, value.isBoolean()
                    ? "a yes/no value: only its quote is checked"
                    : "only the quote is checked (x-docflow-match: quote)");
        };
    }

    static LocalDate isoDate(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText().strip());
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    private static ValueMatch asText(String text, int from, int to, JsonNode value, String why) {
        return TextFinder.find(text, from, to, value.asText()).withNote(why + ", so matched as text");
    }
}

package io.docflow.evaluation;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Strings equal once normalised: case, spacing and Unicode forms ignored ({@link #normalised()}), or everything but
 * letters and digits ignored ({@link #alphanumeric()}, for account numbers, IBANs, references). A non-text value is
 * compared as its JSON text.
 */
public final class NormalisedTextMatcher implements ValueMatcher {

    private final String name;
    private final TextNormaliser.Cached form;

    private NormalisedTextMatcher(String name, UnaryOperator<String> form) {
        this.name = name;
        this.form = new TextNormaliser.Cached(form);
    }

    public static NormalisedTextMatcher normalised() {
        return new NormalisedTextMatcher("normalised", TextNormaliser::normalised);
    }

    public static NormalisedTextMatcher alphanumeric() {
        return new NormalisedTextMatcher("alphanumeric", TextNormaliser::alphanumeric);
    }

    @Override
    public boolean matches(JsonNode expected, JsonNode actual) {
        return form.apply(text(expected)).equals(form.apply(text(actual)));
    }

    /** Near misses (a typo in a name) still pair list rows ahead of unrelated values. */
    @Override
    public double similarity(JsonNode expected, JsonNode actual) {
        return matches(expected, actual) ? 1
                : 0.99 * Levenshtein.similarity(form.apply(text(expected)), form.apply(text(actual)));
    }

    static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    @Override
    public String name() {
        return name;
    }
}

package io.docflow.evaluation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Free text (a summary, a subject) is right when its normalised Levenshtein similarity to the expected text reaches
 * the threshold (0.8 by default): 1 - edits / length of the longer, both {@link TextNormaliser#normalised normalised}.
 */
public final class FuzzyTextMatcher implements ValueMatcher {

    public static final double DEFAULT_THRESHOLD = 0.8;

    private final double threshold;
    private final TextNormaliser.Cached form = new TextNormaliser.Cached(TextNormaliser::normalised);

    public FuzzyTextMatcher(double threshold) {
        this.threshold = threshold;
    }

    public FuzzyTextMatcher() {
        this(DEFAULT_THRESHOLD);
    }

    @Override
    public boolean matches(JsonNode expected, JsonNode actual) {
        return score(expected, actual) >= threshold;
    }

    @Override
    public double similarity(JsonNode expected, JsonNode actual) {
        return score(expected, actual);
    }

    private double score(JsonNode expected, JsonNode actual) {
        return Levenshtein.similarity(form.apply(NormalisedTextMatcher.text(expected)),
                form.apply(NormalisedTextMatcher.text(actual)));
    }

    @Override
    public String name() {
        return "fuzzy ≥" + threshold;
    }
}

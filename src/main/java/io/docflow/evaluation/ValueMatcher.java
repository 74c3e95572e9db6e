package io.docflow.evaluation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether an extracted scalar value counts as the expected one, and how alike the two are (0 to 1) so list items can
 * be aligned. Both values are present (neither null nor missing) when called.
 */
public interface ValueMatcher {

    boolean matches(JsonNode expected, JsonNode actual);

    /** 1 for a match; below 1 otherwise, higher for nearer values, so an optimal alignment prefers near misses. */
    default double similarity(JsonNode expected, JsonNode actual) {
        return matches(expected, actual) ? 1 : 0;
    }

    /** The name reports and docs/evaluation.md use for this matcher. */
    String name();
}

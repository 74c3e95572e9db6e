package io.docflow.evidence;

import java.util.List;

/**
 * How much one value can be trusted (0 to 1), the threshold it is held to, and each step that led to it
 * ({@link Confidence}), e.g. {@code ["model's estimate 0.90", "ungrounded × 0.4 = 0.36"]}.
 */
public record FieldConfidence(String field, double confidence, double threshold, List<String> because) {

    public FieldConfidence {
        because = List.copyOf(because);
    }

    boolean belowThreshold() {
        return confidence < threshold;
    }
}

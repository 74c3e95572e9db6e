package io.docflow.evidence;

import java.util.List;

/** How much the document's extraction as a whole can be trusted, its threshold, and the steps that led to it. */
public record DocumentConfidence(double confidence, double threshold, List<String> because) {

    public DocumentConfidence {
        because = List.copyOf(because);
    }

    boolean belowThreshold() {
        return confidence < threshold;
    }
}

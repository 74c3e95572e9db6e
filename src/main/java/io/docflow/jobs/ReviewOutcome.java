package io.docflow.jobs;

import java.time.Instant;
import java.util.Map;

/**
 * What a finished review writes to the job's item ({@link JobsTable#finishReview}).
 *
 * @param documentClass the class after the review (changed by a reclassification)
 * @param keyFields     the class's key fields among the reviewed fields, as text
 * @param comment       the reviewer's comment, or null; a rejection's error
 */
public record ReviewOutcome(String reviewer, Instant reviewedAt, ReviewAction action, String documentClass,
                            Map<String, String> keyFields, String comment) {

    public ReviewOutcome {
        keyFields = keyFields == null ? Map.of() : Map.copyOf(keyFields);
    }
}

package io.docflow.notify;

import java.util.List;

/**
 * A finished review, as the "Document Reviewed" announcement tells it (routes/review.camel.yaml).
 *
 * @param status        the job's final status: COMPLETED, or FAILED for a rejection
 * @param documentClass the class after the review
 * @param modelClass    the class the model gave (differs from documentClass after a reclassification)
 * @param action        approve, correct, reclassify or reject
 * @param changedFields JSON pointers of the fields the reviewer changed
 * @param reason        REJECTED_IN_REVIEW for a rejection, else null
 */
public record DocumentReviewed(String jobId, String status, String documentClass, String modelClass, String reviewedBy,
                               String reviewedAt, String action, List<String> changedFields, String bucket, String key,
                               String resultLocation, String reason) {

    public DocumentReviewed {
        changedFields = List.copyOf(changedFields);
    }
}

package io.docflow.client;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One file's outcome once its job ended, or once docflow gave up on it from the client's side: {@code status} is
 * the job's final status, or NOT_SUBMITTED (the upload was refused, {@code reason} says why) or TIMED_OUT.
 * {@code result} is the result document when the job has one.
 */
public record FinishedJob(Path file, String jobId, String status, String reason, String documentClass, JsonNode result,
                          long waitedMillis) {

    public static final String NOT_SUBMITTED = "NOT_SUBMITTED";
    public static final String TIMED_OUT = "TIMED_OUT";

    /** Ended without a usable outcome: FAILED, refused or timed out (NEEDS_REVIEW is an outcome). */
    public boolean failed() {
        return !"COMPLETED".equals(status) && !"NEEDS_REVIEW".equals(status);
    }
}

package io.docflow.jobs;

/** Where a job is. Every change is a conditional write from the status before it. */
public enum JobStatus {
    QUEUED, PROCESSING, COMPLETED, NEEDS_REVIEW, FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == NEEDS_REVIEW || this == FAILED;
    }
}

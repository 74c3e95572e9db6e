package io.docflow.jobs;

/**
 * Where a job ended, or {@link #PROCESSING} until it has.
 *
 * @param reason  a {@link FailureReason} name, for NEEDS_REVIEW and FAILED; else null
 * @param message what went wrong, in words, beside the reason
 */
public record JobOutcome(JobStatus status, String reason, String message) {

    public static final JobOutcome PROCESSING = new JobOutcome(JobStatus.PROCESSING, null, null);

    public static JobOutcome completed() {
        return new JobOutcome(JobStatus.COMPLETED, null, null);
    }

    public static JobOutcome needsReview(String reason, String message) {
        return new JobOutcome(JobStatus.NEEDS_REVIEW, reason, message);
    }

    public static JobOutcome failed(String reason, String message) {
        return new JobOutcome(JobStatus.FAILED, reason, message);
    }

    public boolean decided() {
        return status != JobStatus.PROCESSING;
    }
}

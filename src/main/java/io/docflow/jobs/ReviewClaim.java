package io.docflow.jobs;

/**
 * What became of a reviewer's claim on a job ({@link JobsTable#claimReview}).
 *
 * @param job the job as stored after the attempt; null for {@link Outcome#NOT_FOUND}
 */
public record ReviewClaim(Outcome outcome, JobRecord job) {

    public enum Outcome {
        /** The caller holds the claim now (taken, taken over after its lease ran out, or renewed). */
        CLAIMED,
        /** Another reviewer holds an unexpired claim: {@code job.review()} says who and until when. */
        HELD_BY_OTHER,
        /** The job is not NEEDS_REVIEW (any more). */
        NOT_IN_REVIEW,
        /** There is no such job. */
        NOT_FOUND
    }
}

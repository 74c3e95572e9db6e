package io.docflow.jobs;

/**
 * What an ingest message may do with the job of the object it announces.
 *
 * @param job the job as stored, for {@link Outcome#ANNOUNCEMENT_PENDING}, {@link Outcome#CRASH_LOOP} and
 *            {@link Outcome#DUPLICATE}; null otherwise
 */
public record Claim(Outcome outcome, JobRecord job) {

    public enum Outcome {
        /** The message registered the job: first announcement of this object version. */
        REGISTERED,
        /** The job was registered by a front door (HTTP upload, legacy bridge) or parked, and this message took it. */
        TAKEN_OVER,
        /** This message had claimed the job before and is received again (a crash or failure mid-way). */
        RESUMED,
        /**
         * This message had claimed the job before, and the job's attempts have ended with their process
         * docflow.jobs.max-unfinished-attempts times: it is not started again.
         */
        CRASH_LOOP,
        /** The job was finished through this message but never announced (the process stopped in between). */
        ANNOUNCEMENT_PENDING,
        /** Another message has the job: a duplicate announcement of the same object version. */
        DUPLICATE
    }

    /** Whether this message goes on to process the document. */
    public boolean processes() {
        return outcome == Outcome.REGISTERED || outcome == Outcome.TAKEN_OVER || outcome == Outcome.RESUMED;
    }

    public boolean crashLoop() {
        return outcome == Outcome.CRASH_LOOP;
    }

    public boolean announcementPending() {
        return outcome == Outcome.ANNOUNCEMENT_PENDING;
    }
}

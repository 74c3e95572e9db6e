package io.docflow.pipeline;

import io.docflow.ingest.SourceObject;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.FailureReason;
import io.docflow.jobs.JobOutcome;
import io.docflow.jobs.JobRecord;
import io.docflow.model.Classification;
import org.springframework.stereotype.Component;

/**
 * A document's job as the exchange knows it, from its start to the outcomes of its unhappy paths
 * (routes/error-handling.camel.yaml, process-errors): failed with the reason its exception carries, poisoned, or
 * sent to review; and the jobs the ingest route finishes without processing them (routes/ingest.camel.yaml).
 */
@Component("documentOutcomes")
public class DocumentOutcomes {

    public DocumentJob begin(String jobId, SourceObject source) {
        return new DocumentJob(jobId, source);
    }

    /** Records why the document failed, with the reason code the exception carries. */
    public void failed(DocumentJob job, Exception exception) {
        job.outcome(JobOutcome.failed(FailureReasons.of(exception).name(), exception.getMessage()));
    }

    public void poisoned(DocumentJob job, Exception exception) {
        job.outcome(JobOutcome.failed(FailureReason.POISON_MESSAGE.name(), "Failed on every one of its receives; moved "
                + "to the dead-letter queue. Last error: " + exception.getClass().getSimpleName() + ": "
                + exception.getMessage()));
    }

    public void reviewNeeded(DocumentJob job, Exception exception) {
        job.outcome(JobOutcome.needsReview(FailureReason.INVALID_MODEL_OUTPUT.name(), exception.getMessage()));
    }

    /** A job whose attempts kept ending with their process: FAILED without being started again. */
    public DocumentJob crashedRepeatedly(SourceObject source, JobRecord record) {
        DocumentJob job = new DocumentJob(record.jobId(), source);
        job.outcome(JobOutcome.failed(FailureReason.CRASHED_REPEATEDLY.name(), "Started " + record.attempts() + " times; "
                + record.unfinishedAttempts() + " attempts ended with their process (killed, out of memory or crashed), "
                + "the last in stage " + record.stage() + ". Not started again: its message went to the dead-letter queue."));
        return job;
    }

    /** The stored outcome of a finished job, enough to announce it again. */
    public DocumentJob finished(SourceObject source, JobRecord stored) {
        DocumentJob job = new DocumentJob(stored.jobId(), source);
        if (stored.documentClass() != null) {
            double confidence = stored.confidence() == null ? 0 : stored.confidence();
            job.classification(new Classification(stored.documentClass(), confidence, "", stored.documentClass()));
        }
        job.outcome(switch (stored.status()) {
            case COMPLETED -> JobOutcome.completed();
            case NEEDS_REVIEW -> JobOutcome.needsReview(stored.reason(), stored.error());
            default -> JobOutcome.failed(stored.reason(), stored.error());
        });
        return job;
    }
}

package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.docflow.extract.DocumentExtractionException;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.FailureReason;
import io.docflow.jobs.JobOutcome;
import io.docflow.jobs.JobRecord;
import io.docflow.jobs.JobStatus;
import io.docflow.model.BadModelOutputException;
import org.junit.jupiter.api.Test;

class DocumentOutcomesTest {

    private final DocumentOutcomes outcomes = new DocumentOutcomes();
    private final SourceObject source = new SourceObject("in", "a.pdf", 10, "e", null, null, "test");

    @Test
    void aJobBeginsProcessing() {
        DocumentJob job = outcomes.begin("j-1", source);

        assertThat(job.jobId()).isEqualTo("j-1");
        assertThat(job.source()).isEqualTo(source);
        assertThat(job.outcome().status()).isEqualTo(JobStatus.PROCESSING);
    }

    @Test
    void aFailedDocumentKeepsTheReasonItsExceptionCarries() {
        DocumentJob job = outcomes.begin("j-2", source);

        outcomes.failed(job, new DocumentExtractionException(FailureReason.ENCRYPTED, "password protected"));

        assertThat(job.outcome().status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.outcome().reason()).isEqualTo("ENCRYPTED");
        assertThat(job.outcome().message()).isEqualTo("password protected");
    }

    @Test
    void aPoisonedDocumentSaysWhatFailedLast() {
        DocumentJob job = outcomes.begin("j-3", source);

        outcomes.poisoned(job, new IllegalStateException("disk full"));

        assertThat(job.outcome().reason()).isEqualTo("POISON_MESSAGE");
        assertThat(job.outcome().message()).contains("dead-letter queue", "IllegalStateException: disk full");
    }

    @Test
    void anUnreadableAnswerSendsTheDocumentToReview() {
        DocumentJob job = outcomes.begin("j-4", source);

        outcomes.reviewNeeded(job, new BadModelOutputException("no JSON object in the reply"));

        assertThat(job.outcome().status()).isEqualTo(JobStatus.NEEDS_REVIEW);
        assertThat(job.outcome().reason()).isEqualTo("INVALID_MODEL_OUTPUT");
    }

    @Test
    void aCrashLoopFailsTheJobNamingItsAttemptsAndLastStage() {
        JobRecord record = record(JobStatus.PROCESSING, null, null, null, null, 3, "extract-fields");

        DocumentJob job = outcomes.crashedRepeatedly(source, record);

        assertThat(job.jobId()).isEqualTo("j-5");
        assertThat(job.outcome().status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.outcome().reason()).isEqualTo("CRASHED_REPEATEDLY");
        assertThat(job.outcome().message()).startsWith("Started 3 times; 3 attempts ended with their process")
                .contains("the last in stage extract-fields");
    }

    @Test
    void aStoredOutcomeIsAnnouncedAsItWasStored() {
        DocumentJob completed = outcomes.finished(source, record(JobStatus.COMPLETED, "invoice", 0.8, null, null, 1, null));
        DocumentJob review = outcomes.finished(source, record(JobStatus.NEEDS_REVIEW, "receipt", null, "LOW_OCR_CONFIDENCE", "unsure", 1, null));
        DocumentJob failed = outcomes.finished(source, record(JobStatus.FAILED, null, null, "NO_TEXT", "empty", 1, null));

        assertThat(completed.outcome()).isEqualTo(JobOutcome.completed());
        assertThat(completed.documentClass()).isEqualTo("invoice");
        assertThat(completed.confidence()).isEqualTo(0.8);
        assertThat(review.outcome()).isEqualTo(JobOutcome.needsReview("LOW_OCR_CONFIDENCE", "unsure"));
        assertThat(review.confidence()).as("none stored").isZero();
        assertThat(failed.outcome()).isEqualTo(JobOutcome.failed("NO_TEXT", "empty"));
        assertThat(failed.classification()).isNull();
        assertThat(failed.source()).isEqualTo(source);
    }

    private static JobRecord record(JobStatus status, String documentClass, Double confidence, String reason,
                                    String error, int attempts, String stage) {
        return new JobRecord("j-5", status, "in", "a.pdf", "test", "m-1", false, null, null, documentClass, confidence,
                reason, error, null, null, null, Map.of(), Map.of(), null, null, attempts, 0, 0, stage, Map.of());
    }
}

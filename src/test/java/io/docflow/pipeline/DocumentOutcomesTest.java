package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.docflow.extract.DocumentExtractionException;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.FailureReason;
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
        assertThat(job.status()).isEqualTo(JobStatus.PROCESSING);
    }

    @Test
    void aFailedDocumentKeepsTheReasonItsExceptionCarries() {
        DocumentJob job = outcomes.begin("j-2", source);

        outcomes.failed(job, new DocumentExtractionException(FailureReason.ENCRYPTED, "password protected"));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.failureReason()).isEqualTo("ENCRYPTED");
        assertThat(job.failureMessage()).isEqualTo("password protected");
    }

    @Test
    void aPoisonedDocumentSaysWhatFailedLast() {
        DocumentJob job = outcomes.begin("j-3", source);

        outcomes.poisoned(job, new IllegalStateException("disk full"));

        assertThat(job.failureReason()).isEqualTo("POISON_MESSAGE");
        assertThat(job.failureMessage()).contains("dead-letter queue", "IllegalStateException: disk full");
    }

    @Test
    void anUnreadableAnswerSendsTheDocumentToReview() {
        DocumentJob job = outcomes.begin("j-4", source);

        outcomes.reviewNeeded(job, new BadModelOutputException("no JSON object in the reply"));

        assertThat(job.status()).isEqualTo(JobStatus.NEEDS_REVIEW);
        assertThat(job.failureReason()).isEqualTo("INVALID_MODEL_OUTPUT");
    }
}

package io.docflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobOutcomeTest {

    @Test
    void onlyProcessingIsUndecided() {
        assertThat(JobOutcome.PROCESSING.decided()).isFalse();
        assertThat(JobOutcome.completed().decided()).isTrue();
        assertThat(JobOutcome.needsReview("LOW_OCR_CONFIDENCE", "unsure").decided()).isTrue();
        assertThat(JobOutcome.failed("NO_TEXT", "empty").decided()).isTrue();
    }

    @Test
    void aCompletedJobHasNoReason() {
        assertThat(JobOutcome.completed()).isEqualTo(new JobOutcome(JobStatus.COMPLETED, null, null));
    }

    @Test
    void reviewAndFailureKeepTheirReasonAndMessage() {
        assertThat(JobOutcome.needsReview("INVALID_MODEL_OUTPUT", "no JSON"))
                .isEqualTo(new JobOutcome(JobStatus.NEEDS_REVIEW, "INVALID_MODEL_OUTPUT", "no JSON"));
        assertThat(JobOutcome.failed("ENCRYPTED", "password protected"))
                .isEqualTo(new JobOutcome(JobStatus.FAILED, "ENCRYPTED", "password protected"));
    }
}
